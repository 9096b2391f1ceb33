package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;
import costplan.replay.LocalOption;
import costplan.workload.WorkCalendar;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one path from a priced trace to a plan: choose the options the settings name, then replay, price and rank
 * them against the baseline. Every command, the scenario runner and the notebook plan through it.
 */
public final class Planning {
    /** Options shown per device when no model is named: the best by quality-adjusted savings. */
    public static final int DEFAULT_OPTIONS_PER_DEVICE = 2;

    private Planning() {
    }

    /** Returns the options {@code settings} names for {@code trace}, and the devices (or models) that fit none. */
    public static OptionSet options(PlanTrace trace, PlanSettings settings, PriceBook prices) {
        Catalog catalog = settings.catalogInUse();
        QualityRule rule = qualityRule(catalog, settings, prices);
        int slots = settings.slotsFor(trace.stats().activity().peakParallelAgentThreads());
        OptionChooser chooser = new OptionChooser(catalog, settings.policy(), settings.kvType(), settings.routes(), slots,
                trace.stats().promptP90());
        List<Device> devices = settings.devices().isEmpty() ? List.copyOf(catalog.devices())
                : settings.devices().stream().map(catalog::device).toList();
        Engine engine = catalog.engine(engineOf(settings));
        List<LocalOption> fitting = new ArrayList<>();
        List<String> notFitting = new ArrayList<>();
        for (Device device : devices) {
            List<LocalOption> found = chooser.options(device, settings.models(), engine,
                    model -> rule.meetsFloor(model.id(), settings.qualityFloor()));
            if (found.isEmpty())
                notFitting.add(settings.models().isEmpty() ? device.id() : device.id() + " / " + String.join(", ", settings.models()));
            fitting.addAll(found);
        }
        return new OptionSet(fitting, notFitting);
    }

    /**
     * Replays and prices every option of {@code options} on {@code trace} against the baseline of {@code settings}:
     * the one named, or else the cheapest of pay-as-you-go and the Claude plans, extra usage counted. When the
     * baseline's limits leave work over them, each option is also planned as a fallback that serves only that work.
     * When no model was named, each device keeps its {@link #DEFAULT_OPTIONS_PER_DEVICE} best options of each kind
     * by quality-adjusted savings.
     */
    public static PlanResult plan(PlanTrace trace, PlanSettings settings, OptionSet options, SubscriptionPlans subscriptions,
                                  PriceBook prices) {
        WorkCalendar calendar = calendar(trace, settings);
        List<Baseline> baselines = Baseline.candidates(trace, calendar, subscriptions);
        Baseline baseline = settings.baseline() == null ? Baseline.cheapest(baselines)
                : baselines.stream().filter(b -> b.id().equals(settings.baseline())).findFirst()
                .orElseGet(() -> Baseline.of(settings.baseline(), trace, calendar, subscriptions));
        Planner planner = new Planner(trace.trace(), calendar, trace.costs(), baseline, baseline.id().equals(Baseline.API),
                settings.assumptions(), settings.speeds(), settings.samples(), settings.seed(),
                qualityRule(settings.catalogInUse(), settings, prices), settings.uptime());
        List<OptionPlan> planned = new ArrayList<>(kept(planner.plan(options.fitting()), settings));
        BitSet over = baseline.overLimit();
        if (!over.isEmpty() && !options.fitting().isEmpty())
            planned.addAll(kept(planner.fallbackFor(over, baseline.monthlyUsd() - baseline.extraUsageUsd()).plan(options.fitting()),
                    settings));
        planned.sort(Planner.RANKING);
        return new PlanResult(trace.trace(), trace.stats().activity(), calendar, baseline, baselines, planner.apiUsdPerMonth(),
                settings.assumptions(), settings.uptime(), planned, options.notFitting(), settings.samples(), settings.seed());
    }

    private static List<OptionPlan> kept(List<OptionPlan> ranked, PlanSettings settings) {
        return settings.models().isEmpty() ? bestPerDevice(ranked) : ranked;
    }

    /**
     * The calendar of {@code trace}: its active hours from the session activity (or, for a trace of aggregated
     * exports that names no session, the hours its requests kept a stream working).
     */
    public static WorkCalendar calendar(PlanTrace trace, PlanSettings settings) {
        double activeHours = trace.stats().activity().activeHours();
        if (activeHours == 0) activeHours = trace.trace().activeSeconds() / 3600;
        return WorkCalendar.of(trace.trace(), trace.zone(), activeHours, settings.uptime().rentalIdleGap());
    }

    /** The rule from scores to shares, matching a request's model as the price book prices it. */
    static QualityRule qualityRule(Catalog catalog, PlanSettings settings, PriceBook prices) {
        return new QualityRule(catalog.quality().withCloudIds(id -> prices.canonicalIdOf(id).orElse(id)), catalog::knowsModel,
                settings.maxQualityDrop());
    }

    /** Keeps, of options ranked best first, the first few of each device under each engine and cache policy. */
    private static List<OptionPlan> bestPerDevice(List<OptionPlan> ranked) {
        Map<String, Integer> kept = new HashMap<>();
        List<OptionPlan> best = new ArrayList<>();
        for (OptionPlan o : ranked) {
            String key = o.option().device().id() + "/" + o.option().engine().id() + "/" + o.option().policy().id();
            if (kept.merge(key, 1, Integer::sum) <= DEFAULT_OPTIONS_PER_DEVICE) best.add(o);
        }
        return best;
    }

    private static String engineOf(PlanSettings settings) {
        return settings.engine() == null ? "llama-cpp" : settings.engine();
    }
}
