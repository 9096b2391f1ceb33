package costplan.cli;

import costplan.plan.PlanResult;
import costplan.plan.PlanSettings;
import costplan.usage.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code costplan plan}: replay the person's own trace on candidate machines and say which one pays off. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Replay your own usage on candidate machines and say whether one pays off.",
        description = {"Reads Claude Code logs like 'analyze', replays every request on each option (device, model at a "
                + "quantization, engine, parallel slots, KV-cache policy) as a closed loop, sends to the cloud what the "
                + "routing rules or memory demand, and compares the monthly cost with your baseline. Uncertain inputs are "
                + "sampled: the payback is given as P10/P50/P90.",
                "Default options: every catalog device with two capable models each (the largest that fits and the fastest)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:ok",
                "1:unexpected internal error",
                "2:bad usage (unknown option, id or value)",
                "3:bad input data (nothing readable, too few requests, or anything skipped under --strict)",
                "4:ran fine, but some lines or files were skipped (listed on stderr)",
                "5:an output could not be written (full disk, no permission)",
                "6:costplan needs more memory (the message says which COSTPLAN_JAVA_OPTS=-Xmx... to use)"})
final class PlanCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private UsageOptions input;

    @Mixin
    private CloudModelFilterOption cloudModel;

    @Mixin
    private PlanOptions planOptions;

    @Option(names = "--json", description = "Write JSON instead of tables.")
    private boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the plan, with the usage it came from, as one HTML file.")
    private java.nio.file.Path report;

    @Mixin
    private ReportOptions reportOptions;

    private final Environment environment;

    PlanCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlanSettings settings = planOptions.settings();
        Optional<Usage> read = input.read(environment, err, cloudModel.text);
        if (read.isEmpty()) return ExitCodes.BAD_INPUT;
        Usage usage = read.get();
        PlanResult result = withCaveat(usage.plan(settings), err);
        if (json) PlanJsonView.print(result, out);
        else PlanTextView.print(result, out);
        out.flush();
        if (report != null) reportOptions.write(report, usage, input, spec, environment, err, result);
        return UsageOptions.finish(usage, err);
    }

    /** Returns {@code plan}, having warned on {@code err} of what limits it. */
    static PlanResult withCaveat(PlanResult plan, PrintWriter err) {
        plan.caveat().ifPresent(c -> err.println("costplan: warning: " + c));
        return plan;
    }
}
