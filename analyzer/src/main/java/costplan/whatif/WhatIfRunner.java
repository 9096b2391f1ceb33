package costplan.whatif;

import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.importers.CostplanException;
import costplan.plan.OptionLabels;
import costplan.plan.OptionPlan;
import costplan.plan.OptionSet;
import costplan.plan.PlanResult;
import costplan.plan.PlanSettings;
import costplan.plan.PlanTrace;
import costplan.plan.Planning;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;
import costplan.replay.CachePolicy;
import costplan.replay.RouteRule;
import costplan.speed.SpeedModel;
import costplan.speed.SpeedModels;
import costplan.usage.Usage;
import costplan.usage.UsageQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs scenarios against a catalog, a price book and subscription plans: reads or makes the scenario's usage, turns
 * each of its options into {@link PlanSettings}, and plans through {@link Planning} as {@code costplan plan} does.
 */
public final class WhatIfRunner {
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

    /** The usage of a scenario, priced with its overrides, and the trace a plan replays of it. */
    record Workload(Usage usage, PlanTrace trace) {
        long unpricedRequests() {
            return usage.total().unpricedRequests();
        }
    }

    /** Plans, then sweeps when {@code whatIf} names a sweep. */
    public WhatIfResult run(WhatIf whatIf) {
        WhatIfResult planned = plan(whatIf);
        return whatIf.sweep() == null ? planned : planned.withSweep(sweep(whatIf, whatIf.sweep()));
    }

    /** Plans every option against every baseline. */
    public WhatIfResult plan(WhatIf whatIf) {
        Workload w = load(whatIf);
        OptionSet options = options(whatIf, w);
        List<PlanResult> plans = whatIf.baselines().stream().map(b -> plan(whatIf, w, options, b)).toList();
        return new WhatIfResult(whatIf, (int) w.unpricedRequests(), plans, null);
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
            List<String> labels = OptionLabels.ofPlans(plan.options());
            List<Integer> byLabel = java.util.stream.IntStream.range(0, labels.size()).boxed()
                    .sorted(Comparator.comparing(labels::get)).toList();
            for (int i : byLabel) {
                OptionPlan o = plan.options().get(i);
                var e = o.expected();
                points.add(new SweepResult.Point(value, labels.get(i), o.feasible(),
                        e.averageMonthlyCostUsd(), e.averageMonthlyCostUsd() + e.averageMonthlySavingsUsd(),
                        o.monthlySavingsUsd().p50(), o.feasible() ? o.paybackMonths().p50() : Double.POSITIVE_INFINITY,
                        o.option().device().rented()));
            }
        }
        return new SweepResult(sweep, baselineName, points);
    }

    Workload load(WhatIf whatIf) {
        PriceBook book = prices;
        for (Map.Entry<String, CloudPrice> p : whatIf.overrides().cloudPrices().entrySet())
            book = book.withPrice(p.getKey(), p.getValue().toModelPrice());
        UsageQuery pricing = UsageQuery.of().withPrices(book).withSubscriptions(subscriptions);
        PlanSettings settings = settings(whatIf);
        Usage usage;
        try {
            usage = whatIf.workload().usage(pricing, settings.cloudSpeed());
        } catch (IOException e) {
            throw new UncheckedIOException(whatIf.workload() + ": " + e.getMessage(), e);
        }
        var total = usage.total();
        if (total.records() > 0 && total.unpricedRecords() == total.records()) {
            String model = usage.ledger().records().get(0).model();
            throw CostplanException.badInput("no request of the workload has a price; model " + model
                    + " is unknown, closest known ids: " + String.join(", ", book.closestIds(model)));
        }
        return new Workload(usage, usage.trace(settings));
    }

    /** The settings every option of the scenario starts from: its assumptions, samples and seed, and this catalog. */
    private PlanSettings settings(WhatIf whatIf) {
        return PlanSettings.defaults().withCatalog(catalog).withSpeeds(speeds).withAssumptions(whatIf.assumptions())
                .withSamples(whatIf.samples()).withSeed(whatIf.seed());
    }

    /** The options of every option spec, each with its device overrides, and the ones that fit nowhere. */
    OptionSet options(WhatIf whatIf, Workload w) {
        List<OptionSpec> specs = whatIf.options().isEmpty()
                ? catalog.devices().stream().map(d -> OptionSpec.of(d.id())).toList() : whatIf.options();
        OptionSet all = new OptionSet(List.of(), List.of());
        for (OptionSpec spec : specs) {
            Catalog overridden = catalog.withDevice(whatIf.overrides().device(spec.device()).apply(catalog.device(spec.device())));
            PlanSettings s = settings(whatIf).withCatalog(overridden).withDevices(spec.device())
                    .withModels(spec.model() == null ? List.of() : List.of(spec.model())).withEngine(spec.engine())
                    .withPolicy(CachePolicy.parse(spec.policy())).withKvType(KvCacheType.parse(spec.kvType()))
                    .withRoutes(spec.routes().stream().map(RouteRule::parse).toList()).withSlots(spec.slots());
            all = all.plus(Planning.options(w.trace(), s, w.usage().prices()));
        }
        return all;
    }

    private PlanResult plan(WhatIf whatIf, Workload w, OptionSet options, String baselineId) {
        // Options whose model the scenario names are all kept; the others are ranked per device.
        List<String> named = whatIf.options().stream().map(OptionSpec::model).filter(java.util.Objects::nonNull).toList();
        return Planning.plan(w.trace(), settings(whatIf).withBaseline(baselineId).withModels(named), options, subscriptions,
                w.usage().prices());
    }
}
