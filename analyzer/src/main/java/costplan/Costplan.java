package costplan;

import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.importers.ImportSummary;
import costplan.importers.SourceReconciler;
import costplan.importers.UsageFormats;
import costplan.importers.UsageRecord;
import costplan.ledger.CacheStats;
import costplan.ledger.UsageLedger;
import costplan.plan.Assumptions;
import costplan.plan.Baseline;
import costplan.plan.OptionChooser;
import costplan.plan.PlanRequest;
import costplan.plan.PlanResult;
import costplan.plan.PlanTrace;
import costplan.plan.Planner;
import costplan.pricing.PriceBook;
import costplan.replay.CachePolicy;
import costplan.speed.SpeedModels;
import costplan.whatif.WhatIf;
import costplan.whatif.WhatIfFile;
import costplan.workload.ArrivalModel;
import costplan.workload.CloudSpeed;
import costplan.workload.Trace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The starting points for JShell: read usage, look at the catalog, ask what if.
 *
 * <pre>{@code
 * Costplan.analyze("samples/claude")
 * Costplan.plan(Costplan.analyze("samples/claude").ledger(), "rtx-5090", "rented-h100-runpod")
 * Costplan.scenario().withTokensPerDay(20_000_000).withOption("mac-studio-m3-ultra-256gb", "qwen3-coder-next").plan()
 * Costplan.scenario("samples/scenarios/004-cloud-vs-self-hosted.yaml").run()
 * }</pre>
 */
public final class Costplan {
    /** The packages a notebook imports, so the types above need no package names. */
    public static final List<String> IMPORTS = List.of("costplan", "costplan.whatif", "costplan.plan", "costplan.catalog",
            "costplan.workload", "costplan.ledger");

    private Costplan() {
    }

    /**
     * Reads the usage at {@code path} (Claude Code logs, Codex sessions or a provider's export, told from the content),
     * priced at API list prices, days in UTC.
     */
    public static Usage analyze(String path) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary imported = UsageFormats.assign(List.of(Path.of(path)), null).read(UnaryOperator.identity(), records::add);
        List<UsageRecord> reconciled = SourceReconciler.reconcile(records).records();
        return new Usage(UsageLedger.of(reconciled, PriceBook.bundled(), ZoneOffset.UTC), imported);
    }

    /** Returns the bundled catalog of devices, models and engines. */
    public static Catalog catalog() {
        return Catalog.bundled();
    }

    /**
     * Plans {@code ledger}'s usage on the named devices (every device when none), against API pay-as-you-go, with
     * the default assumptions, in-session KV reuse and the default options of {@code costplan plan}.
     */
    public static PlanResult plan(UsageLedger ledger, String... deviceIds) {
        PlanTrace traced = PlanTrace.of(ledger, CloudSpeed.TYPICAL, ArrivalModel.DEFAULTS)
                .orElseThrow(() -> new IllegalArgumentException("the ledger holds no request to plan with"));
        Trace trace = traced.trace();
        double[] costs = traced.costs();
        CacheStats stats = traced.stats();
        int slots = Math.max(1, Math.min(8, stats.peakConcurrentSessions()));
        Catalog catalog = catalog();
        OptionChooser chooser = new OptionChooser(catalog, CachePolicy.SESSION, KvCacheType.F16, List.of(), slots, stats.promptP90());
        Baseline api = new Baseline("API pay-as-you-go", Planner.apiUsdPerMonth(trace, costs), "the trace at API list prices");
        return PlanRequest.run(trace, costs, api, true, Assumptions.DEFAULTS, catalog, chooser, List.of(deviceIds), List.of(),
                null, SpeedModels.standard(), 2000, 1);
    }

    /** Returns the default scenario ({@link WhatIf#DEFAULT}) to change with its {@code with...} methods. */
    public static WhatIf scenario() {
        return WhatIf.DEFAULT;
    }

    /** Reads the scenario file at {@code path}. */
    public static WhatIf scenario(String path) throws IOException {
        return WhatIfFile.read(Path.of(path));
    }
}
