package costplan.report;

import costplan.importers.Usd;

import java.math.BigDecimal;
import java.util.Locale;

/** How numbers read in a report: grouped thousands, one-decimal percentages, dollars with cents, M/B tokens. */
final class ReportFormats {
    private ReportFormats() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String usd(BigDecimal amount) {
        return new Usd(amount).toString();
    }

    static String usdPerMillion(BigDecimal price) {
        return "$" + price.stripTrailingZeros().toPlainString();
    }

    /** Returns a token count the way people say it: {@code 950}, {@code 12.3 K}, {@code 4.56 M}, {@code 1.23 B}. */
    static String tokens(long n) {
        if (n < 1_000) return Long.toString(n);
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.1f K", n / 1e3);
        if (n < 1_000_000_000) return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        return String.format(Locale.ROOT, "%.2f B", n / 1e9);
    }
}
