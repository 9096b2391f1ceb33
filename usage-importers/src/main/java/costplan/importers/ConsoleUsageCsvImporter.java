package costplan.importers;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the Claude Console's usage (tokens) CSV export: one aggregated {@link UsageRecord} per row, a day or an
 * hour of one model, key and workspace. Columns are matched by header name, since the header has changed (the
 * 5-minute/1-hour cache-write split, then context window, geography and speed were added); a byte-order mark and
 * a semicolon or tab delimiter are accepted.
 */
public final class ConsoleUsageCsvImporter implements UsageImporter {
    static final String NAME = "anthropic-console-csv";
    private static final List<String> REQUIRED = List.of("usage_date_utc", "model_version", "usage_input_tokens_no_cache",
            "usage_input_tokens_cache_read", "usage_output_tokens");
    private static final DateTimeFormatter HOURLY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public String name() {
        return NAME;
    }

    /** A CSV file (or a folder of them) whose header names the Console's token columns. */
    @Override
    public boolean canRead(Path source) {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source)) {
                return files.filter(f -> f.toString().endsWith(".csv")).anyMatch(this::canRead);
            } catch (IOException e) {
                return false;
            }
        }
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            return header != null && header.contains("usage_date_utc") && header.contains("usage_output_tokens");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public ImportSummary read(List<Path> sources, Consumer<UsageRecord> sink) throws IOException {
        ProblemTally tally = new ProblemTally();
        List<Path> files = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> list = Files.list(source)) {
                    list.filter(f -> f.toString().endsWith(".csv")).filter(this::canRead).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(source)) {
                files.add(source);
            } else {
                tally.report(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE, "no such file or folder"));
            }
        }
        List<UsageRecord> records = new ArrayList<>();
        for (Path file : files) {
            tally.startFile();
            readFile(file, tally, records);
        }
        records.sort(Comparator.comparing(UsageRecord::timestamp).thenComparing(UsageRecord::model));
        records.forEach(sink);
        return tally.toSummary(records.size());
    }

    private static void readFile(Path file, ProblemTally tally, List<UsageRecord> records) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) return;
            headerLine = headerLine.replace("\uFEFF", "");
            char delimiter = headerLine.contains("\t") ? '\t' : headerLine.contains(";") && !headerLine.contains(",") ? ';' : ',';
            List<String> header = split(headerLine, delimiter);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) columns.put(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
            List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                tally.report(new ImportProblem(file, 1, ImportProblem.Kind.NOT_A_LOG, "missing column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "; expected the Console's usage (tokens) export; columns found: " + header));
                return;
            }
            tally.filesRead++;
            tally.bytesRead += Files.size(file);
            tally.linesRead++;
            String line;
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                tally.linesRead++;
                if (line.isBlank()) continue;
                List<String> cells = split(line, delimiter);
                try {
                    records.add(record(cells, columns));
                    tally.usageLines++;
                    tally.requestCopies++;
                } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
                    tally.report(new ImportProblem(file, number, ImportProblem.Kind.BAD_FIELD, e.getMessage() == null
                            ? "row has fewer cells than the header" : e.getMessage()));
                }
            }
        }
    }

    private static UsageRecord record(List<String> cells, Map<String, Integer> columns) {
        String date = cell(cells, columns, "usage_date_utc");
        boolean hourly = date.length() > 10;
        Instant start = hourly ? LocalDateTime.parse(date, HOURLY).toInstant(ZoneOffset.UTC)
                : LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        long write5m = columns.containsKey("usage_input_tokens_cache_write_5m") ? count(cells, columns, "usage_input_tokens_cache_write_5m")
                : columns.containsKey("usage_input_tokens_cache_write") ? count(cells, columns, "usage_input_tokens_cache_write") : 0;
        long write1h = columns.containsKey("usage_input_tokens_cache_write_1h") ? count(cells, columns, "usage_input_tokens_cache_write_1h") : 0;
        String workspace = columns.containsKey("workspace") ? cell(cells, columns, "workspace") : "";
        String tier = columns.containsKey("usage_type") ? cell(cells, columns, "usage_type") : "";
        String speed = columns.containsKey("speed") ? cell(cells, columns, "speed") : "";
        int searches = columns.containsKey("web_search_count") ? (int) count(cells, columns, "web_search_count") : 0;
        return new UsageRecord(NAME, start, cell(cells, columns, "model_version"), workspace.isEmpty() ? "default workspace" : workspace,
                (hourly ? "hour " : "day ") + date, null, null, new TokenCounts(count(cells, columns, "usage_input_tokens_no_cache"),
                count(cells, columns, "usage_output_tokens"), write5m + write1h, count(cells, columns, "usage_input_tokens_cache_read")),
                write5m, write1h, searches, tier.isEmpty() ? null : tier, speed.equals("fast"), false, List.of(), null, null,
                hourly ? Duration.ofHours(1) : Duration.ofDays(1));
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        return cells.get(columns.get(name)).strip();
    }

    private static long count(List<String> cells, Map<String, Integer> columns, String name) {
        String text = cell(cells, columns, name);
        if (text.isEmpty()) return 0;
        try {
            long n = Long.parseLong(text);
            if (n < 0) throw new IllegalArgumentException(name + " must be >= 0 but was " + text);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + name + " to be a whole number but was '" + text + "'");
        }
    }

    /** Splits one CSV line, honouring double-quoted cells with doubled quotes inside. */
    static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
