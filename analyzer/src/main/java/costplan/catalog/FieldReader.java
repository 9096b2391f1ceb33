package costplan.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed fields of one catalog file by JSON path ({@code resale.afterYear1}), checking types and ranges.
 * Problems are collected rather than thrown so that one run reports everything wrong with a file.
 */
final class FieldReader {
    private final String file;
    private final JsonNode root;
    private final List<CatalogProblem> problems = new ArrayList<>();
    private final List<String> numberPaths = new ArrayList<>();
    private Sources sources;

    FieldReader(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    String file() {
        return file;
    }

    List<CatalogProblem> problems() {
        return problems;
    }

    /** Paths of every number read that was present, for the check that each has a source. */
    List<String> numberPaths() {
        return numberPaths;
    }

    void problem(String path, String message) {
        problems.add(new CatalogProblem(file, path, message));
    }

    JsonNode node(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null) break;
            node = node.isArray() && part.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node == null || node.isNull() ? null : node;
    }

    String text(String path) {
        String value = optionalText(path);
        if (value == null || value.isBlank()) {
            if (node(path) == null) problem(path, "missing; expected text");
            return "";
        }
        return value;
    }

    String optionalText(String path) {
        JsonNode node = node(path);
        if (node == null) return null;
        if (!node.isTextual()) {
            problem(path, "expected text but was " + node);
            return null;
        }
        return node.asText();
    }

    double number(String path, double min, double max, String unit) {
        Double value = optionalNumber(path, min, max, unit);
        if (value == null) {
            if (node(path) == null) problem(path, "missing; expected a number in " + unit);
            return Double.NaN;
        }
        return value;
    }

    Double optionalNumber(String path, double min, double max, String unit) {
        JsonNode node = node(path);
        if (node == null) return null;
        if (!node.isNumber()) {
            problem(path, "expected a number in " + unit + " but was " + node);
            return null;
        }
        double value = node.asDouble();
        if (value < min || value > max) {
            problem(path, "expected " + unit + " between " + plain(min) + " and " + plain(max) + " but was " + plain(value));
            return null;
        }
        numberPaths.add(path);
        return value;
    }

    int integer(String path, int min, int max, String unit) {
        Integer value = optionalInteger(path, min, max, unit);
        if (value == null) {
            if (node(path) == null) problem(path, "missing; expected a whole number of " + unit);
            return 0;
        }
        return value;
    }

    Integer optionalInteger(String path, int min, int max, String unit) {
        JsonNode node = node(path);
        if (node == null) return null;
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            problem(path, "expected a whole number of " + unit + " but was " + node);
            return null;
        }
        Double value = optionalNumber(path, min, max, unit);
        return value == null ? null : value.intValue();
    }

    long optionalLong(String path, long min, long max, String unit) {
        JsonNode node = node(path);
        if (node == null) return 0;
        if (!node.isIntegralNumber()) {
            problem(path, "expected a whole number of " + unit + " but was " + node);
            return 0;
        }
        long value = node.asLong();
        if (value < min || value > max) {
            problem(path, "expected " + unit + " between " + min + " and " + max + " but was " + value);
            return 0;
        }
        numberPaths.add(path);
        return value;
    }

    boolean bool(String path, boolean fallback) {
        Boolean value = optionalBool(path);
        return value == null ? fallback : value;
    }

    Boolean optionalBool(String path) {
        JsonNode node = node(path);
        if (node == null) return null;
        if (!node.isBoolean()) {
            problem(path, "expected true or false but was " + node);
            return null;
        }
        return node.asBoolean();
    }

    List<String> texts(String path) {
        JsonNode node = node(path);
        if (node == null) return List.of();
        if (!node.isArray()) {
            problem(path, "expected a list of text but was " + node);
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isTextual()) values.add(item.asText());
            else problem(path, "expected a list of text but an item was " + item);
        }
        return List.copyOf(values);
    }

    /** A {@code [low, high]} pair, or null. */
    Range optionalRange(String path, double min, double max, String unit) {
        JsonNode node = node(path);
        if (node == null) return null;
        if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            problem(path, "expected [low, high] in " + unit + " but was " + node);
            return null;
        }
        double low = node.get(0).asDouble();
        double high = node.get(1).asDouble();
        if (low < min || high > max || low > high) {
            problem(path, "expected low <= high, both in " + unit + " between " + plain(min) + " and " + plain(max)
                    + " but was " + node);
            return null;
        }
        numberPaths.add(path);
        return new Range(low, high);
    }

    /** A date written {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, read as its first day; null when absent. */
    LocalDate optionalDate(String path, LocalDate latest) {
        String text = optionalText(path);
        if (text == null) return null;
        LocalDate date = parseDate(text);
        if (date == null) problem(path, "expected a date like 2026-05, 2026-05-22 or 2026 but was '" + text + "'");
        else if (date.isAfter(latest)) problem(path, "date " + text + " is after " + latest);
        return date;
    }

    static LocalDate parseDate(String text) {
        try {
            if (text.matches("\\d{4}")) return LocalDate.of(Integer.parseInt(text), 1, 1);
            if (text.matches("\\d{4}-\\d{2}")) return YearMonth.parse(text).atDay(1);
            return LocalDate.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Number fields of an object, e.g. {@code byChip}: key to value. */
    Map<String, Double> numberMap(String path, double min, double max, String unit) {
        JsonNode node = node(path);
        Map<String, Double> values = new LinkedHashMap<>();
        if (node == null) return values;
        if (!node.isObject()) {
            problem(path, "expected an object of numbers but was " + node);
            return values;
        }
        node.fieldNames().forEachRemaining(key -> {
            Double value = optionalNumber(path + "." + key, min, max, unit);
            if (value != null) values.put(key, value);
        });
        return values;
    }

    Sources sources() {
        if (sources == null) sources = readSources();
        return sources;
    }

    private Sources readSources() {
        Map<String, SourceNote> notes = new LinkedHashMap<>();
        JsonNode node = node("sources");
        if (node == null || !node.isObject()) {
            problem("sources", "missing; every number needs a source entry");
            return new Sources(notes);
        }
        node.fieldNames().forEachRemaining(key -> {
            String at = "sources." + key;
            JsonNode entry = node.get(key);
            String source = entry.path("source").asText("");
            String date = entry.path("date").asText("");
            if (source.isBlank()) problem(at, "missing 'source' text");
            if (parseDate(date) == null) problem(at, "expected 'date' like 2026-05-22 but was '" + date + "'");
            if (!entry.path("estimate").isBoolean()) problem(at, "expected 'estimate' true or false");
            notes.put(key, new SourceNote(source, date, entry.path("estimate").asBoolean(true)));
        });
        return new Sources(notes);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
