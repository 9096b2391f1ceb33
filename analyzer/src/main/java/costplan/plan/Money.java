package costplan.plan;

import java.util.Locale;

/**
 * The one way a plan writes money and months, in the terminal, the report, scenarios and the notebook alike: cents
 * below $10 ({@code $4.27}), whole dollars from $10 ({@code $1,234}), never {@code -$0}, one figure where a range
 * collapses to it, and {@code never} once for a range that never pays back.
 *
 * <pre>{@code
 * Money.usd(-0.004);                        // "$0.00"
 * Money.usdRange(12.2, 11.8);               // "$12"
 * Money.monthsRange(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);  // "never"
 * }</pre>
 */
public final class Money {
    private Money() {
    }

    /** Returns {@code amount} in dollars: cents below $10, whole dollars from $10, the sign before the dollar sign. */
    public static String usd(double amount) {
        boolean cents = Math.abs(amount) < 9.995;
        String digits = String.format(Locale.ROOT, cents ? "%,.2f" : "%,.0f", Math.abs(amount));
        boolean zero = digits.chars().allMatch(c -> c == '0' || c == '.' || c == ',');
        return (amount < 0 && !zero ? "-$" : "$") + digits;
    }

    /** Returns "$12 to $30", or one figure when both ends read the same. */
    public static String usdRange(double low, double high) {
        String a = usd(low);
        String b = usd(high);
        return a.equals(b) ? a : a + " to " + b;
    }

    /** Returns "3.2 months", "2.4 weeks", or "never". */
    public static String months(double months) {
        if (Double.isInfinite(months) || Double.isNaN(months)) return "never";
        if (months < 1) return String.format(Locale.ROOT, "%.1f weeks", months * 52.0 / 12);
        return String.format(Locale.ROOT, "%.1f months", months);
    }

    /** Returns "3.2 months to never", one figure when both ends read the same, and "never" once. */
    public static String monthsRange(double low, double high) {
        String a = months(low);
        String b = months(high);
        return a.equals(b) ? a : a + " to " + b;
    }

    /** Returns the median with its P10-P90 range: "8.0 months (7.6 months to 8.6 months)", "8.0 months", "never". */
    public static String monthsWithRange(double p50, double p10, double p90) {
        String range = monthsRange(p10, p90);
        String middle = months(p50);
        return range.equals(middle) ? middle : middle + " (" + range + ")";
    }
}
