package costplan.importers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads OpenAI Codex CLI session rollouts ({@code ~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl}, and
 * {@code archived_sessions/}) into one {@link UsageRecord} per turn. Usage comes from {@code token_count} events: the
 * per-turn {@code last_token_usage}, or the difference of the cumulative {@code total_token_usage}. Codex counts cached
 * input inside {@code input_tokens}, so new input is input less cached; reasoning is part of output. The model is the
 * one of the latest {@code turn_context}. Forked and sub-agent rollouts replay their parent's token events, so an
 * event seen before (same time, same cumulative total, same turn) is counted once.
 */
public final class CodexRolloutImporter implements UsageImporter {
    /** Where Codex keeps its data; a comma-separated list is allowed. */
    public static final String HOME_VARIABLE = "CODEX_HOME";
    /** The model Codex used when a rollout names none (builds of September 2025 wrote no turn context). */
    static final String FALLBACK_MODEL = "gpt-5";
    private static final String NAME = "codex";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant EARLIEST = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration CLOCK_TOLERANCE = Duration.ofDays(1);

    private final Clock clock;

    public CodexRolloutImporter() {
        this(Clock.systemUTC());
    }

    public CodexRolloutImporter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Codex's folders under {@code CODEX_HOME} (or {@code ~/.codex}) that exist. */
    public static List<Path> defaultLocations(Map<String, String> environment, Path home) {
        String configured = environment.get(HOME_VARIABLE);
        List<Path> homes = configured == null || configured.isBlank() ? List.of(home.resolve(".codex"))
                : Stream.of(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
        return homes.stream().filter(Files::isDirectory).toList();
    }

    /** A folder holding {@code sessions/} or rollout files, or a file whose first line is a Codex rollout line. */
    @Override
    public boolean canRead(Path source) {
        if (Files.isDirectory(source)) {
            if (Files.isDirectory(source.resolve("sessions")) || Files.isDirectory(source.resolve("archived_sessions"))) return true;
            try (Stream<Path> files = Files.walk(source, 6)) {
                return files.anyMatch(CodexRolloutImporter::isRollout);
            } catch (IOException | java.io.UncheckedIOException e) {
                return false;
            }
        }
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            return first != null && first.contains("\"payload\"") && (first.contains("\"session_meta\"")
                    || first.contains("\"turn_context\"") || first.contains("\"event_msg\"") || first.contains("\"response_item\""));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRollout(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("rollout-") && name.endsWith(".jsonl") && Files.isRegularFile(file);
    }

    @Override
    public ImportSummary read(List<Path> sources, Consumer<UsageRecord> sink) throws IOException {
        ProblemTally tally = new ProblemTally();
        List<Path> files = rollouts(sources, tally);
        if (files.isEmpty() && !tally.problems.isEmpty()) throw new IOException(tally.problems.get(0).toString());
        Set<String> seen = new HashSet<>();
        List<UsageRecord> records = new ArrayList<>();
        for (Path file : files) {
            tally.startFile();
            try {
                readFile(file, tally, seen, records);
                tally.filesRead++;
                tally.bytesRead += Files.size(file);
            } catch (IOException e) {
                tally.report(new ImportProblem(file, 0, ImportProblem.Kind.UNREADABLE, "cannot be read (" + e.getMessage()
                        + "); check its permissions"));
            }
        }
        records.sort(Comparator.comparing(UsageRecord::timestamp).thenComparing(UsageRecord::requestId));
        records.forEach(sink);
        return tally.toSummary(records.size());
    }

    /** Every rollout under the sources; where the same relative path is active and archived, the active copy. */
    private static List<Path> rollouts(List<Path> sources, ProblemTally tally) throws IOException {
        Map<String, Path> byRelativePath = new LinkedHashMap<>();
        for (Path source : sources) {
            if (!Files.exists(source)) {
                tally.report(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE, "no such file or folder"));
                continue;
            }
            if (Files.isRegularFile(source)) {
                byRelativePath.putIfAbsent(source.toAbsolutePath().toString(), source);
                continue;
            }
            List<Path> found;
            try (Stream<Path> walk = Files.walk(source)) {
                found = walk.filter(CodexRolloutImporter::isRollout).sorted().toList();
            }
            for (Path file : found) {
                String relative = source.relativize(file).toString();
                boolean archived = relative.startsWith("archived_sessions");
                String key = source.toAbsolutePath() + "|" + relative.replaceFirst("^(archived_)?sessions", "");
                if (archived) byRelativePath.putIfAbsent(key, file);
                else byRelativePath.put(key, file);
            }
        }
        return byRelativePath.values().stream().sorted().toList();
    }

    /** What one rollout has said so far. */
    private static final class Session {
        String id;
        String cwd;
        String version;
        String model;
        long[] previousTotal;
        int turns;
    }

    private void readFile(Path file, ProblemTally tally, Set<String> seen, List<UsageRecord> records) throws IOException {
        Session session = new Session();
        session.id = file.getFileName().toString().replaceFirst("^rollout-", "").replaceFirst("\\.jsonl$", "");
        Instant latest = clock.instant().plus(CLOCK_TOLERANCE);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                tally.linesRead++;
                // Response items carry the conversation itself; only these three kinds matter.
                if (!line.contains("\"session_meta\"") && !line.contains("\"turn_context\"") && !line.contains("\"token_count\"")) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    tally.report(new ImportProblem(file, number, ImportProblem.Kind.MALFORMED_LINE,
                            "line is not valid JSON (" + e.getOriginalMessage().replaceFirst(" \\(start marker.*", "") + ")"));
                    continue;
                }
                JsonNode payload = node.path("payload");
                switch (node.path("type").asText()) {
                    case "session_meta" -> {
                        if (payload.path("id").isTextual()) session.id = payload.get("id").asText();
                        if (payload.path("cwd").isTextual()) session.cwd = payload.get("cwd").asText();
                        if (payload.path("cli_version").isTextual()) session.version = payload.get("cli_version").asText();
                    }
                    case "turn_context" -> {
                        if (payload.path("model").isTextual()) session.model = payload.get("model").asText();
                        if (session.cwd == null && payload.path("cwd").isTextual()) session.cwd = payload.get("cwd").asText();
                    }
                    case "event_msg" -> {
                        if (payload.path("type").asText().equals("token_count"))
                            tokenCount(file, number, node, payload.path("info"), session, tally, seen, records, latest);
                    }
                    default -> { }
                }
            }
        }
    }

    private void tokenCount(Path file, long number, JsonNode node, JsonNode info, Session session, ProblemTally tally,
                            Set<String> seen, List<UsageRecord> records, Instant latest) {
        if (info.isMissingNode() || info.isNull()) return;
        Instant time;
        try {
            time = Instant.parse(node.path("timestamp").asText());
        } catch (DateTimeParseException e) {
            tally.report(new ImportProblem(file, number, ImportProblem.Kind.BAD_FIELD,
                    "expected timestamp to be an ISO time but was " + node.path("timestamp")));
            return;
        }
        if (time.isBefore(EARLIEST) || time.isAfter(latest)) {
            tally.report(new ImportProblem(file, number, ImportProblem.Kind.ABSURD_DATE, "timestamp " + time + " is out of range"));
            return;
        }
        long[] total = usage(info.path("total_token_usage"));
        long[] last = usage(info.path("last_token_usage"));
        long[] turn = last != null ? last : total == null ? null : minus(total, session.previousTotal);
        if (total != null) session.previousTotal = total;
        if (turn == null) {
            tally.report(new ImportProblem(file, number, ImportProblem.Kind.BAD_FIELD,
                    "token_count has neither last_token_usage nor total_token_usage"));
            return;
        }
        if (turn[0] < 0 || turn[1] < 0 || turn[2] < 0 || turn[1] > turn[0]) {
            tally.report(new ImportProblem(file, number, ImportProblem.Kind.BAD_FIELD,
                    "token counts must be >= 0 with cached input within input, but were input " + turn[0] + ", cached "
                            + turn[1] + ", output " + turn[2]));
            return;
        }
        tally.usageLines++;
        if (turn[0] == 0 && turn[2] == 0) return;
        tally.requestCopies++;
        String key = time + "|" + (total == null ? "-" : total[0] + "/" + total[2]) + "|" + turn[0] + "/" + turn[1] + "/" + turn[2];
        if (!seen.add(key)) return;
        session.turns++;
        String project = session.cwd != null ? session.cwd : file.getParent().getFileName().toString();
        records.add(new UsageRecord(NAME, time, session.model != null ? session.model : FALLBACK_MODEL, project, session.id,
                session.id + "#" + session.turns, null, new TokenCounts(turn[0] - turn[1], turn[2], 0, turn[1]), 0, 0, 0,
                null, false, false, List.of(), session.version, null));
    }

    /** {input (cached included), cached input, output (reasoning included)}, or null when absent. */
    private static long[] usage(JsonNode node) {
        if (!node.isObject()) return null;
        return new long[]{node.path("input_tokens").asLong(), node.path("cached_input_tokens").asLong(),
                node.path("output_tokens").asLong()};
    }

    private static long[] minus(long[] total, long[] previous) {
        if (previous == null) return total;
        return new long[]{total[0] - previous[0], total[1] - previous[1], total[2] - previous[2]};
    }
}
