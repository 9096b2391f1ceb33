package costplan.whatif;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.importers.UsageRecord;
import costplan.ledger.CacheStats;
import costplan.ledger.UsageLedger;
import costplan.plan.Assumptions;
import costplan.plan.Baseline;
import costplan.plan.OptionChooser;
import costplan.plan.OptionPlan;
import costplan.plan.PlanResult;
import costplan.plan.Planner;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;
import costplan.replay.CachePolicy;
import costplan.replay.LocalOption;
import costplan.replay.RouteRule;
import costplan.speed.SpeedModel;
import costplan.speed.SpeedModels;
import costplan.workload.CloudSpeed;
import costplan.workload.Trace;
import costplan.workload.TraceRequest;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Runs scenarios against a catalog, a price book and subscription plans: builds the trace, the options, and plans them. */
public final class WhatIfRunner {
    /** A slot count above this is no longer one person's machine; the default never goes past it. */
    static final int MAX_DEFAULT_SLOTS = 8;

    private final Catalog catalog;
    private final PriceBook prices;
    private final SubscriptionPlans subscriptions;
    private final SpeedModel speeds;

    public WhatIfRunner(Catalog catalog, PriceBook prices, SubscriptionPlans subscriptions, SpeedModel speeds) {
        this.catalog = catalog;
        this.prices = prices;
        this.subscriptions = subscriptions;
        this.speeds = speeds;
    }

    /** The bundled catalog, Anthropic prices and subscriptions, and the standard speed model. */
    public static WhatIfRunner bundled() {
        return new WhatIfRunner(Catalog.bundled(), PriceBook.bundled(), SubscriptionPlans.bundled(), SpeedModels.standard());
    }

    /** The trace of a scenario, priced with its overrides, with what the options need to know of it. */
    record Workload(Trace trace, double[] costs, int unpricedRequests, int parallelSessions, long promptP90) {
    }

    /** Plans, then sweeps when {@code whatIf} names a sweep. */
    public WhatIfResult run(WhatIf whatIf) {
        WhatIfResult planned = plan(whatIf);
        return whatIf.sweep() == null ? planned : planned.withSweep(sweep(whatIf, whatIf.sweep()));
    }

    /** Plans every option against every baseline. */
    public WhatIfResult plan(WhatIf whatIf) {
        Workload w = load(whatIf);
        Options options = options(whatIf, w);
        List<PlanResult> plans = whatIf.baselines().stream().map(b -> plan(whatIf, w, options, b)).toList();
        return new WhatIfResult(whatIf, w.unpricedRequests(), plans, null);
    }

    /** Plans every option against the first baseline at each value of the swept number. */
    public SweepResult sweep(WhatIf whatIf, Sweep sweep) {
        // Only workload and cloud-price numbers change the trace or its prices; the rest reuse one load.
        boolean reload = sweep.parameter().startsWith("workload.") || sweep.parameter().startsWith("overrides.cloudPrices.");
        Workload fixed = reload ? null : load(whatIf);
        String baseline = whatIf.baselines().get(0);
        List<SweepResult.Point> points = new ArrayList<>();
        String baselineName = null;
        for (double value : sweep.values()) {
            WhatIf at = whatIf.with(sweep.parameter(), value);
            Workload w = reload ? load(at) : fixed;
            PlanResult plan = plan(at, w, options(at, w), baseline);
            baselineName = plan.baseline().name();
            for (OptionPlan o : plan.options().stream().sorted(Comparator.comparing(WhatIfRunner::label)).toList()) {
                var e = o.expected();
                points.add(new SweepResult.Point(value, label(o), o.feasible(),
                        e.averageMonthlyCostUsd(), e.averageMonthlyCostUsd() + e.averageMonthlySavingsUsd(),
                        o.monthlySavingsUsd().p50(), o.feasible() ? o.paybackMonths().p50() : Double.POSITIVE_INFINITY,
                        o.option().device().rented()));
            }
        }
        return new SweepResult(sweep, baselineName, points);
    }

