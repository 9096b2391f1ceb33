package costplan.plan;

import costplan.catalog.Device;
import costplan.catalog.Range;
import costplan.replay.LocalOption;
import costplan.replay.Replay;
import costplan.replay.ReplayResult;
import costplan.replay.SpeedTable;
import costplan.speed.SpeedModel;
import costplan.workload.Trace;
import costplan.workload.WorkCalendar;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Replays a trace on each option, prices what each costs against the person's baseline, and samples the uncertain
 * inputs (engine efficiency, electricity, growth, resale, the share of the work the local model can do, the
 * machine's price) to give the payback's P10/P50/P90 and which input moves it most.
 */
public final class Planner {
    private final Trace trace;
    private final WorkCalendar calendar;
    private final double[] requestCostUsd;
    private final Baseline baseline;
    private final boolean baselineScalesWithUsage;
    private final Assumptions assumptions;
    private final SpeedModel speeds;
    private final int samples;
    private final long seed;
    private final QualityRule quality;
    private final Uptime uptime;
    /** For fallback options: the subscription kept each month; 0 for options that replace the baseline. */
    private final double keptSubscriptionUsd;

    /**
     * @param calendar the trace's span, active days and stretches of work, which project it to a month
     * @param requestCostUsd API cost of each trace request, by trace index (0 where the request has no price)
     * @param uptime when rented and owned machines run
     */
    public Planner(Trace trace, WorkCalendar calendar, double[] requestCostUsd, Baseline baseline, boolean baselineScalesWithUsage,
                   Assumptions assumptions, SpeedModel speeds, int samples, long seed, QualityRule quality, Uptime uptime) {
        if (requestCostUsd.length != trace.requests().size())
            throw new IllegalArgumentException("one cost per trace request expected");
        if (samples < 1 || samples > 10_000_000) throw new IllegalArgumentException("samples must be 1 to 10,000,000 but was " + samples);
        this.trace = trace;
        this.calendar = calendar;
        this.uptime = uptime;
        this.keptSubscriptionUsd = 0;
        this.requestCostUsd = requestCostUsd.clone();
        this.baseline = baseline;
        this.baselineScalesWithUsage = baselineScalesWithUsage;
        this.assumptions = assumptions;
        this.speeds = speeds;
        this.samples = samples;
        this.seed = seed;
        this.quality = quality;
    }

    private Planner(Planner whole, java.util.BitSet requests, double keptSubscriptionUsd) {
        this.trace = whole.trace.only(requests);
        this.calendar = whole.calendar;
        this.requestCostUsd = requests.stream().mapToDouble(i -> whole.requestCostUsd[i]).toArray();
        this.baseline = whole.baseline;
        this.baselineScalesWithUsage = false;
        this.assumptions = whole.assumptions;
        this.speeds = whole.speeds;
        this.samples = whole.samples;
        this.seed = whole.seed;
        this.quality = whole.quality;
        this.uptime = whole.uptime;
        this.keptSubscriptionUsd = keptSubscriptionUsd;
    }

    /**
     * Returns the planner of fallback options, the kind seed 000 describes: the person keeps the subscription of the
     * baseline ({@code keptSubscriptionUsd} a month) and a machine serves only the {@code requests} over its limits,
     * replayed as they came; those requests' API cost is what the option saves.
     */
    public Planner fallbackFor(java.util.BitSet requests, double keptSubscriptionUsd) {
        if (!(keptSubscriptionUsd > 0)) throw new IllegalArgumentException("a fallback keeps a paid subscription");
        return new Planner(this, requests, keptSubscriptionUsd);
    }

    /** How options are ranked: the ones that keep up first, then by median monthly savings. */
    public static final Comparator<OptionPlan> RANKING = Comparator.comparing((OptionPlan p) -> !p.feasible())
            .thenComparing(p -> -p.monthlySavingsUsd().p50());

    /** API-equivalent cost of the whole trace per month. */
    public double apiUsdPerMonth() {
        return calendar.perMonth(Arrays.stream(requestCostUsd).sum());
    }

    /** Plans every option (in parallel, one per core), the ones that keep up first, then by median monthly savings. */
    public List<OptionPlan> plan(List<LocalOption> options) {
        List<OptionPlan> plans = new ArrayList<>(options.parallelStream().map(this::plan).toList());
        plans.sort(RANKING);
        return List.copyOf(plans);
    }

    public OptionPlan plan(LocalOption option) {
        QualityEstimate estimate = quality.estimate(option.model().model().id(), option.engine().id(), trace.requests(),
                requestCostUsd);
        // The share of the work the local model can do: the person's own figure, else what the scores say.
        Uncertain capable = assumptions.localCapableShare() != null ? assumptions.localCapableShare() : estimate.costShare();
        Uncertain efficiency = efficiencyOf(option);
        OptionReplays replays = replay(option, efficiency);
        Economics economics = new Economics(option.device(), replays, calendar, storedGb(option), apiUsdPerMonth(),
                baseline, baselineScalesWithUsage, assumptions.lifeMonths(), uptime, keptSubscriptionUsd);
        Uncertain purchase = purchaseOf(option.device());
        Scenario expectedScenario = new Scenario(efficiency.mode(), assumptions.electricityUsdPerKwh().mode(),
                assumptions.growthPerMonth().mode(), assumptions.resaleScale().mode(),
                capable.mode(), purchase.mode());
        String infeasible = infeasibleReason(option, replays, expectedScenario);
        Economics.Outcome expected = economics.run(expectedScenario);

        RandomGenerator random = new Well19937c(seed);
        double[] paybacks = new double[samples];
        double[] savings = new double[samples];
        int withinLife = 0;
        for (int i = 0; i < samples; i++) {
            Scenario s = new Scenario(efficiency.sample(random), assumptions.electricityUsdPerKwh().sample(random),
                    assumptions.growthPerMonth().sample(random), assumptions.resaleScale().sample(random),
                    capable.sample(random), purchase.sample(random));
            Economics.Outcome o = economics.run(s);
            paybacks[i] = infeasibleReason(option, replays, s) == null ? o.paybackMonths() : Double.POSITIVE_INFINITY;
            savings[i] = o.averageMonthlySavingsUsd();
            if (paybacks[i] <= assumptions.lifeMonths()) withinLife++;
        }
        List<OptionPlan.Sensitivity> sensitivity = infeasible != null ? List.of()
                : sensitivity(economics, expectedScenario, efficiency, purchase, capable);
        double tokensPerMonth = calendar.perMonth(replays.expected().totalTokens());
        double capableShare = assumptions.localCapableShare() != null ? capable.mode() : estimate.capableShare();
        return new OptionPlan(option, estimate, capableShare, infeasible == null, infeasible, replays.expected(), expected, percentiles(paybacks),
                percentiles(savings), (double) withinLife / samples, sensitivity,
                economics.crossoverScale(expectedScenario) * tokensPerMonth, economics.costLine(expectedScenario),
                Arrays.stream(paybacks).filter(Double::isFinite).toArray(), keptSubscriptionUsd > 0);
    }

    /**
     * GB a rental keeps on its volume: the model's weights, and with persisted caches as much KV cache as fits in
     * memory (an estimate of what is saved between stretches).
     */
    static double storedGb(LocalOption option) {
        long kv = option.policy() == costplan.replay.CachePolicy.PERSISTED ? option.kvBudgetBytes() : 0;
        return (option.model().weightBytes() + kv) / 1e9;
    }

    private OptionReplays replay(LocalOption option, Uncertain efficiency) {
        ReplayResult expected = replayAt(option, efficiency.mode());
        ReplayResult low = efficiency.isFixed() ? expected : replayAt(option, efficiency.low());
        ReplayResult high = efficiency.isFixed() ? expected : replayAt(option, efficiency.high());
        return new OptionReplays(efficiency, low, expected, high, cost(low.cloudRouted()), cost(expected.cloudRouted()),
                cost(high.cloudRouted()));
    }

    private ReplayResult replayAt(LocalOption option, double efficiencyScale) {
        long maxDepth = option.contextTokens();
        SpeedTable table = SpeedTable.of(speeds, option.device(), option.model(), option.engine(), option.kvType(),
                option.slots(), maxDepth, efficiencyScale);
        return Replay.run(trace, option, table);
    }

    private double cost(BitSet requests) {
        double sum = 0;
        for (int i = requests.nextSetBit(0); i >= 0; i = requests.nextSetBit(i + 1)) sum += requestCostUsd[i];
        return sum;
    }

    /**
     * The engine's decode-efficiency spread on this device, as a multiplier around 1, divided by the local model's
     * tokens per Claude token: the logged counts are Claude's tokens, and a tokenizer that cuts the same text into
     * more tokens has that much more to prefill and decode.
     */
    private Uncertain efficiencyOf(LocalOption option) {
        var factor = option.engine().efficiency().decodeBandwidth();
        return efficiencyRange(factor.of(option.device()), factor.rangeOf(option.device()),
                quality.tokenizer(option.model().model().id()));
    }

    /** The efficiency multiplier of an engine at {@code point} within {@code range}, per Claude token of {@code tokenizer}. */
    static Uncertain efficiencyRange(double point, Range range, costplan.catalog.TokenizerRatio tokenizer) {
        Range tokens = tokenizer.range();
        return new Uncertain(range.low() / point / tokens.high(), 1 / tokenizer.tokensPerClaudeToken(),
                range.high() / point / tokens.low());
    }

    private static Uncertain purchaseOf(Device device) {
        double purchase = device.purchaseUsd();
        Range range = device.priceNewRangeUsd();
        if (device.rented() || range == null || device.priceNewUsd() == null) return Uncertain.fixed(purchase);
        double host = purchase - device.priceNewUsd();
        return new Uncertain(Math.min(purchase, range.low() + host), purchase, Math.max(purchase, range.high() + host));
    }

    private String infeasibleReason(LocalOption option, OptionReplays replays, Scenario s) {
        double slowdown = replays.slowdown(s.efficiency());
        if (slowdown > assumptions.maxSlowdown())
            return String.format(java.util.Locale.ROOT, "cannot keep up: a working day takes %.1fx as long (limit %.1fx)",
                    slowdown, assumptions.maxSlowdown());
        double local = replays.localShareOfRequests(s.efficiency()) * s.localCapableShare();
        if (local < assumptions.minLocalShare())
            return String.format(java.util.Locale.ROOT, "only %.0f %% of requests could run locally (limit %.0f %%)",
                    local * 100, assumptions.minLocalShare() * 100);
        if (replays.expected().memoryHighWaterBytes() > option.device().usableBytes())
            return String.format(java.util.Locale.ROOT, "the KV caches of the running requests need %.0f GB, more than the %.0f GB usable",
                    replays.expected().memoryHighWaterBytes() / 1e9, option.device().usableBytes() / 1e9);
        return null;
    }

    private List<OptionPlan.Sensitivity> sensitivity(Economics economics, Scenario mode, Uncertain efficiency, Uncertain purchase,
                                                     Uncertain capable) {
        Assumptions a = assumptions;
        List<OptionPlan.Sensitivity> rows = new ArrayList<>(List.of(
                swing(economics, "engine efficiency (x expected)", efficiency, mode::withEfficiency),
                swing(economics, "electricity (USD/kWh)", a.electricityUsdPerKwh(), mode::withElectricity),
                swing(economics, "usage growth per month", a.growthPerMonth(), mode::withGrowth),
                swing(economics, "resale value (x catalog)", a.resaleScale(), mode::withResaleScale),
                swing(economics, "share the local model can do", capable, mode::withLocalCapableShare),
                swing(economics, "machine price (USD)", purchase, mode::withPurchase)));
        rows.removeIf(r -> r.lowValue().equals(r.highValue()) || r.paybackSwing() < 1e-9 && r.savingsSwing() < 0.005);
        Comparator<OptionPlan.Sensitivity> bySavings = Comparator.comparingDouble(OptionPlan.Sensitivity::savingsSwing).reversed();
        rows.sort(economics.device().rented() ? bySavings
                : Comparator.comparingDouble(OptionPlan.Sensitivity::paybackSwing).reversed().thenComparing(bySavings));
        return List.copyOf(rows);
    }

    private static OptionPlan.Sensitivity swing(Economics economics, String name, Uncertain input, DoubleFunction<Scenario> at) {
        Economics.Outcome low = economics.run(at.apply(input.low()));
        Economics.Outcome high = economics.run(at.apply(input.high()));
        return new OptionPlan.Sensitivity(name, Uncertain.fixed(input.low()).toString(), Uncertain.fixed(input.high()).toString(),
                low.paybackMonths(), high.paybackMonths(), low.averageMonthlySavingsUsd(), high.averageMonthlySavingsUsd());
    }

    private static OptionPlan.Percentiles percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new OptionPlan.Percentiles(rank(sorted, 0.10), rank(sorted, 0.50), rank(sorted, 0.90));
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
