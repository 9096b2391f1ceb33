package costplan.cli;

import costplan.ledger.Grouping;
import costplan.ledger.UsageLedger;
import costplan.report.ProjectAliases;
import picocli.CommandLine.ArgGroup;
import costplan.usage.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code costplan analyze}: import usage logs, then print totals, groupings, cache statistics and cost. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        header = "Measure and price your Claude Code usage.",
        description = {"Reads Claude Code session logs (default: ~/.config/claude/projects and ~/.claude/projects, or "
                + "CLAUDE_CONFIG_DIR) and prints tokens, cache-hit rate and API-equivalent cost, grouped as asked.",
                "Nothing is ever written into the folders read."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:ok",
                "1:unexpected internal error",
                "2:bad usage (unknown option, bad value, a report file that may not be replaced)",
                "3:bad input data (nothing readable, or anything skipped under --strict)",
                "4:ran fine, but some lines or files were skipped (listed on stderr)",
                "5:an output could not be written (full disk, no permission)",
                "6:costplan needs more memory (the message says which COSTPLAN_JAVA_OPTS=-Xmx... to use)"})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private UsageOptions input;

    @Mixin
    private ModelFilterOption modelFilter;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "day",
            description = "Group by day, week, month, session, project, model, block (5-hour) or source (the format each record came from). Default: ${DEFAULT-VALUE}.")
    private String by;

    @ArgGroup(exclusive = true)
    private Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "Write JSON instead of tables (ccusage-compatible field names).")
        boolean json;

        @Option(names = "--csv", description = "Write CSV instead of tables.")
        boolean csv;
    }

    @Option(names = "--breakdown",
            description = "With --csv: one row per group and model instead of one row per group. Default: one row per group.")
    private boolean breakdown;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a self-contained HTML report to FILE (charts inline, nothing fetched).")
    private Path report;

    @Mixin
    private ReportOptions reportOptions;

    private final Environment environment;

    AnalyzeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Grouping grouping = Grouping.parse(by);
        Optional<Usage> read = input.read(environment, err, modelFilter.text);
        if (read.isEmpty()) return ExitCodes.BAD_INPUT;
        Usage usage = read.get();

        // --redact hides projects in this command's tables, CSV and JSON too, not only in its report: the same aliases,
        // and the problems' files without the folders that name projects.
        boolean redact = reportOptions.redact;
        UsageLedger ledger = redact
                ? usage.ledger().withProjects(ProjectAliases.redacting(usage.ledger().records())::nameOf) : usage.ledger();
        Analysis analysis = Analysis.of(redact ? usage.imported().withFileNamesOnly() : usage.imported(),
                usage.reconciled(), ledger, usage.prices(), grouping);
        if (format.json) AnalyzeJsonView.print(analysis, out);
        else if (format.csv) AnalyzeCsvView.print(analysis, breakdown, out);
        else AnalyzeTextView.print(analysis, out);
        out.flush();
        if (report != null) reportOptions.write(report, usage, input, spec, environment, err);
        return UsageOptions.finish(usage, err);
    }
}
