package costplan.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The premium prices a model charges when a request's prompt passes a threshold; they then apply to all of
 * that request's tokens (Anthropic's rule), not only to the tokens above the threshold.
 *
 * @param aboveInputTokens the prompt size (input + cache writes + cache reads) above which these prices apply
 * @param usdPerMillionInputTokens input price
 * @param usdPerMillionOutputTokens output price
 * @param usdPerMillionCacheWrite5mTokens 5-minute cache-write price, or null: billed as input
 * @param usdPerMillionCacheWrite1hTokens 1-hour cache-write price, or null: no such write
 * @param usdPerMillionCacheReadTokens cache-read price
 */
public record LongContextPrice(
        long aboveInputTokens,
        BigDecimal usdPerMillionInputTokens,
        BigDecimal usdPerMillionOutputTokens,
        BigDecimal usdPerMillionCacheWrite5mTokens,
        BigDecimal usdPerMillionCacheWrite1hTokens,
        BigDecimal usdPerMillionCacheReadTokens) {

    public LongContextPrice {
        if (aboveInputTokens <= 0)
            throw new IllegalArgumentException("aboveInputTokens must be > 0 but was " + aboveInputTokens);
        Objects.requireNonNull(usdPerMillionInputTokens, "input");
        Objects.requireNonNull(usdPerMillionOutputTokens, "output");
        Objects.requireNonNull(usdPerMillionCacheReadTokens, "cacheRead");
    }

    /** Returns the price of a 5-minute cache write: its own, or the input price when writes carry no surcharge. */
    public BigDecimal cacheWrite5mOrInput() {
        return usdPerMillionCacheWrite5mTokens != null ? usdPerMillionCacheWrite5mTokens : usdPerMillionInputTokens;
    }
}
