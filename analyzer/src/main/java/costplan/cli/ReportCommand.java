package costplan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code costplan report}: import usage logs and write the HTML report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write an HTML report: whether a machine of your own pays off, and your Claude Code usage.",
        description = {"Reads Claude Code session logs like 'analyze' and writes one self-contained HTML file: a "
                + "one-sentence summary, then charts and tables of tokens, cost, cache hits, models, activity, "
                + "sessions and projects, then every price used and the command that reproduces it.",
                "The file opens from disk with no network. Nothing is ever written into the folders read."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:ok",
                "1:unexpected internal error",
                "2:bad usage (unknown option, bad value, a report file that may not be replaced)",
                "3:bad input data (nothing readable, or anything skipped under --strict)",
                "4:ran fine, but some lines or files were skipped (listed on stderr)"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private UsageOptions input;

    @Mixin
    private ModelFilterOption modelFilter;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The HTML file to write.")
    private Path out;

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--usage-only", description = "Leave out the purchase plan that leads the report by default (every "
            + "catalog device with the default options of 'costplan plan'; 'plan --report' chooses them).")
    private boolean usageOnly;

    private final Environment environment;

    ReportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        Optional<UsageOptions.Usage> read = input.read(environment, err, modelFilter.text);
        if (read.isEmpty()) return ExitCodes.BAD_INPUT;
        int requests = read.get().ledger().records().size();
        boolean planned = !usageOnly && requests >= PlanCommand.MIN_REQUESTS;
        if (!usageOnly && requests > 0 && !planned)
            err.println("costplan: warning: " + requests + " requests are too few for a purchase plan (at least "
                    + PlanCommand.MIN_REQUESTS + "); the report shows the usage only");
        reportOptions.write(out, read.get(), input, spec, environment, err,
                planned ? costplan.Costplan.plan(read.get().ledger()) : null);
        return UsageOptions.finish(read.get(), err);
    }
}
