package costplan.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a model cost per million tokens from a given date on, and where that figure comes from.
 *
 * @param effective the first day (UTC) these prices apply
 * @param usdPerMillionInputTokens uncached input
 * @param usdPerMillionOutputTokens output
 * @param usdPerMillionCacheWrite5mTokens cache writes with a 5-minute (the provider's short) lifetime, or null when the
 *        provider charges no write surcharge: such writes are billed as input
 * @param usdPerMillionCacheWrite1hTokens cache writes with a 1-hour (long) lifetime, or null when the model has no such
 *        write: a request with 1-hour writes then has no price
 * @param usdPerMillionCacheReadTokens cache reads
 * @param longContext premium prices above a prompt size, or null when the model has none
 * @param fastMultiplier the factor fast-mode requests pay, or null when the model has no fast mode
 * @param source where the figures come from, with the date they were checked
 * @param estimate whether the figures are an estimate rather than a published price
 */
public record ModelPrice(
        LocalDate effective,
        BigDecimal usdPerMillionInputTokens,
        BigDecimal usdPerMillionOutputTokens,
        BigDecimal usdPerMillionCacheWrite5mTokens,
        BigDecimal usdPerMillionCacheWrite1hTokens,
        BigDecimal usdPerMillionCacheReadTokens,
        LongContextPrice longContext,
        BigDecimal fastMultiplier,
        String source,
        boolean estimate) {

    public ModelPrice {
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(usdPerMillionInputTokens, "input");
        Objects.requireNonNull(usdPerMillionOutputTokens, "output");
        Objects.requireNonNull(usdPerMillionCacheReadTokens, "cacheRead");
        if (source == null || source.isBlank()) throw new IllegalArgumentException("every price needs a source");
    }

    /** Returns the price of a 5-minute cache write: its own, or the input price when writes carry no surcharge. */
    public BigDecimal cacheWrite5mOrInput() {
        return usdPerMillionCacheWrite5mTokens != null ? usdPerMillionCacheWrite5mTokens : usdPerMillionInputTokens;
    }
}
