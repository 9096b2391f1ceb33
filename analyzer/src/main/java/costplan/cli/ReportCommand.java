package costplan.cli;

import costplan.plan.PlanSettings;
import costplan.plan.PlanResult;
import costplan.plan.PlanTrace;
import costplan.usage.Usage;
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
                "4:ran fine, but some lines or files were skipped (listed on stderr)",
                "5:an output could not be written (full disk, no permission)",
                "6:costplan needs more memory (the message says which COSTPLAN_JAVA_OPTS=-Xmx... to use)"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private UsageOptions input;

    @Mixin
    private CloudModelFilterOption cloudModel;

    @Mixin
    private PlanOptions planOptions;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "The HTML file to write.")
    private Path out;

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--usage-only", description = "Leave out the purchase plan that leads the report by default (made "
            + "with the plan options below, as 'costplan plan' makes it).")
    private boolean usageOnly;

    private final Environment environment;

    ReportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        PlanSettings settings = usageOnly ? null : planOptions.settings();
        Optional<Usage> read = input.read(environment, err, cloudModel.text);
        if (read.isEmpty()) return ExitCodes.BAD_INPUT;
        Usage usage = read.get();
        PlanResult plan = null;
        if (!usageOnly && !usage.ledger().records().isEmpty()) {
            Optional<PlanTrace> trace = usage.traceIfAny(settings);
            if (trace.isEmpty()) err.println("costplan: warning: no request to plan with; the report shows the usage only");
            else plan = PlanCommand.withCaveat(usage.plan(trace.get(), settings), err);
        }
        reportOptions.write(out, usage, input, spec, environment, err, plan);
        return UsageOptions.finish(usage, err);
    }
}
