package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;
import costplan.replay.LocalOption;

import java.util.ArrayList;
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
        List<LocalOption> fitting = new ArrayList<>();
        List<String> notFitting = new ArrayList<>();
        for (Device device : devices) {
            List<LocalOption> found = chooser.options(device, settings.models(), catalog.engine(engineOf(settings)),
                    model -> rule.meetsFloor(model.id(), settings.qualityFloor()));
            if (found.isEmpty())
                notFitting.add(settings.models().isEmpty() ? device.id() : device.id() + " / " + String.join(", ", settings.models()));
            fitting.addAll(found);
        }
        return new OptionSet(fitting, notFitting);
    }

    /**
     * Replays and prices every option of {@code options} on {@code trace} against the baseline of {@code settings}.
     * When no model was named, each device keeps its {@link #DEFAULT_OPTIONS_PER_DEVICE} best options by
     * quality-adjusted savings.
     */
    public static PlanResult plan(PlanTrace trace, PlanSettings settings, OptionSet options, SubscriptionPlans subscriptions,
                                  PriceBook prices) {
        double api = Planner.apiUsdPerMonth(trace.trace(), trace.costs());
        Baseline baseline = Baseline.of(settings.baseline(), api, subscriptions);
        Planner planner = new Planner(trace.trace(), trace.costs(), baseline, settings.baseline().equals(Baseline.API),
                settings.assumptions(), settings.speeds(), settings.samples(), settings.seed(),
                qualityRule(settings.catalogInUse(), settings, prices));
        List<OptionPlan> planned = planner.plan(options.fitting());
        if (settings.models().isEmpty()) planned = bestPerDevice(planned);
        return new PlanResult(trace.trace(), trace.stats().activity(), baseline, api, settings.assumptions(),
                planned, options.notFitting(), settings.samples(), settings.seed());
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
