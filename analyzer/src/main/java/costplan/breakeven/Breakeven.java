package costplan.breakeven;

/**
 * Cloud against local at one volume: monthly costs, the volume where they are equal, and the months the
 * savings take to pay for a purchase.
 *
 * @param tokensPerMonth the volume
 * @param purchaseUsd what has to be bought up front (0 for a rental or hardware already owned)
 */
public record Breakeven(double tokensPerMonth, CloudTokenPrice cloud, LocalCost local, double purchaseUsd) {

    public double cloudMonthlyUsd() {
        return cloud.usdPerMillionTokens() * tokensPerMonth / 1e6;
    }

    public double localMonthlyUsd() {
        return local.monthlyUsd(tokensPerMonth);
    }

    /** Whether the machine can process this volume at all. */
    public boolean withinCapacity() {
        return tokensPerMonth <= local.maxTokensPerMonth();
    }

    /**
     * Tokens per month where cloud and local cost the same, or NaN when there is none: the cloud's price per token
     * is at or below the local one, or the volume is beyond what the machine can process.
     */
    public double crossoverTokensPerMonth() {
        double margin = cloud.usdPerMillionTokens() - local.usdPerMillionTokens();
        if (margin <= 0) return Double.NaN;
        double crossover = local.fixedUsdPerMonth() / margin * 1e6;
        return crossover <= local.maxTokensPerMonth() ? crossover : Double.NaN;
    }

    /** Why there is no crossover, or null when there is one. */
    public String noCrossoverReason() {
        if (cloud.usdPerMillionTokens() <= local.usdPerMillionTokens())
            return "each local token costs more than a cloud token (electricity or rental per token above the cloud price)";
        if (Double.isNaN(crossoverTokensPerMonth()))
            return "the machine cannot process the crossover volume (" + String.format(java.util.Locale.ROOT, "%,.0f", local.fixedUsdPerMonth()
                    / (cloud.usdPerMillionTokens() - local.usdPerMillionTokens()) * 1e6) + " tokens a month)";
        return null;
    }

    /**
     * Months until the monthly savings (cloud less the local running cost, before the machine's price) add up to
     * the purchase, or NaN when there is nothing to pay back or the savings are not positive.
     */
    public double paybackMonths() {
        if (purchaseUsd <= 0 || !withinCapacity()) return Double.NaN;
        double runningLocal = local.usdPerMillionTokens() * tokensPerMonth / 1e6;
        double savings = cloudMonthlyUsd() - runningLocal;
        return savings > 0 ? purchaseUsd / savings : Double.NaN;
    }

    public String noPaybackReason() {
        if (purchaseUsd <= 0) return "nothing is bought, so there is nothing to pay back";
        if (!withinCapacity()) return "the machine cannot process this volume";
        if (Double.isNaN(paybackMonths())) return "running it locally costs as much as the cloud or more at this volume";
        return null;
    }
}
