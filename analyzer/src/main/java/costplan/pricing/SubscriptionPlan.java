package costplan.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A flat-rate subscription (Claude Pro, Max, ChatGPT Plus…) as listed in {@code pricing-data/subscriptions.json}.
 *
 * @param id stable id, e.g. {@code max-5x}
 * @param name the name the provider sells it under, e.g. {@code Claude Max 5x}
 * @param provider who sells it, e.g. {@code anthropic}
 * @param usdPerMonth the monthly price, billed monthly
 * @param perSeat whether the price is per seat of a team plan
 * @param effective the first day this price is known to apply
 * @param source where the price comes from, with the date it was checked
 * @param usageLimits what its limits are estimated to allow, or null where the catalog has no estimate
 */
public record SubscriptionPlan(String id, String name, String provider, BigDecimal usdPerMonth, boolean perSeat,
                               LocalDate effective, String source, UsageLimits usageLimits) {
    /** Days in an average month (365.25 / 12), the unit a monthly price is spread over. */
    public static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");

    public SubscriptionPlan {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a subscription plan needs an id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(effective, "effective");
        if (usdPerMonth == null || usdPerMonth.signum() < 0)
            throw new IllegalArgumentException(id + ": usdPerMonth must be >= 0 but was " + usdPerMonth);
        if (source == null || source.isBlank()) throw new IllegalArgumentException(id + ": every price needs a source");
    }

    /** Returns what this plan costs over {@code days} days: the monthly price spread evenly over an average month. */
    public BigDecimal usdFor(long days) {
        return usdPerMonth.multiply(BigDecimal.valueOf(days)).divide(DAYS_PER_MONTH, 10, RoundingMode.HALF_EVEN);
    }
}
