package costplan.plan;

import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.Locale;

/**
 * An input known only as a range: a most likely value between a low (about P10) and a high (about P90) one,
 * sampled from a triangular distribution. A fixed input has all three equal.
 */
public record Uncertain(double low, double mode, double high) {
    public Uncertain {
        if (!(low <= mode && mode <= high))
            throw new IllegalArgumentException("expected low <= most likely <= high but was " + low + ", " + mode + ", " + high);
    }

    public static Uncertain fixed(double value) {
        return new Uncertain(value, value, value);
    }

    /** {@code value} with a range of {@code lowFactor} to {@code highFactor} times it. */
    public static Uncertain around(double value, double lowFactor, double highFactor) {
        double a = value * lowFactor;
        double b = value * highFactor;
        return new Uncertain(Math.min(a, b), value, Math.max(a, b));
    }

    public boolean isFixed() {
        return low == high;
    }

    public double sample(RandomGenerator random) {
        if (isFixed()) return mode;
        return new TriangularDistribution(random, low, mode, high).sample();
    }

    public Uncertain withMode(double value) {
        return new Uncertain(Math.min(low, value), value, Math.max(high, value));
    }

    @Override
    public String toString() {
        return isFixed() ? format(mode) : format(mode) + " (" + format(low) + " to " + format(high) + ")";
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 10 || v == Math.rint(v) ? "%.0f" : "%.3g", v);
    }
}
