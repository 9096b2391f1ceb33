package costplan.whatif;

import java.util.stream.IntStream;

/**
 * One scenario number moved over a range: {@code steps} evenly spaced values from {@code from} to {@code to}.
 *
 * @param parameter the number's key as in a scenario file, e.g. {@code overrides.electricityUsdPerKwh}
 */
public record Sweep(String parameter, double from, double to, int steps) {
    public Sweep {
        if (parameter == null || parameter.isBlank()) throw new IllegalArgumentException("a sweep needs a parameter");
        if (steps < 2 || steps > 200) throw new IllegalArgumentException("a sweep takes 2 to 200 steps but had " + steps);
        if (!Double.isFinite(from) || !Double.isFinite(to)) throw new IllegalArgumentException("a sweep's range must be finite numbers");
    }

    /** The values, from first to last. */
    public double[] values() {
        return IntStream.range(0, steps).mapToDouble(i -> from + (to - from) * i / (steps - 1)).toArray();
    }
}
