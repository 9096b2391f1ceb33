package costplan.cli;

import costplan.catalog.Catalog;
import costplan.catalog.KvCacheType;
import costplan.ledger.CacheStats;
import costplan.ledger.UsageLedger;
import costplan.plan.Assumptions;
import costplan.plan.Baseline;
import costplan.plan.OptionChooser;
import costplan.plan.PlanRequest;
import costplan.plan.PlanResult;
import costplan.plan.PlanTrace;
import costplan.plan.Planner;
import costplan.plan.Uncertain;
import costplan.pricing.SubscriptionPlans;
import costplan.replay.CachePolicy;
import costplan.replay.RouteRule;
import costplan.speed.SpeedModels;
import costplan.workload.ArrivalModel;
import costplan.workload.CloudSpeed;
import costplan.workload.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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
                "4:ran fine, but some lines or files were skipped (listed on stderr)"})
final class PlanCommand implements Callable<Integer> {
    /** Fewer requests than this cannot show whether a machine keeps up. */
    static final int MIN_REQUESTS = 10;

    @Spec
    private CommandSpec spec;

    @Mixin
    private UsageOptions input;

    @Mixin
    private CatalogOptions catalogOptions;

    @Option(names = "--device", paramLabel = "ID", description = "A device to try (repeatable). Default: every device in the catalog.")
    private List<String> devices = new ArrayList<>();

