package costplan;

import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.importers.ClaudeCodeLogImporter;
import costplan.importers.UsageRecord;
import costplan.ledger.CacheStats;
import costplan.ledger.UsageLedger;
import costplan.plan.Assumptions;
import costplan.plan.Baseline;
import costplan.plan.OptionChooser;
import costplan.plan.PlanRequest;
import costplan.plan.PlanResult;
import costplan.plan.Planner;
import costplan.pricing.PriceBook;
import costplan.replay.CachePolicy;
import costplan.speed.SpeedModels;
import costplan.workload.CloudSpeed;
import costplan.workload.Trace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starting points for using costplan from Java or JShell.
 *
 * <pre>{@code
 * var ledger = Costplan.analyze(Path.of("samples/claude"));
 * ledger.total();                                   // tokens, cost, cache-hit rate
 * Costplan.catalog().device("rtx-5090");
 * Costplan.plan(ledger, "mac-studio-m3-ultra-256gb", "rented-h100-runpod");   // prints the verdict and options
 * }</pre>
 */
public final class Costplan {
    private Costplan() {
    }

    /** Reads Claude Code logs under {@code paths}, prices them at API list prices, days in the system zone. */
    public static UsageLedger analyze(Path... paths) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        new ClaudeCodeLogImporter().read(Arrays.asList(paths), records::add);
        return UsageLedger.of(records, PriceBook.bundled("anthropic"), ZoneId.systemDefault());
    }

    /** The bundled hardware catalog. */
    public static Catalog catalog() {
        return Catalog.bundled();
    }

    /**
     * Plans {@code ledger}'s usage on the named devices (every device when none), against API pay-as-you-go, with
     * the default assumptions, in-session KV reuse and the default options of {@code costplan plan}.
     */
    public static PlanResult plan(UsageLedger ledger, String... deviceIds) {
        Trace trace = Trace.of(ledger.records(), CloudSpeed.TYPICAL);
        double[] costs = new double[trace.requests().size()];
        for (var r : trace.requests()) costs[r.index()] = ledger.costOf(r.recordIndex()).map(u -> u.toDouble()).orElse(0.0);
        CacheStats stats = CacheStats.of(ledger);
        int slots = Math.max(1, Math.min(8, stats.peakConcurrentSessions()));
        Catalog catalog = catalog();
        OptionChooser chooser = new OptionChooser(catalog, CachePolicy.SESSION, KvCacheType.F16, List.of(), slots, stats.promptP90());
        Baseline api = new Baseline("API pay-as-you-go", Planner.apiUsdPerMonth(trace, costs), "the trace at API list prices");
        return PlanRequest.run(trace, costs, api, true, Assumptions.DEFAULTS, catalog, chooser, List.of(deviceIds), List.of(),
                null, SpeedModels.standard(), 2000, 1);
    }
}
