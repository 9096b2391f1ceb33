package costplan;

import costplan.catalog.Catalog;
import costplan.importers.ClaudeCodeLogImporter;
import costplan.importers.ImportSummary;
import costplan.importers.UsageRecord;
import costplan.ledger.UsageLedger;
import costplan.pricing.PriceBook;
import costplan.whatif.WhatIf;
import costplan.whatif.WhatIfFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The starting points for JShell: read usage, look at the catalog, ask what if.
 *
 * <pre>{@code
 * Costplan.analyze("samples/claude")
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

    /** Reads the Claude Code logs at {@code path} (a config folder, a projects folder or a file), priced at API list prices, days in UTC. */
    public static Usage analyze(String path) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary imported = new ClaudeCodeLogImporter().read(List.of(Path.of(path)), records::add);
        return new Usage(UsageLedger.of(records, PriceBook.bundled("anthropic"), ZoneOffset.UTC), imported);
    }

    /** Returns the bundled catalog of devices, models and engines. */
    public static Catalog catalog() {
        return Catalog.bundled();
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