    private static String label(OptionPlan o) {
        return o.option().device().id() + " / " + o.option().model();
    }

    Workload load(WhatIf whatIf) {
        PriceBook book = prices;
        for (Map.Entry<String, CloudPrice> p : whatIf.overrides().cloudPrices().entrySet())
            book = book.withPrice(p.getKey(), p.getValue().toModelPrice());
        List<UsageRecord> records = whatIf.workload().records(CloudSpeed.TYPICAL);
        Trace trace = Trace.of(records, CloudSpeed.TYPICAL);
        double[] costs = new double[trace.requests().size()];
        int unpriced = 0;
        for (TraceRequest r : trace.requests()) {
            var cost = book.costOf(records.get(r.recordIndex()));
            if (cost.isEmpty()) unpriced++;
            costs[r.index()] = cost.map(u -> u.toDouble()).orElse(0.0);
        }
        if (unpriced == records.size())
            throw new IllegalArgumentException("no request of the workload has a price; model " + records.get(0).model()
                    + " is unknown, closest known ids: " + String.join(", ", book.closestIds(records.get(0).model())));
        long[] prompts = trace.requests().stream().mapToLong(TraceRequest::promptTokens).sorted().toArray();
        long promptP90 = prompts[(int) Math.ceil(0.9 * prompts.length) - 1];
        return new Workload(trace, costs, unpriced, parallelSessions(whatIf.workload(), records, book), promptP90);
    }

    private static int parallelSessions(WorkloadSpec spec, List<UsageRecord> records, PriceBook book) {
        int sessions;
        if (spec instanceof WorkloadSpec.Daily d) sessions = d.volume().sessions();
        else if (spec instanceof WorkloadSpec.Sessions s) sessions = s.shape().parallelSessions();
        else sessions = CacheStats.of(UsageLedger.of(records, book, ZoneOffset.UTC)).peakConcurrentSessions();
        return Math.max(1, Math.min(MAX_DEFAULT_SLOTS, sessions));
    }

    /** The options that fit, and the ones that did not (as {@code device / model}). */
    record Options(List<LocalOption> fitting, List<String> notFitting) {
    }

    Options options(WhatIf whatIf, Workload w) {
        List<OptionSpec> specs = whatIf.options().isEmpty()
                ? catalog.devices().stream().map(d -> OptionSpec.of(d.id())).toList() : whatIf.options();
        List<LocalOption> fitting = new ArrayList<>();
        List<String> notFitting = new ArrayList<>();
        for (OptionSpec spec : specs) {
            Device device = whatIf.overrides().device(spec.device()).apply(catalog.device(spec.device()));
            Engine engine = catalog.engine(spec.engine() == null ? "llama-cpp" : spec.engine());
            OptionChooser chooser = new OptionChooser(catalog, CachePolicy.parse(spec.policy()), KvCacheType.parse(spec.kvType()),
                    spec.routes().stream().map(RouteRule::parse).toList(), spec.slots() == null ? w.parallelSessions() : spec.slots(),
                    w.promptP90());
            List<LocalOption> found = chooser.options(device, spec.model() == null ? List.of() : List.of(spec.model()), engine);
            if (found.isEmpty()) notFitting.add(spec.model() == null ? spec.device() : spec.device() + " / " + spec.model());
            fitting.addAll(found);
        }
        return new Options(fitting, notFitting);
    }

    private PlanResult plan(WhatIf whatIf, Workload w, Options options, String baselineId) {
        Assumptions assumptions = whatIf.assumptions();
        double api = Planner.apiUsdPerMonth(w.trace(), w.costs());
        Baseline baseline = Baseline.of(baselineId, api, subscriptions);
        Planner planner = new Planner(w.trace(), w.costs(), baseline, baselineId.equals(Baseline.API), assumptions, speeds,
                whatIf.samples(), whatIf.seed());
        return new PlanResult(w.trace(), baseline, api, assumptions, planner.plan(options.fitting()), options.notFitting(),
                whatIf.samples(), whatIf.seed());
    }
}
