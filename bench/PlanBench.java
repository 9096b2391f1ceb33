import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.importers.UsageRecord;
import costplan.plan.Assumptions;
import costplan.plan.Baseline;
import costplan.plan.Planner;
import costplan.replay.CachePolicy;
import costplan.replay.LocalOption;
import costplan.replay.Replay;
import costplan.replay.SpeedTable;
import costplan.speed.SpeedModel;
import costplan.speed.SpeedModels;
import costplan.workload.CloudSpeed;
import costplan.workload.SyntheticWorkload;
import costplan.workload.Trace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plan benchmark: replays a 1,000,000-request synthetic trace on 30 options, then runs 10,000 Monte Carlo samples of
 * one option on a 100,000-request trace, and prints requests per second and wall times.
 * Run with bench/plan-bench.sh (builds the jar first if needed).
 */
public class PlanBench {
    public static void main(String[] args) {
        Catalog catalog = Catalog.bundled();
        SpeedModel speeds = SpeedModels.standard();

        long t0 = System.nanoTime();
        Trace big = trace(1_000_000);
        System.out.printf(Locale.ROOT, "trace: %,d requests in %d streams, built in %.2f s%n", big.requests().size(), big.streams(),
                (System.nanoTime() - t0) / 1e9);
        List<LocalOption> options = options(catalog, 30);
        t0 = System.nanoTime();
        // Options replay in parallel, one per core, as the planner runs them.
        long events = options.parallelStream().mapToLong(option -> Replay.run(big, option, SpeedTable.of(speeds,
                option.device(), option.model(), option.engine(), option.kvType(), option.slots(), option.contextTokens(), 1))
                .requests()).sum();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "replay: %d options x %,d requests in %.2f s (%,.0f requests/s; target < 10 s)%n",
                options.size(), big.requests().size(), seconds, events / seconds);

        Trace medium = trace(100_000);
        double[] costs = new double[medium.requests().size()];
        java.util.Arrays.fill(costs, 0.05);
        Planner planner = new Planner(medium, costs, new Baseline("api", Planner.apiUsdPerMonth(medium, costs), "API pay-as-you-go"), true,
                Assumptions.DEFAULTS, speeds, 10_000, 42);
        LocalOption mac = options.stream().filter(o -> o.device().id().equals("mac-studio-m3-ultra-256gb")).findFirst().orElseThrow();
        t0 = System.nanoTime();
        var plan = planner.plan(mac);
        seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "monte carlo: 10,000 samples of %s on %,d requests in %.2f s (target < 30 s); "
                        + "payback P10/P50/P90 %.2f/%.2f/%.2f months%n", mac.label(), medium.requests().size(), seconds,
                plan.paybackMonths().p10(), plan.paybackMonths().p50(), plan.paybackMonths().p90());
    }

    static Trace trace(int requests) {
        // 8 parallel sessions for 10 hours a day give about 7,000 requests a day.
        int days = Math.max(1, requests / 7_000);
        List<UsageRecord> records = new SyntheticWorkload(days, LocalDate.of(2026, 3, 2), 8, 10, 8, 40_000, 2_000, 500,
                150_000, 20, "claude-sonnet-4-5", 7).records(CloudSpeed.TYPICAL);
        return Trace.of(records.subList(0, Math.min(records.size(), requests)), CloudSpeed.TYPICAL);
    }

    static List<LocalOption> options(Catalog catalog, int count) {
        List<LocalOption> options = new ArrayList<>();
        List<String> models = List.of("qwen3-coder-30b-a3b:q4_k_m", "gpt-oss-20b:mxfp4", "devstral-small-2:q4_k_m");
        for (var device : catalog.devices()) {
            for (String id : models) {
                ModelChoice model = catalog.modelChoice(id);
                long budget = device.usableBytes() - model.weightBytes() - (2L << 30);
                if (budget <= 0 || options.size() == count) continue;
                options.add(new LocalOption(device, model, catalog.engine("llama-cpp"), 4, CachePolicy.SESSION, KvCacheType.F16,
                        List.of(), budget, model.weightBytes() + (2L << 30)));
            }
        }
        return options;
    }
}
