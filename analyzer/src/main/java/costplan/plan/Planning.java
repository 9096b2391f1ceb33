package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.pricing.SubscriptionPlans;
import costplan.replay.LocalOption;

import java.util.ArrayList;
import java.util.List;

/**
 * The one path from a priced trace to a plan: choose the options the settings name, then replay, price and rank
 * them against the baseline. Every command, the scenario runner and the notebook plan through it.
 */
public final class Planning {
    private Planning() {
    }

    /** Returns the options {@code settings} names for {@code trace}, and the devices (or models) that fit none. */
    public static OptionSet options(PlanTrace trace, PlanSettings settings) {
        Catalog catalog = settings.catalogInUse();
        int slots = settings.slotsFor(trace.stats().activity().peakParallelAgentThreads());
        OptionChooser chooser = new OptionChooser(catalog, settings.policy(), settings.kvType(), settings.routes(), slots,
                trace.stats().promptP90());
        List<Device> devices = settings.devices().isEmpty() ? List.copyOf(catalog.devices())
                : settings.devices().stream().map(catalog::device).toList();
        List<LocalOption> fitting = new ArrayList<>();
        List<String> notFitting = new ArrayList<>();
        for (Device device : devices) {
            List<LocalOption> found = chooser.options(device, settings.models(), catalog.engine(engineOf(settings)));
            if (found.isEmpty())
                notFitting.add(settings.models().isEmpty() ? device.id() : device.id() + " / " + String.join(", ", settings.models()));
            fitting.addAll(found);
        }
        return new OptionSet(fitting, notFitting);
    }

    /** Replays and prices every option of {@code options} on {@code trace} against the baseline of {@code settings}. */
    public static PlanResult plan(PlanTrace trace, PlanSettings settings, OptionSet options, SubscriptionPlans subscriptions) {
        double api = Planner.apiUsdPerMonth(trace.trace(), trace.costs());
        Baseline baseline = Baseline.of(settings.baseline(), api, subscriptions);
        Planner planner = new Planner(trace.trace(), trace.costs(), baseline, settings.baseline().equals(Baseline.API),
                settings.assumptions(), settings.speeds(), settings.samples(), settings.seed());
        return new PlanResult(trace.trace(), trace.stats().activity(), baseline, api, settings.assumptions(),
                planner.plan(options.fitting()), options.notFitting(), settings.samples(), settings.seed());
    }

    private static String engineOf(PlanSettings settings) {
        return settings.engine() == null ? "llama-cpp" : settings.engine();
    }
}
