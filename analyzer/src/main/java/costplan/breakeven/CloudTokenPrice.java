package costplan.breakeven;

/**
 * A cloud model's price for a token mix, in dollars per million tokens: prompt tokens are partly read from the
 * provider's cache (cheap) and partly new (written to the cache or plain input).
 *
 * @param inputShare share of all tokens that are prompt (the rest is output)
 * @param cacheReadShare share of the prompt tokens read from the cache
 */
public record CloudTokenPrice(double usdPerMillionInput, double usdPerMillionOutput, double usdPerMillionCacheRead,
                              double inputShare, double cacheReadShare) {
    public CloudTokenPrice {
        if (inputShare < 0 || inputShare > 1) throw new IllegalArgumentException("the input share must be 0 to 1 but was " + inputShare);
        if (cacheReadShare < 0 || cacheReadShare > 1)
            throw new IllegalArgumentException("the cache-read share must be 0 to 1 but was " + cacheReadShare);
    }

    /** Dollars per million tokens of the mix. */
    public double usdPerMillionTokens() {
        double prompt = (1 - cacheReadShare) * usdPerMillionInput + cacheReadShare * usdPerMillionCacheRead;
        return inputShare * prompt + (1 - inputShare) * usdPerMillionOutput;
    }
}
