package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.replay.LocalOption;
import costplan.speed.SpeedModel;
import costplan.workload.Trace;

import java.util.List;

/** Runs a plan end to end: choose the options, replay and price each, and rank them. */
public final class PlanRequest {
    private PlanRequest() {
    }

    public static PlanResult run(Trace trace, double[] requestCostUsd, Baseline baseline, boolean baselineScalesWithUsage,
                                 Assumptions assumptions, Catalog catalog, OptionChooser chooser, List<String> deviceIds,
                                 List<String> modelRefs, String engineId, SpeedModel speeds, int samples, long seed) {
        List<LocalOption> options = chooser.options(deviceIds, modelRefs, engineId);
        List<Device> devices = deviceIds.isEmpty() ? List.copyOf(catalog.devices()) : deviceIds.stream().map(catalog::device).toList();
        List<String> without = devices.stream().filter(d -> options.stream().noneMatch(o -> o.device() == d))
                .map(Device::id).toList();
        Planner planner = new Planner(trace, requestCostUsd, baseline, baselineScalesWithUsage, assumptions, speeds, samples, seed);
        return new PlanResult(trace, baseline, planner.apiUsdPerMonth(), assumptions, planner.plan(options), without, samples, seed);
    }
}
