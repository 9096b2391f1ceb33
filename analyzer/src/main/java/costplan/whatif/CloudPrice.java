package costplan.whatif;

import costplan.pricing.ModelPrice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cloud model's price per million tokens, set by a scenario. Cache prices left out follow Anthropic's ratios
 * to the input price: 1.25x for 5-minute writes, 2x for 1-hour writes, 0.1x for reads.
 */
public record CloudPrice(double input, double output, Double cacheWrite5m, Double cacheWrite1h, Double cacheRead) {
    public CloudPrice {
        for (Double v : new Double[]{input, output, cacheWrite5m, cacheWrite1h, cacheRead})
            if (v != null && !(v >= 0)) throw new IllegalArgumentException("prices must be >= 0 but one was " + v);
    }

    /** Input and output prices, cache prices at Anthropic's ratios. */
    public static CloudPrice of(double input, double output) {
        return new CloudPrice(input, output, null, null, null);
    }

    public CloudPrice withInput(double value) {
        return new CloudPrice(value, output, cacheWrite5m, cacheWrite1h, cacheRead);
    }

    public CloudPrice withOutput(double value) {
        return new CloudPrice(input, value, cacheWrite5m, cacheWrite1h, cacheRead);
    }

    public CloudPrice withCacheWrite5m(double value) {
        return new CloudPrice(input, output, value, cacheWrite1h, cacheRead);
    }

    public CloudPrice withCacheWrite1h(double value) {
        return new CloudPrice(input, output, cacheWrite5m, value, cacheRead);
    }

    public CloudPrice withCacheRead(double value) {
        return new CloudPrice(input, output, cacheWrite5m, cacheWrite1h, value);
    }

    /** The price as the price book holds it, in force on every date. */
    public ModelPrice toModelPrice() {
        return new ModelPrice(LocalDate.MIN, usd(input), usd(output), usd(orRatio(cacheWrite5m, 1.25)),
                usd(orRatio(cacheWrite1h, 2)), usd(orRatio(cacheRead, 0.1)), null, null, "set by the scenario", true);
    }

    private double orRatio(Double value, double ratioToInput) {
        return value != null ? value : input * ratioToInput;
    }

    private static BigDecimal usd(double perMillion) {
        return BigDecimal.valueOf(perMillion);
    }
}
