package costplan.breakeven;

/**
 * What running the same tokens locally costs each month: a fixed part (the machine less its resale over the
 * months, or a flat rental, or nothing for hardware already owned) and a part that grows with volume
 * (electricity of the busy hours, or rental by the hour), and the most tokens the machine can process in a month.
 *
 * @param fixedUsdPerMonth cost that does not depend on volume
 * @param usdPerMillionTokens cost of each million tokens (electricity or hourly rental of the time they take)
 * @param maxTokensPerMonth the machine's capacity, busy around the clock
 */
public record LocalCost(double fixedUsdPerMonth, double usdPerMillionTokens, double maxTokensPerMonth) {

    public double monthlyUsd(double tokensPerMonth) {
        return fixedUsdPerMonth + usdPerMillionTokens * tokensPerMonth / 1e6;
    }
}
