package costplan.plan;

import costplan.catalog.Device;
import costplan.catalog.RentalBilling;
import costplan.workload.WorkCalendar;

/**
 * Month-by-month money of one option under one scenario: what the baseline would cost, what the option costs to
 * run, and when the savings have paid for the machine. Every monthly figure is projected from the logs' span with
 * the {@link WorkCalendar}. The payback ignores resale (a conservative reading); the average monthly cost over the
 * machine's life counts it, as the purchase less the resale value spread over the life.
 * <ul>
 * <li>A bought machine draws its load watts while busy and its idle watts while on and idle; it is on during the
 * working hours (or all the time when {@link Uptime#ownedAlwaysOn()}), off otherwise.</li>
 * <li>A rented GPU is billed as its provider bills it. On demand: each stretch of work is billed from its start-up
 * ({@link #RENTAL_START_UP_HOURS}) to the idle gap after its last answer, rounded up to the provider's billing
 * unit. Always on: every hour of the month. Storage for the model files (and persisted KV caches) is billed in both
 * modes, so days without work cost only storage. The option takes the cheaper mode unless one is set.</li>
 * </ul>
 *
 * @param replays the option replayed at the low, expected and high engine efficiency
 * @param calendar the logs' span, active days and stretches of work
 * @param storedGb GB kept on the rental's volume: the model files and any persisted KV caches
 * @param apiUsdPerMonth API-equivalent cost of the whole trace per month
 * @param baselineScalesWithUsage true for pay-as-you-go (grows with usage), false for a flat subscription
 * @param keptSubscriptionUsd the subscription a fallback option keeps paying each month (0 for an option that
 *                            replaces the baseline); the option then serves only {@code apiUsdPerMonth} of work over
 *                            the subscription's limits
 */
