package costplan.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads llama-bench output: {@code -o json} (an array of test objects), {@code -o jsonl} (one per line) or the
 * default markdown table ({@code | model | size | params | backend | ... | test | t/s |}). The format is told
 * from the content.
 */
public final class LlamaBenchParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEST = Pattern.compile("(pp|tg)\\s*(\\d+)(?:\\s*@\\s*d(\\d+))?");
    private static final Pattern SIZE = Pattern.compile("([\\d.]+)\\s*(GiB|MiB|GB|MB)");
    private static final Pattern PARAMS = Pattern.compile("([\\d.]+)\\s*([BM])");
    private static final Pattern RATE = Pattern.compile("([\\d.]+)(?:\\s*±\\s*[\\d.]+)?");

    private LlamaBenchParser() {
    }

    public static List<BenchResult> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) throw new IllegalArgumentException(file + ": empty; expected llama-bench output (-o json or the markdown table)");
        if (text.startsWith("[")) return json(file, JSON.readTree(text));
        if (text.startsWith("{")) {
            List<BenchResult> results = new ArrayList<>();
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++)
                if (!lines[i].isBlank()) results.add(fromJson(file, JSON.readTree(lines[i]), i + 1));
            return results;
        }
        return markdown(file, text);
    }

    private static List<BenchResult> json(Path file, JsonNode array) {
        List<BenchResult> results = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) results.add(fromJson(file, array.get(i), i + 1));
        return results;
    }

    private static BenchResult fromJson(Path file, JsonNode test, int index) {
        for (String field : new String[]{"model_size", "model_n_params", "n_prompt", "n_gen", "avg_ts"})
            if (!test.path(field).isNumber())
                throw new IllegalArgumentException(file + ": test " + index + ": missing number '" + field + "'; is this llama-bench -o json output?");
        return new BenchResult(test.path("model_type").asText(""), test.get("model_size").asLong(), test.get("model_n_params").asLong(),
                test.get("n_prompt").asInt(), test.get("n_gen").asInt(), test.path("n_depth").asLong(0),
                test.path("n_ubatch").asInt(BenchResult.DEFAULT_UBATCH), test.get("avg_ts").asDouble(), index);
    }

    private static List<BenchResult> markdown(Path file, String text) {
        String[] lines = text.split("\n");
        List<String> header = null;
        List<BenchResult> results = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("|")) continue;
            List<String> cells = cells(line);
            if (header == null) {
                header = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                for (String needed : new String[]{"model", "size", "params", "test", "t/s"})
                    if (!header.contains(needed))
                        throw new IllegalArgumentException(file + ":" + (i + 1) + ": the table has no '" + needed + "' column; expected llama-bench's markdown output");
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) continue;
            results.add(row(file, i + 1, header, cells));
        }
        if (header == null) throw new IllegalArgumentException(file + ": neither JSON nor a markdown table; expected llama-bench output");
        return results;
    }

    private static BenchResult row(Path file, int line, List<String> header, List<String> cells) {
        if (cells.size() != header.size())
            throw new IllegalArgumentException(file + ":" + line + ": " + cells.size() + " cells, the header has " + header.size());
        String where = file + ":" + line;
        Matcher test = match(TEST, cells.get(header.indexOf("test")), where, "a test like pp512, tg128 or pp512 @ d8192");
        Matcher size = match(SIZE, cells.get(header.indexOf("size")), where, "a size like 3.56 GiB");
        Matcher params = match(PARAMS, cells.get(header.indexOf("params")), where, "a parameter count like 6.74 B");
        Matcher rate = match(RATE, cells.get(header.indexOf("t/s")), where, "tokens per second like 131.42 ± 0.59");
        double sizeBytes = Double.parseDouble(size.group(1)) * switch (size.group(2)) {
            case "GiB" -> 1L << 30;
            case "MiB" -> 1L << 20;
            case "GB" -> 1e9;
            default -> 1e6;
        };
        double paramCount = Double.parseDouble(params.group(1)) * (params.group(2).equals("B") ? 1e9 : 1e6);
        int tokens = Integer.parseInt(test.group(2));
        boolean prefill = test.group(1).equals("pp");
        return new BenchResult(cells.get(header.indexOf("model")), Math.round(sizeBytes), Math.round(paramCount),
                prefill ? tokens : 0, prefill ? 0 : tokens, test.group(3) == null ? 0 : Long.parseLong(test.group(3)),
                ubatch(header, cells), Double.parseDouble(rate.group(1)), line);
    }

    /** The n_ubatch column when llama-bench printed one (it does when -ub was given), else the default. */
    private static int ubatch(List<String> header, List<String> cells) {
        int column = header.indexOf("n_ubatch");
        return column < 0 || !cells.get(column).matches("\\d+") ? BenchResult.DEFAULT_UBATCH : Integer.parseInt(cells.get(column));
    }

    private static Matcher match(Pattern pattern, String cell, String where, String expected) {
        Matcher m = pattern.matcher(cell);
        if (!m.find()) throw new IllegalArgumentException(where + ": expected " + expected + " but found '" + cell + "'");
        return m;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) cells.add(cell.strip());
        return cells;
    }
}
