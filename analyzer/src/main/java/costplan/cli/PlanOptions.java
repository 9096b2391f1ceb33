package costplan.cli;

import costplan.catalog.KvCacheType;
import costplan.importers.CostplanException;
import costplan.plan.Assumptions;
import costplan.plan.PlanSettings;
import costplan.plan.RentalMode;
import costplan.plan.Uptime;
import costplan.plan.Uncertain;
import costplan.replay.CachePolicy;
import costplan.replay.RouteRule;
import costplan.workload.ArrivalModel;
import costplan.workload.CloudSpeed;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The options of a purchase plan, shared by {@code plan} and {@code report}: read into one {@link PlanSettings}. */
final class PlanOptions {
    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--device", paramLabel = "ID", description = "A device to try (repeatable). Default: every device in the catalog.")
    List<String> devices = new ArrayList<>();

    @Option(names = "--model", paramLabel = "ID[:QUANT]", description = "A local model to try (repeatable). Default: per device, "
            + "the largest and the fastest capable model (at least 20B parameters and a 64K context) that fit.")
    List<String> models = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "E", description = "llama-cpp, mlx, ollama or vllm. Default: llama-cpp.")
    String engine;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "session",
            description = "What the engine keeps of each session's KV cache: none, session (in memory) or persisted (also on disk). Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--slots", paramLabel = "K", description = "Requests run at once. Default: the most main and sub-agent "
            + "threads that worked at once in your logs (at most 8).")
    Integer slots;

    @Option(names = "--kv-quant", paramLabel = "TYPE", defaultValue = "f16", description = "KV cache type (f16, q8_0, q4_0, fp8...). Default: ${DEFAULT-VALUE}.")
    String kvQuant;

    @Option(names = "--route", paramLabel = "RULE", description = "Send matching requests to the cloud (repeatable): model:TEXT, "
            + "context>TOKENS, wait>SECONDS, share:FRACTION.")
    List<String> routes = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "PLAN",
            description = "What you would pay without a machine: api (pay-as-you-go at your trace's prices) or a subscription id "
                    + "(claude-pro, max-5x, max-20x, ...), with the extra usage its limits would bill. Default: the cheapest of "
                    + "api, claude-pro, max-5x and max-20x.")
    String baseline;

    @Option(names = "--rental-idle-minutes", paramLabel = "M", defaultValue = "15",
            description = "An on-demand rental is stopped after this many minutes without work; the next request starts it "
                    + "again. Default: ${DEFAULT-VALUE}.")
    double rentalIdleMinutes;

    @Option(names = "--rental-mode", paramLabel = "MODE",
            description = "on-demand (started for each stretch of work) or always-on (the whole month). Default: the cheaper.")
    String rentalMode;

    @Option(names = "--always-on", description = "Leave an owned machine on outside working hours (at its idle power). "
            + "Default: on during working hours only.")
    boolean alwaysOn;

    @Option(names = "--electricity-usd-kwh", paramLabel = "P", description = "Electricity price. Default: 0.17 (range 0.12-0.35 sampled).")
    Double electricity;

    @Option(names = "--growth", paramLabel = "G", description = "Usage growth per month, e.g. 0.05. Default: 0 (range -0.02 to 0.05 sampled).")
    Double growth;

    @Option(names = "--local-capable", paramLabel = "S", description = "Share of the work every local model can do, "
            + "overriding what the coding scores say. Default: per option from its coding score.")
    Double localCapable;

    @Option(names = "--quality-floor", paramLabel = "SCORE", defaultValue = "50", description = "Lowest SWE-bench Verified "
            + "score on a shared harness a model needs to be tried by default (a named --model is always tried). Default: ${DEFAULT-VALUE}.")
    double qualityFloor;

    @Option(names = "--max-quality-drop", paramLabel = "POINTS", description = "Keep in the cloud the requests of a cloud "
            + "model scoring more than POINTS above the local model. Default: no limit.")
    Double maxQualityDrop;

    @Option(names = "--life-months", paramLabel = "M", defaultValue = "36", description = "Months the machine is kept. Default: ${DEFAULT-VALUE}.")
    int lifeMonths;

    @Option(names = "--max-slowdown", paramLabel = "X", defaultValue = "1.5", description = "Largest slowdown of a working day that still keeps up. Default: ${DEFAULT-VALUE}.")
    double maxSlowdown;

    @Option(names = "--cloud-tokens-per-second", paramLabel = "T", description = "Assumed cloud output speed, to recover your think time. Default: 50.")
    Double cloudTokensPerSecond;

    @Option(names = "--request-tokens", paramLabel = "N", defaultValue = "50000",
            description = "For aggregated exports without request counts: the tokens of one request. Default: ${DEFAULT-VALUE}.")
    long requestTokens;

    @Option(names = "--work-start", paramLabel = "HOUR", defaultValue = "9",
            description = "For daily rows of aggregated exports: the hour work starts, in the --timezone. Default: ${DEFAULT-VALUE}.")
    int workStart;

    @Option(names = "--working-hours", paramLabel = "H", defaultValue = "8",
            description = "For daily rows of aggregated exports: the hours their requests are spread over. Default: ${DEFAULT-VALUE}.")
    double workingHours;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000", description = "Monte Carlo samples per option. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed; the same seed gives the same plan. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Reads the options into plan settings; an option out of its range is named in the error. */
    PlanSettings settings() throws IOException {
        CloudSpeed cloud = CloudSpeed.TYPICAL;
        if (cloudTokensPerSecond != null)
            cloud = new CloudSpeed(cloud.firstTokenSeconds(), positive(cloudTokensPerSecond, "--cloud-tokens-per-second"));
        if (requestTokens < 1) throw CostplanException.badOption("--request-tokens", "must be at least 1", requestTokens);
        if (workStart < 0 || workStart > 23) throw CostplanException.badOption("--work-start", "must be an hour from 0 to 23", workStart);
        if (!(workingHours > 0 && workingHours <= 24))
            throw CostplanException.badOption("--working-hours", "must be above 0 and at most 24", workingHours);
        ArrivalModel arrivals = new ArrivalModel(workStart, workingHours, requestTokens,
                ArrivalModel.DEFAULTS.requestsPerSessionHour(), seed);
        return PlanSettings.defaults().withCatalog(catalogOptions.uncalibrated())
                .withCalibration(catalogOptions.ownCalibration())
                .withDevices(devices).withModels(models).withEngine(engine)
                .withPolicy(parsed("--policy", () -> CachePolicy.parse(policy)))
                .withSlots(slots).withKvType(parsed("--kv-quant", () -> KvCacheType.parse(kvQuant)))
                .withRoutes(parsed("--route", () -> routes.stream().map(RouteRule::parse).toList()))
                .withBaseline(baseline).withAssumptions(assumptions())
                .withSamples(samples).withSeed(seed).withCloudSpeed(cloud).withArrivals(arrivals)
                .withQualityFloor(qualityFloor).withMaxQualityDrop(maxQualityDrop).withUptime(uptime());
    }

    private Uptime uptime() {
        if (!(rentalIdleMinutes >= 0 && rentalIdleMinutes <= 24 * 60))
            throw CostplanException.badOption("--rental-idle-minutes", "must be 0 to 1440", rentalIdleMinutes);
        return new Uptime(java.time.Duration.ofSeconds(Math.round(rentalIdleMinutes * 60)),
                rentalMode == null ? null : parsed("--rental-mode", () -> RentalMode.parse(rentalMode)), alwaysOn);
    }

    private Assumptions assumptions() {
        if (lifeMonths < 1 || lifeMonths > 120) throw CostplanException.badOption("--life-months", "must be 1 to 120", lifeMonths);
        if (!(maxSlowdown >= 1)) throw CostplanException.badOption("--max-slowdown", "must be at least 1", maxSlowdown);
        Assumptions a = Assumptions.DEFAULTS.withLifeMonths(lifeMonths).withMaxSlowdown(maxSlowdown);
        if (electricity != null) {
            double price = positive(electricity, "--electricity-usd-kwh");
            if (price * 1.25 > 2) throw CostplanException.badOption("--electricity-usd-kwh", "must be at most 1.6 (USD per kWh)", electricity);
            a = a.withElectricity(Uncertain.around(price, 0.8, 1.25));
        }
        if (growth != null) {
            if (!(growth > -0.98 && growth <= 0.98)) throw CostplanException.badOption("--growth", "must be above -0.98 and at most 0.98", growth);
            a = a.withGrowth(new Uncertain(growth - 0.02, growth, growth + 0.02));
        }
        if (localCapable != null) {
            if (!(localCapable >= 0 && localCapable <= 1)) throw CostplanException.badOption("--local-capable", "must be 0 to 1", localCapable);
            a = a.withLocalCapableShare(new Uncertain(Math.max(0, localCapable - 0.1), localCapable, Math.min(1, localCapable + 0.05)));
        }
        return a;
    }

    private static double positive(double value, String option) {
        if (!(value > 0)) throw CostplanException.badOption(option, "must be above 0", value);
        return value;
    }

    /** Runs a parser of an option's value, naming the option when the value is refused. */
    private static <T> T parsed(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw CostplanException.badUsage(option + ": " + e.getMessage());
        }
    }
}
