package costplan.plan;

import costplan.catalog.Device;

/**
 * Month-by-month money of one option under one scenario: what the baseline would cost, what the option costs to
 * run (electricity or rental, and the requests still sent to the cloud), and when the savings have paid for the
 * machine. The payback ignores resale (a conservative reading); the average monthly cost over the machine's life
 * counts it, as the purchase less the resale value spread over the life.
 *
 * @param apiUsdPerMonth API-equivalent cost of the whole trace per month
 * @param activeHoursPerDay hours a day the person works (a rented machine is up for these)
 * @param baselineScalesWithUsage true for pay-as-you-go (grows with usage), false for a flat subscription
 */
public record Economics(Device device, OptionReplays replays, double traceDays, double apiUsdPerMonth,
                        double activeHoursPerDay, Baseline baseline, boolean baselineScalesWithUsage, int lifeMonths) {

    static final double DAYS_PER_MONTH = 365.25 / 12;
    /**
     * Hours a rented machine is up each day beyond the working hours: starting it and loading the weights from
     * network storage (an estimate: typically 10-20 minutes).
     */
    static final double RENTAL_SPIN_UP_HOURS = 0.25;
    /** Months searched for a payback before it counts as never. */
    static final int HORIZON_MONTHS = 120;

    /** The result of one scenario. */
    public record Outcome(double paybackMonths, double averageMonthlyCostUsd, double averageMonthlySavingsUsd,
                          double firstMonthElectricityUsd, double firstMonthCloudUsd, double firstMonthRentalUsd,
                          double depreciationPerMonthUsd, double busyHoursPerDay, double energyKwhPerMonth) {
        public boolean paysBack() {
            return !Double.isInfinite(paybackMonths);
        }
    }

    public Outcome run(Scenario s) {
        double busyHours = replays.busySeconds(s.efficiency()) / 3600 / traceDays * s.localCapableShare();
        double cloudRouted = replays.cloudRoutedUsd(s.efficiency()) / traceDays * DAYS_PER_MONTH;
        double localApi = Math.max(0, apiUsdPerMonth - cloudRouted);
        double cloud = cloudRouted + (1 - s.localCapableShare()) * localApi;
        double cumulative = 0;
        double payback = Double.POSITIVE_INFINITY;
        double runningOverLife = 0;
        double baselineOverLife = 0;
        double[] first = null;
        int months = Math.max(lifeMonths, HORIZON_MONTHS);
        for (int month = 1; month <= months; month++) {
            double growth = Math.pow(1 + s.growthPerMonth(), month - 1);
            double busy = busyHours * growth;
            double overflow = busy > 24 ? 1 - 24 / busy : 0;
            busy = Math.min(24, busy);
            double cloudUsd = cloud * growth + overflow * s.localCapableShare() * localApi * growth;
            double electricity = device.rented() ? 0 : DAYS_PER_MONTH * s.electricityUsdPerKwh()
                    * (busy * device.loadWatts() + (24 - busy) * device.idleWatts()) / 1000;
            double rental = device.rented()
                    ? DAYS_PER_MONTH * Math.min(24, Math.max(activeHoursPerDay, busy) + RENTAL_SPIN_UP_HOURS) * device.rentalUsdPerHour() : 0;
            double running = electricity + cloudUsd + rental;
            double base = baseline.monthlyUsd() * (baselineScalesWithUsage ? growth : 1);
            if (first == null) first = new double[]{electricity, cloudUsd, rental,
                    device.rented() ? 0 : DAYS_PER_MONTH * (busy * device.loadWatts() + (24 - busy) * device.idleWatts()) / 1000};
            if (month <= lifeMonths) {
                runningOverLife += running;
                baselineOverLife += base;
            }
            double before = cumulative;
            cumulative += base - running;
            if (Double.isInfinite(payback) && cumulative >= s.purchaseUsd())
                payback = month - 1 + (cumulative == before ? 0 : (s.purchaseUsd() - before) / (cumulative - before));
        }
        double depreciation = (s.purchaseUsd() - resaleValue(s, lifeMonths / 12.0)) / lifeMonths;
        double averageCost = depreciation + runningOverLife / lifeMonths;
        return new Outcome(payback, averageCost, baselineOverLife / lifeMonths - averageCost, first[0], first[1], first[2],
                depreciation, Math.min(24, busyHours), first[3]);
    }

    /**
     * The option's monthly cost as a line in volume (1 = the trace's volume), from the first month's figures: the
     * machine less resale and its idle power (or the rental of the working hours) are fixed; busy power and the
     * requests left in the cloud grow with volume.
     */
    public record CostLine(double fixedUsd, double usdPerTraceVolume) {
        public double at(double volume) {
            return fixedUsd + usdPerTraceVolume * volume;
        }
    }

    public CostLine costLine(Scenario s) {
        Outcome o = run(s.withGrowth(0));
        double busyPower = device.rented() ? 0
                : DAYS_PER_MONTH * s.electricityUsdPerKwh() * o.busyHoursPerDay() * (device.loadWatts() - device.idleWatts()) / 1000;
        return new CostLine(o.depreciationPerMonthUsd() + o.firstMonthElectricityUsd() - busyPower + o.firstMonthRentalUsd(),
                busyPower + o.firstMonthCloudUsd());
    }

    /**
     * The multiple of the trace's volume at which the option costs as much as pay-as-you-go (which grows with
     * volume as the API bill does). NaN when the option costs more per unit of volume than the API, or the
     * baseline is a flat subscription.
     */
    public double crossoverScale(Scenario s) {
        if (!baselineScalesWithUsage) return Double.NaN;
        CostLine line = costLine(s);
        double margin = baseline.monthlyUsd() - line.usdPerTraceVolume();
        return margin > 0 ? line.fixedUsd() / margin : Double.NaN;
    }

    private double resaleValue(Scenario s, double years) {
        if (device.rented() || device.resale() == null) return 0;
        return s.purchaseUsd() * Math.min(1, device.resale().shareAfter(years) * s.resaleScale());
    }
}
