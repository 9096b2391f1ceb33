package costplan.cli;

import costplan.importers.CostplanException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costplan.breakeven.Breakeven;
import costplan.breakeven.CloudTokenPrice;
import costplan.breakeven.LocalCost;
import costplan.breakeven.LocalCostModel;
import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.plan.OptionChooser;
import costplan.pricing.ModelPrice;
import costplan.pricing.PriceBook;
import costplan.replay.CachePolicy;
import costplan.speed.SpeedModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code costplan breakeven}: cloud against a machine at a volume, the crossover volume and the payback. */
@Command(name = "breakeven", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Compare a cloud model with a machine at a daily token volume: monthly costs, crossover, payback.",
        description = {"Cloud: the model's current price for the token mix (prompt tokens read from the cache at the "
                + "cache-read price). Local: the machine less its resale over --months, plus electricity (busy time at "
                + "load power, the rest at idle power), or rental; the busy time comes from the speed model, with every "
                + "prompt token prefilled unless --local-reuse says how much of the cached prompt a kept KV cache covers.",
                "The crossover is the volume where both cost the same ('never' when the machine cannot process it or "
                + "each local token costs more); the payback is the purchase over the monthly savings at this volume."})
final class BreakevenCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Mixin
    private CatalogOptions catalogOptions;

    @Option(names = "--tokens-per-day", paramLabel = "N", required = true, description = "Tokens a day, prompt and output together.")
    private double tokensPerDay;

    @Option(names = "--input-share", paramLabel = "S", defaultValue = "0.3", description = "Share of the tokens that are prompt. Default: ${DEFAULT-VALUE}.")
    private double inputShare;

    @Option(names = "--cache-read-share", paramLabel = "S", defaultValue = "0", description = "Share of the prompt read from the cloud's cache. Default: ${DEFAULT-VALUE}.")
    private double cacheReadShare;

    @Option(names = "--cloud", paramLabel = "MODEL", required = true, description = "The cloud model (an API id or alias, e.g. claude-haiku-4-5).")
    private String cloudModel;

    @Option(names = "--device", paramLabel = "ID", required = true, description = "The device ('costplan catalog devices').")
    private String device;

    @Option(names = "--model", paramLabel = "ID[:QUANT]", description = "The local model. Default: the largest capable model that fits.")
    private String model;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "llama-cpp", description = "Default: ${DEFAULT-VALUE}.")
    private String engine;

    @Option(names = "--context", paramLabel = "N", defaultValue = "8192", description = "Typical tokens in context, for the speed at that depth. Default: ${DEFAULT-VALUE}.")
    private long context;

    @Option(names = "--local-reuse", paramLabel = "S", defaultValue = "0",
            description = "Share of the cached prompt a locally kept KV cache covers (0: every prompt token is prefilled). Default: ${DEFAULT-VALUE}.")
    private double localReuse;

    @Option(names = "--electricity-usd-kwh", paramLabel = "P", defaultValue = "0.17", description = "Default: ${DEFAULT-VALUE} (US residential average, 2025).")
    private double electricity;

    @Option(names = "--months", paramLabel = "M", defaultValue = "36", description = "Months the machine is kept before it is sold. Default: ${DEFAULT-VALUE}.")
    private int months;

    @Option(names = "--already-owned", description = "The machine is already there and on: count only the extra power of the busy time.")
    private boolean alreadyOwned;

    @Option(names = "--rental-usd-month", paramLabel = "USD", description = "A rented machine at a flat monthly price instead of by the hour.")
    private Double rentalPerMonth;

    @Option(names = "--pricing", paramLabel = "DIR", description = "Read anthropic.json from DIR instead of the bundled pricing-data/.")
    private Path pricing;

    @Option(names = "--json", description = "Write JSON instead of text.")
    private boolean json;

    private final Environment environment;

    BreakevenCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validate();
        Catalog catalog = catalogOptions.catalog();
        Device d = catalog.device(device);
        Engine e = catalog.engine(engine);
        ModelChoice m = model != null ? catalog.modelChoice(model) : largestFitting(catalog, d, e);
        LocalDate today = LocalDate.now(environment.clock());
        PriceBook prices = pricing == null ? PriceBook.bundled() : PriceBook.load(pricing);
        ModelPrice price = prices.priceOn(cloudModel, today).orElseThrow(() -> CostplanException.badUsage(
                "--cloud: no price for '" + cloudModel + "'; closest known ids: " + String.join(", ", prices.closestIds(cloudModel))));
        CloudTokenPrice cloud = new CloudTokenPrice(price.usdPerMillionInputTokens().doubleValue(),
                price.usdPerMillionOutputTokens().doubleValue(), price.usdPerMillionCacheReadTokens().doubleValue(), inputShare, cacheReadShare);
        double seconds = LocalCostModel.secondsPerMillionTokens(SpeedModels.standard(), d, m, e, context, inputShare,
                cacheReadShare * localReuse);
        LocalCost local = localCost(d, seconds);
        double purchase = d.rented() || alreadyOwned ? 0 : d.purchaseUsd();
        Breakeven result = new Breakeven(tokensPerDay * LocalCostModel.DAYS_PER_MONTH, cloud, local, purchase);
        warnAboutOldPrices(d, today, err);
        if (json) out.println(JSON.writeValueAsString(toJson(result, d, m, e, seconds)));
        else print(result, d, m, e, seconds, out);
        return ExitCodes.OK;
    }

    private void validate() {
        if (!(tokensPerDay > 0)) throw CostplanException.badUsage("--tokens-per-day must be above 0 but was " + tokensPerDay
                + ": with no tokens there is nothing to compare");
        if (tokensPerDay > 1e12) throw CostplanException.badUsage("--tokens-per-day of " + tokensPerDay + " is beyond any workload; check the units");
        if (inputShare < 0 || inputShare > 1) throw CostplanException.badUsage("--input-share must be 0 to 1 but was " + inputShare);
        if (cacheReadShare < 0 || cacheReadShare > 1) throw CostplanException.badUsage("--cache-read-share must be 0 to 1 but was " + cacheReadShare);
        if (localReuse < 0 || localReuse > 1) throw CostplanException.badUsage("--local-reuse must be 0 to 1 but was " + localReuse);
        if (!(electricity >= 0) || electricity > 2) throw CostplanException.badUsage("--electricity-usd-kwh must be 0 to 2 but was " + electricity);
        if (months < 1 || months > 120) throw CostplanException.badUsage("--months must be 1 to 120 but was " + months);
        if (context < 0) throw CostplanException.badUsage("--context must be >= 0 but was " + context);
        if (rentalPerMonth != null && !(rentalPerMonth > 0)) throw CostplanException.badUsage("--rental-usd-month must be above 0");
    }

    private LocalCost localCost(Device d, double seconds) {
        if (rentalPerMonth != null) return LocalCostModel.rentedMonthly(rentalPerMonth, seconds);
        if (d.rented()) return LocalCostModel.rentedHourly(d, seconds);
        if (alreadyOwned) return LocalCostModel.alreadyOwned(d, seconds, electricity);
        return LocalCostModel.owned(d, seconds, electricity, months);
    }

    private ModelChoice largestFitting(Catalog catalog, Device d, Engine e) {
        OptionChooser chooser = new OptionChooser(catalog, CachePolicy.SESSION, KvCacheType.F16, List.of(), 1, Math.max(1, context));
        return chooser.capableModels().stream().sorted(Comparator.comparingDouble((costplan.catalog.OpenModel x) -> -x.totalParamsB()))
                .map(x -> chooser.option(d, x, null, e)).filter(java.util.Optional::isPresent).map(o -> o.get().model())
                .findFirst().orElseThrow(() -> CostplanException.badUsage("no capable model (20B+ parameters, 64K context) fits on "
                        + d.id() + "; name one with --model (see 'costplan fit')"));
    }

    private void warnAboutOldPrices(Device d, LocalDate today, PrintWriter err) {
        if (d.priceNewDate() != null && d.priceNewDate().isBefore(today.minusYears(3)))
            err.println("costplan: warning: " + d.id() + "'s price is from " + d.priceNewDate() + ", more than 3 years old; "
                    + "check today's price (--catalog DIR with your own copy)");
    }

    private static String usd(double v) {
        return (v < 0 ? "-" : "") + String.format(Locale.ROOT, "$%,.2f", Math.abs(v));
    }

    private static String tokens(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private void print(Breakeven r, Device d, ModelChoice m, Engine e, double seconds, PrintWriter out) {
        out.printf(Locale.ROOT, "%s tokens a day (%s a month), %.0f %% prompt, %.0f %% of it read from the cloud's cache%n",
                tokens(tokensPerDay), tokens(r.tokensPerMonth()), inputShare * 100, cacheReadShare * 100);
        out.printf(Locale.ROOT, "cloud %-38s %s a month (%s per million tokens)%n", cloudModel + ":", usd(r.cloudMonthlyUsd()),
                usd(r.cloud().usdPerMillionTokens()));
        out.printf(Locale.ROOT, "local %-38s %s a month (%s fixed + %s per million tokens)%n",
                d.id() + " / " + m + " / " + e.id() + ":", usd(r.localMonthlyUsd()), usd(r.local().fixedUsdPerMonth()),
                usd(r.local().usdPerMillionTokens()));
        out.printf(Locale.ROOT, "busy %.1f hours a day at this volume (%.0f s per million tokens; capacity %s tokens a month)%s%n",
                r.tokensPerMonth() / 1e6 * seconds / 3600 / LocalCostModel.DAYS_PER_MONTH, seconds, tokens(r.local().maxTokensPerMonth()),
                r.withinCapacity() ? "" : " -- beyond what it can process");
        double crossover = r.crossoverTokensPerMonth();
        out.println(Double.isNaN(crossover) ? "crossover: never (" + r.noCrossoverReason() + ")"
                : "crossover: " + tokens(crossover) + " tokens a month (" + tokens(crossover / LocalCostModel.DAYS_PER_MONTH) + " a day)");
        double payback = r.paybackMonths();
        out.println(Double.isNaN(payback) ? "payback: none (" + r.noPaybackReason() + ")"
                : String.format(Locale.ROOT, "payback: %.1f months (%s purchase over %s a month saved)", payback, usd(r.purchaseUsd()),
                usd(r.cloudMonthlyUsd() - r.local().usdPerMillionTokens() * r.tokensPerMonth() / 1e6)));
        out.println("Estimates: the speed model's factors" + (e.efficiency().decodeBandwidth().calibratedOn(d) ? " (measured on this chip)" : " (platform default)")
                + ", resale values, power at the wall. A month is 30.44 days.");
    }

    private ObjectNode toJson(Breakeven r, Device d, ModelChoice m, Engine e, double seconds) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tokensPerMonth", r.tokensPerMonth());
        root.put("cloudModel", cloudModel);
        root.put("cloudUsdPerMillionTokens", r.cloud().usdPerMillionTokens());
        root.put("cloudMonthlyUsd", r.cloudMonthlyUsd());
        root.put("device", d.id());
        root.put("model", m.toString());
        root.put("engine", e.id());
        root.put("localMonthlyUsd", r.localMonthlyUsd());
        root.put("localFixedUsdPerMonth", r.local().fixedUsdPerMonth());
        root.put("localUsdPerMillionTokens", r.local().usdPerMillionTokens());
        root.put("secondsPerMillionTokens", seconds);
        root.put("capacityTokensPerMonth", r.local().maxTokensPerMonth());
        root.put("purchaseUsd", r.purchaseUsd());
        double crossover = r.crossoverTokensPerMonth();
        if (Double.isNaN(crossover)) {
            root.putNull("crossoverTokensPerMonth");
            root.put("crossoverReason", r.noCrossoverReason());
        } else {
            root.put("crossoverTokensPerMonth", crossover);
        }
        double payback = r.paybackMonths();
        if (Double.isNaN(payback)) {
            root.putNull("paybackMonths");
            root.put("reason", r.noPaybackReason());
        } else {
            root.put("paybackMonths", payback);
        }
        return root;
    }
}
