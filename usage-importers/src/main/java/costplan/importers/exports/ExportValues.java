package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.internal.LineProblem;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Reads the numbers of export rows: token counts (a CSV may write {@code 236.0}; a blank cell or a missing field is
 * 0) and amounts of money (exact decimals, never doubles). A bad value is a problem that names its field.
 */
final class ExportValues {
    private ExportValues() {
    }

    /** Returns a count written in a CSV cell; blank means 0. */
    static long count(String text, String field) throws LineProblem {
        if (text.isEmpty()) return 0;
        if (text.length() <= 18 && allDigits(text)) return Long.parseLong(text);   // the usual cell, read directly
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw bad(field, "a whole number", '"' + abbreviate(text) + '"');
        }
        return wholeCount(value, field, text);
    }

    /** Returns a count held in a JSON field; absent or null means 0. */
    static long count(JsonNode node, String field, String path) throws LineProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return 0;
        if (value.isNumber()) return wholeCount(value.decimalValue(), path + field, value.asText());
        if (value.isTextual()) return count(value.asText().strip(), path + field);
        throw bad(path + field, "a whole number", value.toString());
    }

    /** Returns an amount written in a CSV cell, or null when the cell is blank. */
    static BigDecimal decimal(String text, String field) throws LineProblem {
        if (text.isEmpty()) return null;
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw bad(field, "a decimal number", '"' + abbreviate(text) + '"');
        }
    }

    /** Returns an amount held in a JSON field as a number or a decimal string, or null when absent or null. */
    static BigDecimal decimal(JsonNode node, String field, String path) throws LineProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (value.isNumber()) return value.decimalValue();
        if (value.isTextual()) return decimal(value.asText().strip(), path + field);
        throw bad(path + field, "a decimal number", value.toString());
    }

    /** Returns a text field, or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        return true;
    }

    private static long wholeCount(BigDecimal value, String field, String text) throws LineProblem {
        if (value.signum() < 0) throw bad(field, "a count >= 0", text);
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw bad(field, "a whole number", text);
        }
    }

    static LineProblem bad(String field, String expected, String found) {
        return new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected " + field + " to be " + expected + " but was " + found);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
