package costplan.cli;

import costplan.report.ReportFile;
import costplan.report.ReportInputs;
import costplan.report.ReportPages;
import costplan.report.ReportRenderer;
import costplan.usage.Usage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The options of an HTML report, shared by {@code analyze --report} and {@code report}, and the writing of it. */
final class ReportOptions {
    @Option(names = "--redact", description = "Show projects as project-1, project-2… (in order of first use) in the "
            + "report and in the command's own tables and JSON, and leave paths out of them. Default: project paths as logged.")
    boolean redact;

    @Option(names = "--force", description = "Replace FILE even when it is not a costplan report. Default: only an "
            + "earlier costplan report is replaced.")
    boolean force;

    /** Writes the usage report of {@code usage} to {@code target}; tells on {@code err} where it went. */
    void write(Path target, Usage usage, UsageOptions input, CommandSpec spec, Environment environment,
               PrintWriter err) throws IOException {
        write(target, usage, input, spec, environment, err, null);
    }

    /**
     * Writes the report of {@code usage} to {@code target}, led by {@code plan}'s verdict and evidence when a plan
     * is given; tells on {@code err} where it went.
     */
    void write(Path target, Usage usage, UsageOptions input, CommandSpec spec, Environment environment,
               PrintWriter err, costplan.plan.PlanResult plan) throws IOException {
        if (usage.ledger().records().isEmpty())
            throw costplan.importers.CostplanException.badInput("nothing to report: no requests were read (or all were filtered out)");
        String command = CommandLineText.of(spec.root().commandLine().getParseResult().originalArgs(),
                redact ? redactions(input, target) : Map.of());
        ReportInputs inputs = new ReportInputs(usage.ledger(), usage.prices(), usage.subscriptions(), usage.imported(), command, redact,
                environment.clock().instant());
        var page = plan == null ? ReportPages.usage(inputs) : ReportPages.usageAndPlan(inputs, plan, costplan.speed.SpeedModels.standard());
        ReportFile.write(target, new ReportRenderer().render(page), usage.sources(), force);
        err.println("costplan: wrote " + target);
    }

    /** Returns the arguments that would show a person's folders or project names, with what replaces them. */
    private static Map<String, String> redactions(UsageOptions input, Path target) {
        Map<String, String> replace = new HashMap<>();
        for (Path p : input.paths) replace.put(p.toString(), "PATH");
        if (input.project != null) replace.put(input.project, "TEXT");
        if (input.pricing != null) replace.put(input.pricing.toString(), "DIR");
        replace.put(target.toString(), target.getFileName().toString());
        return replace;
    }

}
