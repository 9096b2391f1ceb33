package costplan.plan;

import costplan.importers.CostplanException;

/**
 * The inputs of a plan that are not in the trace or the catalog, each with its range. The defaults are stated
 * in every plan's output.
 *
 * @param electricityUsdPerKwh price of electricity
 * @param growthPerMonth monthly growth of usage (0.05 = 5 % more each month)
 * @param resaleScale multiplier on the catalog's expected resale value
 * @param localCapableShare share of the work the local model can do (the rest stays in the cloud), as the person
 *        sets it; null: each option's share from coding-benchmark scores ({@link QualityRule})
 * @param lifeMonths how long the machine is kept before it is sold
 * @param maxSlowdown the largest slowdown of a working day that still counts as keeping up
 * @param minLocalShare the smallest share of requests answered locally for an option to count
 */
public record Assumptions(Uncertain electricityUsdPerKwh, Uncertain growthPerMonth, Uncertain resaleScale,
                          Uncertain localCapableShare, int lifeMonths, double maxSlowdown, double minLocalShare) {

    /**
     * US residential electricity averaged about $0.17/kWh in 2025 (EIA Electric Power Monthly, table 5.6.A); the
     * range covers cheap US states to much of Europe. No growth by default; resale as in the catalog, +/- 30 %; the
     * share of the work a local model can do from its coding scores.
     */
    public static final Assumptions DEFAULTS = new Assumptions(new Uncertain(0.12, 0.17, 0.35), new Uncertain(-0.02, 0, 0.05),
            new Uncertain(0.7, 1, 1.2), null, 36, 1.5, 0.5);

    public Assumptions {
        if (electricityUsdPerKwh.low() < 0 || electricityUsdPerKwh.high() > 2)
            throw CostplanException.badUsage("electricity price must be between $0 and $2 per kWh but was " + electricityUsdPerKwh);
        if (growthPerMonth.low() <= -1 || growthPerMonth.high() > 1)
            throw CostplanException.badUsage("monthly growth must be above -100 % and at most +100 % but was " + growthPerMonth);
        if (resaleScale.low() < 0) throw CostplanException.badUsage("resale scale must be >= 0 but was " + resaleScale);
        if (localCapableShare != null && (localCapableShare.low() < 0 || localCapableShare.high() > 1))
            throw CostplanException.badUsage("local-capable share must be between 0 and 1 but was " + localCapableShare);
        if (lifeMonths < 1 || lifeMonths > 120) throw CostplanException.badUsage("life must be 1 to 120 months but was " + lifeMonths);
        if (!(maxSlowdown >= 1)) throw CostplanException.badUsage("the slowdown limit must be >= 1 but was " + maxSlowdown);
        if (minLocalShare < 0 || minLocalShare > 1) throw CostplanException.badUsage("the local share limit must be 0 to 1 but was " + minLocalShare);
    }

    public Assumptions withElectricity(Uncertain price) {
        return new Assumptions(price, growthPerMonth, resaleScale, localCapableShare, lifeMonths, maxSlowdown, minLocalShare);
    }

    public Assumptions withGrowth(Uncertain growth) {
        return new Assumptions(electricityUsdPerKwh, growth, resaleScale, localCapableShare, lifeMonths, maxSlowdown, minLocalShare);
    }

    public Assumptions withResaleScale(Uncertain scale) {
        return new Assumptions(electricityUsdPerKwh, growthPerMonth, scale, localCapableShare, lifeMonths, maxSlowdown, minLocalShare);
    }

    public Assumptions withLocalCapableShare(Uncertain share) {
        return new Assumptions(electricityUsdPerKwh, growthPerMonth, resaleScale, share, lifeMonths, maxSlowdown, minLocalShare);
    }

    public Assumptions withLifeMonths(int months) {
        return new Assumptions(electricityUsdPerKwh, growthPerMonth, resaleScale, localCapableShare, months, maxSlowdown, minLocalShare);
    }

    public Assumptions withMaxSlowdown(double limit) {
        return new Assumptions(electricityUsdPerKwh, growthPerMonth, resaleScale, localCapableShare, lifeMonths, limit, minLocalShare);
    }

    public Assumptions withMinLocalShare(double limit) {
        return new Assumptions(electricityUsdPerKwh, growthPerMonth, resaleScale, localCapableShare, lifeMonths, maxSlowdown, limit);
    }
}