public record Economics(Device device, OptionReplays replays, WorkCalendar calendar, double storedGb, double apiUsdPerMonth,
                        Baseline baseline, boolean baselineScalesWithUsage, int lifeMonths, Uptime uptime,
                        double keptSubscriptionUsd) {

    static final double DAYS_PER_MONTH = WorkCalendar.DAYS_PER_MONTH;
    static final double HOURS_PER_MONTH = 24 * DAYS_PER_MONTH;
    /**
     * Hours to start a rented machine and load the weights from network storage before a stretch of work (an
     * estimate: typically 10-20 minutes).
     */
    static final double RENTAL_START_UP_HOURS = 0.25;
    /** Months searched for a payback before it counts as never. */
    static final int HORIZON_MONTHS = 120;

    /**
     * The result of one scenario. The first month's figures are at the scenario's inputs before any growth.
     *
     * @param nowMonthlyCostUsd the machine less resale spread over its life plus the first month's running costs
     * @param averageMonthlyCostUsd the same averaged over the machine's life, with the scenario's growth
     * @param averageMonthlySavingsUsd the baseline less the option, averaged over the life with growth
     * @param rentalMode how a rental is kept, or null for a bought machine
     */
    public record Outcome(double paybackMonths, double nowMonthlyCostUsd, double averageMonthlyCostUsd,
                          double averageMonthlySavingsUsd, double firstMonthElectricityUsd, double firstMonthCloudUsd,
                          double firstMonthRentalUsd, double firstMonthStartupsUsd, double firstMonthStorageUsd,
                          double firstMonthSubscriptionUsd,
                          double depreciationPerMonthUsd, double busyHoursPerDay, double energyKwhPerMonth,
                          RentalMode rentalMode) {
        public boolean paysBack() {
            return !Double.isInfinite(paybackMonths);
        }
    }

    /** One month's running costs. */
    private record Month(double electricity, double cloud, double rental, double startups, double storage, double kwh,
                         double subscription) {
        double total() {
            return electricity + cloud + rental + startups + storage + subscription;
        }
    }

    public Outcome run(Scenario s) {
        double busyHours = calendar.perMonth(replays.busySeconds(s.efficiency()) / 3600) * s.localCapableShare();
        double cloudRouted = calendar.perMonth(replays.cloudRoutedUsd(s.efficiency()));
        double localApi = Math.max(0, apiUsdPerMonth - cloudRouted);
        double cloud = cloudRouted + (1 - s.localCapableShare()) * localApi;
        RentalMode mode = device.rented() ? rentalMode() : null;
        double cumulative = 0;
        double payback = Double.POSITIVE_INFINITY;
        double runningOverLife = 0;
        double baselineOverLife = 0;
        Month first = null;
        int months = Math.max(lifeMonths, HORIZON_MONTHS);
        for (int month = 1; month <= months; month++) {
            double growth = Math.pow(1 + s.growthPerMonth(), month - 1);
            Month m = month(busyHours * growth, cloud * growth, localApi * growth, s, mode);
            double base = baseline.monthlyUsd() * (baselineScalesWithUsage ? growth : 1);
            if (first == null) first = m;
            if (month <= lifeMonths) {
                runningOverLife += m.total();
                baselineOverLife += base;
            }
            double before = cumulative;
            cumulative += base - m.total();
            if (Double.isInfinite(payback) && cumulative >= s.purchaseUsd())
                payback = month - 1 + (cumulative == before ? 0 : (s.purchaseUsd() - before) / (cumulative - before));
        }
        double depreciation = (s.purchaseUsd() - resaleValue(s, lifeMonths / 12.0)) / lifeMonths;
        double averageCost = depreciation + runningOverLife / lifeMonths;
        return new Outcome(payback, depreciation + first.total(), averageCost, baselineOverLife / lifeMonths - averageCost,
                first.electricity(), first.cloud(), first.rental(), first.startups(), first.storage(), first.subscription(),
                depreciation,
                Math.min(24, busyHours / DAYS_PER_MONTH), first.kwh(), mode);
    }

    /**
     * The running costs of a month whose local work keeps the machine busy {@code busyHours} and sends
     * {@code cloudUsd} to the cloud; local work beyond the month's hours goes to the cloud too, at its share of
     * {@code localApiUsd}.
     */
    private Month month(double busyHours, double cloudUsd, double localApiUsd, Scenario s, RentalMode mode) {
        double overflow = busyHours > HOURS_PER_MONTH ? 1 - HOURS_PER_MONTH / busyHours : 0;
        double busy = Math.min(HOURS_PER_MONTH, busyHours);
        double cloud = cloudUsd + overflow * s.localCapableShare() * localApiUsd;
        if (device.rented()) {
            RentalBilling billing = device.rentalBilling();
            double storage = storedGb * billing.storageUsdPerGbMonth();
            double rate = device.rentalUsdPerHour();
            if (mode == RentalMode.ALWAYS_ON) return new Month(0, cloud, HOURS_PER_MONTH * rate, 0, storage, 0, keptSubscriptionUsd);
            double startups = calendar.stretchesPerMonth() * RENTAL_START_UP_HOURS * rate;
            double work = Math.max(onDemandHours() - calendar.stretchesPerMonth() * RENTAL_START_UP_HOURS, busy);
            return new Month(0, cloud, Math.min(HOURS_PER_MONTH, work) * rate, startups, storage, 0, keptSubscriptionUsd);
        }
        double on = uptime.ownedAlwaysOn() ? HOURS_PER_MONTH : Math.min(HOURS_PER_MONTH, Math.max(calendar.activeHoursPerMonth(), busy));
        double kwh = (busy * device.loadWatts() + (on - busy) * device.idleWatts()) / 1000;
        return new Month(kwh * s.electricityUsdPerKwh(), cloud, 0, 0, 0, kwh, keptSubscriptionUsd);
    }

    /**
     * Hours a month an on-demand rental is billed, start-ups included: each stretch of work from its start-up to the
     * idle gap after its last answer, rounded up to the billing unit.
     */
    double onDemandHours() {
        RentalBilling billing = device.rentalBilling();
        double startUp = RENTAL_START_UP_HOURS * 3600;
        double seconds = 0;
        for (double stretch : calendar.stretchSeconds())
            seconds += billing.billedSeconds(startUp + stretch + uptime.rentalIdleGap().toSeconds());
        return calendar.perMonth(seconds / 3600);
    }

    /** The mode set, or the cheaper one for this trace's stretches of work: on demand or the whole month. */
    RentalMode rentalMode() {
        if (uptime.rentalMode() != null) return uptime.rentalMode();
        return onDemandHours() <= HOURS_PER_MONTH ? RentalMode.ON_DEMAND : RentalMode.ALWAYS_ON;
    }

    /**
     * The option's monthly cost as a line in volume (1 = the trace's volume), from the first month's figures: the
     * machine less resale, its idle power and the rental's fixed hours and storage are fixed; busy power and the
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
        return new CostLine(o.depreciationPerMonthUsd() + o.firstMonthElectricityUsd() - busyPower + o.firstMonthRentalUsd()
                + o.firstMonthStartupsUsd() + o.firstMonthStorageUsd() + o.firstMonthSubscriptionUsd(),
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