    @Option(names = "--model", paramLabel = "ID[:QUANT]", description = "A local model to try (repeatable). Default: per device, "
            + "the largest and the fastest capable model (at least 20B parameters and a 64K context) that fit.")
    private List<String> models = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "E", description = "llama-cpp, mlx, ollama or vllm. Default: llama-cpp.")
    private String engine;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "session",
            description = "What the engine keeps of each session's KV cache: none, session (in memory) or persisted (also on disk). Default: ${DEFAULT-VALUE}.")
    private String policy;

    @Option(names = "--slots", paramLabel = "K", description = "Requests run at once. Default: the most sessions you ran at once (at most 8).")
    private Integer slots;

    @Option(names = "--kv-quant", paramLabel = "TYPE", defaultValue = "f16", description = "KV cache type (f16, q8_0, q4_0, fp8...). Default: ${DEFAULT-VALUE}.")
    private String kvQuant;

    @Option(names = "--route", paramLabel = "RULE", description = "Send matching requests to the cloud (repeatable): model:TEXT, "
            + "context>TOKENS, wait>SECONDS, share:FRACTION.")
    private List<String> routes = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "PLAN", defaultValue = "api",
            description = "What you pay today: api (pay-as-you-go at your trace's prices) or a subscription id (claude-pro, max-5x, max-20x, ...). Default: ${DEFAULT-VALUE}.")
    private String baseline;

    @Option(names = "--electricity-usd-kwh", paramLabel = "P", description = "Electricity price. Default: 0.17 (range 0.12-0.35 sampled).")
    private Double electricity;

    @Option(names = "--growth", paramLabel = "G", description = "Usage growth per month, e.g. 0.05. Default: 0 (range -0.02 to 0.05 sampled).")
    private Double growth;

    @Option(names = "--local-capable", paramLabel = "S", description = "Share of the work the local model can do. Default: 0.95 (range 0.8-1 sampled).")
    private Double localCapable;

    @Option(names = "--life-months", paramLabel = "M", defaultValue = "36", description = "Months the machine is kept. Default: ${DEFAULT-VALUE}.")
    private int lifeMonths;

    @Option(names = "--max-slowdown", paramLabel = "X", defaultValue = "1.5", description = "Largest slowdown of a working day that still keeps up. Default: ${DEFAULT-VALUE}.")
    private double maxSlowdown;

    @Option(names = "--cloud-tokens-per-second", paramLabel = "T", description = "Assumed cloud output speed, to recover your think time. Default: 50.")
    private Double cloudTokensPerSecond;

    @Option(names = "--request-tokens", paramLabel = "N", defaultValue = "50000",
            description = "For aggregated exports without request counts: the tokens of one request. Default: ${DEFAULT-VALUE}.")
    private long requestTokens;

    @Option(names = "--work-start", paramLabel = "HOUR", defaultValue = "9",
            description = "For daily rows of aggregated exports: the hour work starts, in the --timezone. Default: ${DEFAULT-VALUE}.")
    private int workStart;

    @Option(names = "--working-hours", paramLabel = "H", defaultValue = "8",
            description = "For daily rows of aggregated exports: the hours their requests are spread over. Default: ${DEFAULT-VALUE}.")
    private double workingHours;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000", description = "Monte Carlo samples per option. Default: ${DEFAULT-VALUE}.")
    private int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed; the same seed gives the same plan. Default: ${DEFAULT-VALUE}.")
    private long seed;

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
        Assumptions assumptions = assumptions();
        Catalog catalog = catalogOptions.catalog();
        Optional<UsageOptions.Usage> read = input.read(environment, err, null);
        if (read.isEmpty()) return ExitCodes.BAD_INPUT;
        UsageLedger ledger = read.get().ledger();
        CloudSpeed cloud = cloudTokensPerSecond == null ? CloudSpeed.TYPICAL
                : new CloudSpeed(CloudSpeed.TYPICAL.firstTokenSeconds(), cloudTokensPerSecond);
        Optional<PlanTrace> traced = PlanTrace.of(ledger, cloud, arrivals());
        int requests = traced.map(t -> t.trace().requests().size()).orElse(0);
        if (requests < MIN_REQUESTS) {
            err.println("costplan: error: the logs hold " + requests + " requests; a plan needs at least "
                    + MIN_REQUESTS + " to show whether a machine keeps up (widen --since/--until or --project)");
            return ExitCodes.BAD_INPUT;
        }
        Trace trace = traced.get().trace();
        double[] costs = traced.get().costs();
        CacheStats stats = traced.get().stats();
        int parallel = slots != null ? slots : Math.max(1, Math.min(8, stats.peakConcurrentSessions()));
        OptionChooser chooser = new OptionChooser(catalog, CachePolicy.parse(policy), KvCacheType.parse(kvQuant),
                routes.stream().map(RouteRule::parse).toList(), parallel, stats.promptP90());
        double api = Planner.apiUsdPerMonth(trace, costs);
        Baseline base = baseline(api);
        PlanResult result = PlanRequest.run(trace, costs, base, baseline.equals(Baseline.API), assumptions, catalog, chooser, devices,
                models, engine, SpeedModels.standard(), samples, seed);
        if (json) PlanJsonView.print(result, out);
        else PlanTextView.print(result, out);
        out.flush();
        if (report != null) reportOptions.write(report, read.get(), input, spec, environment, err, result);
        return UsageOptions.finish(read.get(), err);
    }

    private ArrivalModel arrivals() {
        return new ArrivalModel(workStart, workingHours, requestTokens, ArrivalModel.DEFAULTS.requestsPerSessionHour(), seed);
    }

    private Assumptions assumptions() {
        Assumptions a = Assumptions.DEFAULTS.withLifeMonths(lifeMonths).withMaxSlowdown(maxSlowdown);
        if (electricity != null) a = a.withElectricity(Uncertain.around(positive(electricity, "--electricity-usd-kwh"), 0.8, 1.25));
        if (growth != null) a = a.withGrowth(new Uncertain(growth - 0.02, growth, growth + 0.02));
        if (localCapable != null) a = a.withLocalCapableShare(new Uncertain(Math.max(0, localCapable - 0.1), localCapable, Math.min(1, localCapable + 0.05)));
        if (samples < 1 || samples > 1_000_000) throw new IllegalArgumentException("--samples must be 1 to 1,000,000 but was " + samples);
        return a;
    }

    private static double positive(double value, String option) {
        if (!(value > 0)) throw new IllegalArgumentException(option + " must be above 0 but was " + value);
        return value;
    }

    private Baseline baseline(double apiUsdPerMonth) throws IOException {
        try {
            return Baseline.of(baseline, apiUsdPerMonth, input.pricing == null ? SubscriptionPlans.bundled() : SubscriptionPlans.load(input.pricing));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--baseline: " + e.getMessage(), e);
        }
    }
}
