package costplan.importers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of US dollars, exact.
 *
 * <pre>{@code
 * Usd.of("3.75").times(2).plus(Usd.of("0.5"));   // $8.00
 * Usd.of("1234.5").toString();                     // "$1,234.50"
 * }</pre>
 */
public record Usd(BigDecimal amount) implements Comparable<Usd> {
    /** Zero dollars. */
    public static final Usd ZERO = new Usd(BigDecimal.ZERO);

    public Usd {
        Objects.requireNonNull(amount, "amount");
    }

    /** Returns the amount written as a decimal number, e.g. {@code "3.75"}. */
    public static Usd of(String decimal) {
        return new Usd(new BigDecimal(decimal));
    }

    /** Returns this plus {@code other}. */
    public Usd plus(Usd other) {
        return new Usd(amount.add(other.amount));
    }

    /** Returns this times {@code factor}. */
    public Usd times(BigDecimal factor) {
        return new Usd(amount.multiply(factor));
    }

    /** Returns this times {@code factor}. */
    public Usd times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** Returns the amount as a double, for charts and tables that round anyway. */
    public double toDouble() {
        return amount.doubleValue();
    }

    @Override
    public int compareTo(Usd other) {
        return amount.compareTo(other.amount);
    }

    /** Returns the amount with a dollar sign, grouped thousands and cents: {@code $1,234.56}. */
    @Override
    public String toString() {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_EVEN);
        String digits = format.format(cents.abs());
        return (cents.signum() < 0 ? "-$" : "$") + digits;
    }
}
