package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.Usd;
import costplan.importers.VisibleText;
import costplan.importers.internal.InputBounds;
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

    /** Returns a count written in a CSV cell, at most {@link InputBounds#ROW_TOKENS}; blank means 0. */
    static long count(String text, String field) throws LineProblem {
        if (text.isEmpty()) return 0;
        if (text.length() <= 18 && allDigits(text))   // the usual cell, read directly
            return InputBounds.count(Long.parseLong(text), InputBounds.ROW_TOKENS, field);
        if (text.length() > InputBounds.NUMBER_CHARS) throw InputBounds.tooLong(field, text.length());
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw bad(field, "a whole number", '"' + abbreviate(text) + '"');
        }
        return wholeCount(value, field, text);
    }

    /** Returns a count held in a JSON field, at most {@link InputBounds#ROW_TOKENS}; absent or null means 0. */
    static long count(JsonNode node, String field, String path) throws LineProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return 0;
        if (value.isNumber()) return wholeCount(value.decimalValue(), path + field, value.asText());
        if (value.isTextual()) return count(value.asText().strip(), path + field);
        throw bad(path + field, "a whole number", value.toString());
    }

    /**
     * Returns an amount written in a CSV cell, or null when the cell is blank; a number too long, too large or too
     * small to be an amount ({@link InputBounds#decimal}) is a problem.
     */
    static BigDecimal decimal(String text, String field) throws LineProblem {
        if (text.isEmpty()) return null;
        return InputBounds.decimal(text, field);
    }

    /** Returns an amount held in a JSON field as a number or a decimal string, or null when absent or null. */
    static BigDecimal decimal(JsonNode node, String field, String path) throws LineProblem {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (value.isNumber()) return InputBounds.checkedMagnitude(value.decimalValue(), path + field, value.asText());
        if (value.isTextual()) return decimal(value.asText().strip(), path + field);
        throw bad(path + field, "a decimal number", value.toString());
    }

    /** Returns a JSON row's currency: null when the field is absent, empty when it is null or blank. */
    static String currency(JsonNode node) {
        if (!node.has("currency")) return null;
        JsonNode value = node.get("currency");
        return value.isNull() ? "" : value.asText().strip();
    }

    /**
     * Checks a row's currency ({@code null}: the export has no currency field, so US dollars): it must be US dollars,
     * spelled {@code usd} in any case; an empty one cannot be told and is a problem too.
     */
    static void checkUsd(String currency, String usd) throws LineProblem {
        if (currency == null || currency.equalsIgnoreCase(usd)) return;
        throw new LineProblem(ImportProblem.Kind.OTHER_CURRENCY, (currency.isEmpty() ? "currency is empty"
                : "currency is " + currency + ", not " + usd) + "; costplan adds up US dollars only, so this row was skipped");
    }

    /** Returns a row's count of web searches, which must fit an {@code int}, else a problem naming {@code field}. */
    static int searches(long count, String field) throws LineProblem {
        return (int) InputBounds.count(count, Integer.MAX_VALUE, field);
    }

    /**
     * Returns {@code dollars} read from {@code field} as US dollars, or null when null: from 0 to
     * {@link InputBounds#ROW_USD}, else a problem.
     */
    static Usd usd(BigDecimal dollars, String field) throws LineProblem {
        return dollars == null ? null : new Usd(InputBounds.amount(dollars, InputBounds.ROW_USD, false, field));
    }

    /** Returns a text field made safe to print ({@link VisibleText}), or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : VisibleText.of(value.asText());
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        return true;
    }

    private static long wholeCount(BigDecimal value, String field, String text) throws LineProblem {
        InputBounds.checkedMagnitude(value, field, text);
        if (value.signum() < 0) throw bad(field, "a count >= 0", text);
        try {
            return InputBounds.count(value.stripTrailingZeros().longValueExact(), InputBounds.ROW_TOKENS, field);
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
