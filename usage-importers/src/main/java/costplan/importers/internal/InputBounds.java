package costplan.importers.internal;

import costplan.importers.ImportProblem;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The limits every number read from a log or an export must keep, checked on the line that holds it: a number
 * beyond them (corrupt data, or written to break a reader) skips its line like any other bad value, instead of
 * overflowing a sum, or taking time or memory that grows with its exponent.
 *
 * <pre>{@code
 * InputBounds.tokens(3_000_000_000L, InputBounds.REQUEST_TOKENS, "message.usage.input_tokens");  // throws
 * InputBounds.decimal("1e20000000", "costUSD");                                                  // throws
 * }</pre>
 */
public final class InputBounds {
    /**
     * Tokens of one kind in one request: 10^9, a thousand times the largest context window sold today (1M tokens).
     * Sums of a hundred million such requests still fit a {@code long} eighty times over.
     */
    public static final long REQUEST_TOKENS = 1_000_000_000L;
    /** Tokens of one kind (or requests) in one export row, a day's total at most: 10^12. */
    public static final long ROW_TOKENS = 1_000_000_000_000L;
    /** Web searches in one request. */
    public static final long REQUEST_SEARCHES = 1_000_000L;
    /** US dollars in one request: a million (a billion tokens at $75 per million is $75,000). */
    public static final BigDecimal REQUEST_USD = BigDecimal.valueOf(1_000_000);
    /** US dollars in one export row: a billion. */
    public static final BigDecimal ROW_USD = BigDecimal.valueOf(1_000_000_000);
    /**
     * Characters of a number's text. Real amounts need 20 at most; a longer one is refused before it is parsed, so
     * that parsing never takes time that grows with its length.
     */
    public static final int NUMBER_CHARS = 40;
    /** Decimal places an amount may have (after its exponent is applied): 10^-40 of a dollar is far below a cent. */
    private static final int MAX_SCALE = 40;
    /** Digits an amount may have before its point once its exponent is applied; above every bound here. */
    private static final int MAX_WHOLE_DIGITS = 20;

    private InputBounds() {
    }

    /**
     * Parses a decimal number of at most {@link #NUMBER_CHARS} characters whose exponent keeps it within 20 digits
     * before the point and 40 after, or throws a {@link LineProblem} naming {@code field}.
     */
    public static BigDecimal decimal(String text, String field) throws LineProblem {
        if (text.length() > NUMBER_CHARS) throw tooLong(field, text.length());
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw bad(field, "a decimal number", '"' + text + '"');
        }
        return checkedMagnitude(value, field, text);
    }

    /** Returns the problem of a number {@code chars} characters long, too long to be read. */
    public static LineProblem tooLong(String field, int chars) {
        return bad(field, "a number of at most " + NUMBER_CHARS + " characters", chars + " characters");
    }

    /** Checks a parsed number as {@link #decimal(String, String)} does; returns it. */
    public static BigDecimal checkedMagnitude(BigDecimal value, String field, String text) throws LineProblem {
        // precision() - scale() is the number of digits before the point; both are read without arithmetic on the value.
        if (value.signum() != 0 && (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_WHOLE_DIGITS))
            throw bad(field, "a number between 10^-" + MAX_SCALE + " and 10^" + MAX_WHOLE_DIGITS, text);
        return value;
    }

    /** Returns {@code count} when it is between 0 and {@code max}, else throws a {@link LineProblem} naming {@code field}. */
    public static long count(long count, long max, String field) throws LineProblem {
        if (count < 0) throw bad(field, "a count >= 0", Long.toString(count));
        if (count > max)
            throw bad(field, "a count of at most " + String.format(Locale.ROOT, "%,d", max), Long.toString(count));
        return count;
    }

    /**
     * Returns {@code usd} when it is at most {@code max} (and not negative unless {@code creditsAllowed}), else throws a
     * {@link LineProblem} naming {@code field}.
     */
    public static BigDecimal amount(BigDecimal usd, BigDecimal max, boolean creditsAllowed, String field)
            throws LineProblem {
        if (!creditsAllowed && usd.signum() < 0) throw bad(field, "an amount >= 0", usd.toString());
        if (usd.abs().compareTo(max) > 0)
            throw bad(field, "an amount of at most " + max.toPlainString() + " US dollars", usd.toString());
        return usd;
    }

    private static LineProblem bad(String field, String expected, String found) {
        return new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected " + field + " to be " + expected + " but was " + found);
    }
}
