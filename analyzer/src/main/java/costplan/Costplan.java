package costplan;

import costplan.catalog.Catalog;
import costplan.plan.PlanResult;
import costplan.plan.PlanSettings;
import costplan.usage.Usage;
import costplan.usage.UsageQuery;
import costplan.whatif.WhatIf;
import costplan.whatif.WhatIfFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The starting points for JShell: read usage, look at the catalog, plan, ask what if. Everything returned is the
 * library the command line itself uses.
 *
 * <pre>{@code
 * Usage usage = Costplan.analyze("samples/claude");
 * usage.byDay()                                              // a Tablesaw Table, one row per day
 * usage.plan(PlanSettings.defaults().withDevices("rtx-5090")).optionsTable()
 * Costplan.scenario().withTokensPerDay(20_000_000).withOption("mac-studio-m3-ultra-256gb", "qwen3-coder-next").plan()
 * Costplan.scenario("samples/scenarios/004-cloud-vs-self-hosted.yaml").run()
 * }</pre>
 */
public final class Costplan {
    /** The packages a notebook imports, so the types above need no package names. */
    public static final List<String> IMPORTS = List.of("costplan", "costplan.usage", "costplan.whatif", "costplan.plan",
            "costplan.catalog", "costplan.workload", "costplan.ledger", "tech.tablesaw.api");

    private Costplan() {
    }

    /**
     * Reads the usage at {@code path} (Claude Code logs, Codex sessions or a provider's export, told from the content),
     * priced at API list prices, days in UTC. {@link UsageQuery} chooses dates, zone, filters and prices.
     */
    public static Usage analyze(String path) throws IOException {
        return UsageQuery.of(Path.of(path)).read();
    }

    /** Returns the bundled catalog of devices, models and engines. */
    public static Catalog catalog() {
        return Catalog.bundled();
    }

    /**
     * Plans {@code usage} on the named devices (every device when none) with the defaults of {@code costplan plan}:
     * against API pay-as-you-go, the default assumptions, in-session KV reuse.
     */
    public static PlanResult plan(Usage usage, String... deviceIds) {
        return usage.plan(PlanSettings.defaults().withDevices(deviceIds));
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
