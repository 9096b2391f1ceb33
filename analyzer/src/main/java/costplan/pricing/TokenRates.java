package costplan.pricing;

import java.math.BigDecimal;

/**
 * The five per-million-token prices of one price, as whole numbers at one decimal scale, so that a request is
 * priced in {@code long} arithmetic: pricing every request of a large import with {@link BigDecimal} products
 * costs more than reading the logs. The result is the exact decimal the {@code BigDecimal} products would give,
 * scale included; a sum too large for a {@code long} is computed with {@code BigDecimal} instead.
 *
 * <pre>{@code
 * TokenRates rates = TokenRates.of(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("3.75"),
 *         new BigDecimal("6"), new BigDecimal("0.30"));
 * rates.costOf(1_000, 200, 0, 0, 10_000);   // 0.00900000: three thousandths each for input, output and reads
 * }</pre>
 *
 * @param scale the decimal scale the rates are written at (the largest scale of the five prices)
 * @param input unscaled input price per million tokens
 * @param output unscaled output price per million tokens
 * @param cacheWrite5m unscaled 5-minute cache-write price per million tokens
 * @param cacheWrite1h unscaled 1-hour cache-write price per million tokens
 * @param cacheRead unscaled cache-read price per million tokens
 */
record TokenRates(int scale, long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {

    /** Returns the rates of five prices in dollars per million tokens. */
    static TokenRates of(BigDecimal input, BigDecimal output, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h,
                         BigDecimal cacheRead) {
        int scale = Math.max(0, Math.max(Math.max(input.scale(), output.scale()),
                Math.max(Math.max(cacheWrite5m.scale(), cacheWrite1h.scale()), cacheRead.scale())));
        return new TokenRates(scale, unscaled(input, scale), unscaled(output, scale), unscaled(cacheWrite5m, scale),
                unscaled(cacheWrite1h, scale), unscaled(cacheRead, scale));
    }

    /** Returns the rates of a price; a missing 1-hour write price is zero here, so the caller must refuse such writes. */
    static TokenRates of(ModelPrice p) {
        return of(p.usdPerMillionInputTokens(), p.usdPerMillionOutputTokens(), p.cacheWrite5mOrInput(),
                orZero(p.usdPerMillionCacheWrite1hTokens()), p.usdPerMillionCacheReadTokens());
    }

    /** Returns the rates of a long-context price, with a missing 1-hour write price as zero as above. */
    static TokenRates of(LongContextPrice p) {
        return of(p.usdPerMillionInputTokens(), p.usdPerMillionOutputTokens(), p.cacheWrite5mOrInput(),
                orZero(p.usdPerMillionCacheWrite1hTokens()), p.usdPerMillionCacheReadTokens());
    }

    private static BigDecimal orZero(BigDecimal price) {
        return price == null ? BigDecimal.ZERO : price;
    }

    private static long unscaled(BigDecimal price, int scale) {
        return price.setScale(scale).unscaledValue().longValueExact();
    }

    /** Returns the dollars these token counts cost, exactly, at scale {@code scale + 6}. */
    BigDecimal costOf(long inputTokens, long outputTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
                      long cacheReadTokens) {
        try {
            long sum = Math.addExact(Math.addExact(Math.multiplyExact(inputTokens, input),
                            Math.multiplyExact(outputTokens, output)),
                    Math.addExact(Math.addExact(Math.multiplyExact(cacheWrite5mTokens, cacheWrite5m),
                            Math.multiplyExact(cacheWrite1hTokens, cacheWrite1h)),
                            Math.multiplyExact(cacheReadTokens, cacheRead)));
            return BigDecimal.valueOf(sum, scale + 6);
        } catch (ArithmeticException overflow) {
            return product(inputTokens, input).add(product(outputTokens, output))
                    .add(product(cacheWrite5mTokens, cacheWrite5m)).add(product(cacheWrite1hTokens, cacheWrite1h))
                    .add(product(cacheReadTokens, cacheRead)).movePointLeft(scale + 6);
        }
    }

    private static BigDecimal product(long tokens, long rate) {
        return BigDecimal.valueOf(tokens).multiply(BigDecimal.valueOf(rate));
    }
}
