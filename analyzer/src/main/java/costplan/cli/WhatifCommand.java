package costplan.cli;

import costplan.catalog.Catalog;
import costplan.pricing.PriceBook;
import costplan.pricing.SubscriptionPlans;
import costplan.report.ReportFile;
import costplan.report.ReportRenderer;
import costplan.report.WhatIfReport;
import costplan.speed.SpeedModels;
import costplan.whatif.WhatIf;
import costplan.whatif.WhatIfFile;
import costplan.whatif.WhatIfResult;
import costplan.whatif.WhatIfRunner;
import costplan.whatif.WorkloadSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code costplan whatif FILE}: run a scenario file. */
@Command(name = "whatif", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a what-if scenario file: its options against its baselines, and its sweep.",
        description = {"FILE is YAML (or JSON, by its .json extension) naming a workload (logs, a daily token volume or "
                + "agentic sessions), baselines, options, overrides of catalog numbers and an optional sweep of one number. "
                + "samples/scenarios/ holds examples and its README lists every key."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:ok",
                "1:unexpected internal error",
                "2:bad usage (unknown option, id or value)",
                "3:bad input data (the scenario file cannot be read or is not a valid scenario)"})
final class WhatifCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    private Path file;

    @Mixin
    private CatalogOptions catalogOptions;

    @Option(names = "--json", description = "Write JSON instead of tables.")
    private boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write an HTML report (with the sweep's chart) to FILE.")
    private Path report;

    @Option(names = "--force", description = "Replace an existing --report file even when it is not a costplan report.")
    private boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file))
            throw new IOException(file + ": no such scenario file; give a .yaml or .json file like samples/scenarios/*.yaml");
        Catalog catalog = catalogOptions.catalog();
        WhatIf whatIf = WhatIfFile.read(file, catalog);
        WhatIfResult result = new WhatIfRunner(catalog, PriceBook.bundled(), SubscriptionPlans.bundled(),
                SpeedModels.standard()).run(whatIf);
        PlanCommand.withCaveat(result.plan(), spec.commandLine().getErr());
        if (json) WhatIfJsonView.print(result, out);
        else out.print(result);
        out.flush();
        if (report != null) {
            List<Path> read = new ArrayList<>(List.of(file));
            if (whatIf.workload() instanceof WorkloadSpec.Logs logs) read.add(logs.path());
            ReportFile.write(report, new ReportRenderer().render(WhatIfReport.page(result)), read, force);
        }
        return ExitCodes.OK;
    }
}
