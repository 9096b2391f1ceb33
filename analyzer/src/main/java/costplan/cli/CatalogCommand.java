package costplan.cli;

import costplan.importers.CostplanException;
import costplan.internal.TextTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import costplan.catalog.Catalog;
import costplan.catalog.CatalogProblem;
import costplan.catalog.CatalogReader;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.ModelQuality;
import costplan.catalog.QualityScore;
import costplan.catalog.TokenizerRatio;
import costplan.catalog.ToolCallingProblem;
import costplan.catalog.OpenModel;
import costplan.catalog.Quantization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@code costplan catalog}: list the devices, models and engines, or check every catalog file. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        header = "List or check the hardware catalog (devices, open-weight models, inference engines).",
        description = "Figures marked * are estimates; each file's sources say where every number comes from.",
        subcommands = {CatalogCommand.Devices.class, CatalogCommand.Models.class, CatalogCommand.Engines.class,
                CatalogCommand.Prices.class, CatalogCommand.Check.class})
final class CatalogCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CatalogCommand() {
    }

    static String gb(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    static String marked(String text, boolean estimate) {
        return estimate ? text + "*" : text;
    }

    /** Common to the listing commands. */
    abstract static class Listing implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CatalogOptions catalogOptions;
        @Option(names = "--json", description = "Write a JSON array of objects with 'id' and every catalog field.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Catalog catalog = catalogOptions.catalog();
            if (json) {
                out.println(JSON.writeValueAsString(toJson(catalog)));
            } else {
                printTable(catalog, out);
            }
            return ExitCodes.OK;
        }

        abstract ArrayNode toJson(Catalog catalog);

        abstract void printTable(Catalog catalog, PrintWriter out);
    }

    @Command(name = "devices", mixinStandardHelpOptions = true, header = "Machines to buy and GPUs to rent.")
    static final class Devices extends Listing {
        @Override
        ArrayNode toJson(Catalog catalog) {
            ArrayNode array = JSON.createArrayNode();
            for (Device d : catalog.devices()) {
                ObjectNode node = JSON.valueToTree(d);
                node.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
                node.put("usableBytes", d.usableBytes());
                node.put("purchaseUsd", d.purchaseUsd());
                node.put("boughtUsed", d.boughtUsed());
                array.add(node);
            }
            return array;
        }

        @Override
        void printTable(Catalog catalog, PrintWriter out) {
            TextTable table = new TextTable("device", "kind", ">memory GB", ">usable GB", ">GB/s", ">FP16 TFLOPS",
                    ">idle/load W", ">price USD", ">rent USD/h");
            List<Device> devices = catalog.devices().stream()
                    .sorted(Comparator.comparing(Device::kind).thenComparing(Device::id)).toList();
            for (Device d : devices) {
                var s = d.sources();
                String watts = d.idleWatts() == null ? "-" : marked(String.format(Locale.ROOT, "%.0f/%.0f", d.idleWatts(), d.loadWatts()),
                        s.isEstimate("idleWatts") || s.isEstimate("loadWatts"));
                String price = d.rented() ? "-" : marked(String.format(Locale.ROOT, "%,.0f%s", d.purchaseUsd(), d.boughtUsed() ? " used" : ""),
                        s.isEstimate(d.boughtUsed() ? "priceUsedUsd" : "priceNewUsd"));
                String rent = d.rentalUsdPerHour() == null ? "-" : marked(String.format(Locale.ROOT, "%.2f", d.rentalUsdPerHour()),
                        s.isEstimate("rentalUsdPerHour"));
                table.row(d.id(), d.kind().name().toLowerCase(Locale.ROOT), gb(d.memoryGb()),
                        marked(gb(d.usableBytes() / 1073741824.0), s.isEstimate("usableMemoryShare")),
                        marked(gb(d.memoryBandwidthGBps() * d.gpuCount()) + (d.gpuCount() > 1 ? " (" + d.gpuCount() + "x)" : ""),
                                s.isEstimate("memoryBandwidthGBps")),
                        marked(gb(d.fp16Tflops()), s.isEstimate("fp16Tflops")), watts, price, rent);
            }
            table.print(out);
            out.println("* estimate. Memory is binary GB; GB/s is the sum over GPUs; price includes the host PC a GPU card needs.");
        }
    }

    @Command(name = "models", mixinStandardHelpOptions = true, header = "Open-weight models and their quantized sizes.")
    static final class Models extends Listing {
        @Parameters(paramLabel = "ID", arity = "0..1", description = "Show one model with all its quantizations.")
        String id;

        @Override
        ArrayNode toJson(Catalog catalog) {
            ArrayNode array = JSON.createArrayNode();
            for (OpenModel m : selected(catalog)) {
                ObjectNode node = JSON.valueToTree(m);
                ModelQuality quality = catalog.quality();
                node.set("quality", JSON.valueToTree(scoresOf(quality, m)));
                node.set("referenceScore", JSON.valueToTree(quality.referenceScore(m.id()).orElse(null)));
                ObjectNode toolCalling = node.putObject("toolCalling");
                ObjectNode risks = toolCalling.putObject("riskByEngine");
                for (Engine e : catalog.engines()) risks.put(e.id(), quality.toolCallingRisk(m.id(), e.id()).id());
                toolCalling.set("problems", JSON.valueToTree(quality.toolCallingProblems(m.id())));
                TokenizerRatio tokenizer = quality.tokenizer(m.id());
                ObjectNode t = node.putObject("tokenizer");
                t.put("family", tokenizer.family());
                t.put("tokensPerClaudeToken", tokenizer.tokensPerClaudeToken());
                t.putArray("range").add(tokenizer.range().low()).add(tokenizer.range().high());
                t.put("estimate", tokenizer.estimate());
                t.put("source", tokenizer.source());
                array.add(node);
            }
            return array;
        }

        /** The scores of the model's own id and of each alias (a release of the same shape with its own scores). */
        private static List<QualityScore> scoresOf(ModelQuality quality, OpenModel m) {
            List<QualityScore> scores = new java.util.ArrayList<>(quality.scores(m.id()));
            for (String alias : m.aliases()) scores.addAll(quality.scores(alias));
            return scores;
        }

        /** The reference score as shown in tables: {@code 66.6 OH}, or {@code unknown}. */
        static String qualityCell(ModelQuality quality, String model) {
            return quality.referenceScore(model).map(s -> String.format(Locale.ROOT, "%.1f %s", s.score(), HARNESS_LABELS.get(s.harness())))
                    .orElse("unknown");
        }

        private static final java.util.Map<String, String> HARNESS_LABELS = java.util.Map.of("openhands-index", "OH",
                "mini-swe-agent-v2", "M2", "mini-swe-agent-v1", "M1");

        private List<OpenModel> selected(Catalog catalog) {
            return id == null ? List.copyOf(catalog.models()) : List.of(catalog.model(id));
        }

        @Override
        void printTable(Catalog catalog, PrintWriter out) {
            if (id != null) {
                printOne(catalog.model(id), catalog.quality(), List.copyOf(catalog.engines()), out);
                return;
            }
            TextTable table = new TextTable("model", "kind", ">params B", ">active B", ">layers (KV)", ">context",
                    ">KV KiB/token", ">Q4_K_M GB", ">quality", "licence");
            for (OpenModel m : catalog.models()) {
                String q4 = m.quantization("q4_k_m").map(q -> marked(gb(q.fileGB()), !q.measured())).orElse("-");
                table.row(m.id(), (m.moe() ? "moe" : "dense") + (m.vision() ? "+vision" : ""), gb(m.totalParamsB()),
                        gb(m.activeParamsB()), m.layers() + " (" + m.kvLayers() + ")", String.format(Locale.ROOT, "%,d", m.contextLength()),
                        String.format(Locale.ROOT, "%.1f", m.kvBytesPerTokenF16() / 1024.0), q4,
                        qualityCell(catalog.quality(), m.id()), m.licence());
            }
            table.print(out);
            out.println("* estimated size (no real file measured). KV cache at f16, layers that grow with context only.");
            out.println("quality: % of SWE-bench Verified resolved on a harness that ran open and cloud models alike (OH OpenHands Index, "
                    + "M2 mini-SWE-agent 2, M1 mini-SWE-agent 1); unknown: no such score. Details: catalog models ID.");
        }

        private static void printOne(OpenModel m, ModelQuality quality, List<Engine> engines, PrintWriter out) {
            out.printf(Locale.ROOT, "%s (%s): %s, %.2fB parameters, %.2fB active, %d layers of which %d keep a growing KV cache%n",
                    m.id(), m.name(), m.moe() ? "mixture of experts" : "dense", m.totalParamsB(), m.activeParamsB(), m.layers(), m.kvLayers());
            out.printf(Locale.ROOT, "attention %s; KV cache %,d bytes per token at f16%s; context %,d tokens; licence %s%n",
                    m.attention(), m.kvBytesPerTokenF16(),
                    m.linearAttention() == null ? "" : String.format(Locale.ROOT, " plus %,d bytes of state per sequence",
                            m.linearAttention().stateBytesPerSequence()),
                    m.contextLength(), m.licence());
            TextTable table = new TextTable("quantization", ">file GB", ">bits/weight", "size", "artifact");
            for (Quantization q : m.quantizations().values().stream().sorted(Comparator.comparingDouble(Quantization::fileGB)).toList())
                table.row(q.id(), gb(q.fileGB()), String.format(Locale.ROOT, "%.2f", q.bitsPerWeight()),
                        q.measured() ? "measured" : "estimate", q.artifact() == null ? "" : q.artifact());
            table.print(out);
            printQuality(m, quality, engines, out);
        }

        private static void printQuality(OpenModel m, ModelQuality quality, List<Engine> engines, PrintWriter out) {
            List<QualityScore> scores = scoresOf(quality, m);
            out.println();
            out.println("quality: " + quality.referenceScore(m.id()).map(s -> String.format(Locale.ROOT,
                    "%.1f %% of SWE-bench Verified on the shared harness %s", s.score(), s.harness()))
                    .orElse("unknown (no score on a harness that ran open and cloud models alike)"));
            if (!scores.isEmpty()) {
                TextTable table = new TextTable("model", "benchmark", "harness", ">score", "date", "reported by", "source");
                for (QualityScore s : scores)
                    table.row(s.model(), s.benchmark(), s.harness(), String.format(Locale.ROOT, "%.1f", s.score()), s.date(),
                            s.makerReported() ? "maker" : "independent", (s.verified() ? "" : "(not re-read) ") + s.source());
                table.print(out);
            }
            out.println("tool calling: " + engines.stream().map(e -> e.id() + " " + quality.toolCallingRisk(m.id(), e.id()).id())
                    .collect(Collectors.joining(", ")));
            for (ToolCallingProblem p : quality.toolCallingProblems(m.id()))
                out.println("  - " + p.summary() + " [" + (p.engines().isEmpty() ? "every engine" : String.join(", ", p.engines()))
                        + "; " + (p.fixedIn() == null ? "open" : "fixed in " + p.fixedIn()) + "] " + p.source());
            TokenizerRatio t = quality.tokenizer(m.id());
            out.printf(Locale.ROOT, "tokenizer: %.2f tokens per Claude token (%.2f-%.2f)%s, family %s%n", t.tokensPerClaudeToken(),
                    t.range().low(), t.range().high(), t.estimate() ? ", an estimate" : "", t.family());
        }
    }

    @Command(name = "engines", mixinStandardHelpOptions = true, header = "Inference engines, what they run on and support.")
    static final class Engines extends Listing {
        @Override
        ArrayNode toJson(Catalog catalog) {
            ArrayNode array = JSON.createArrayNode();
            for (Engine e : catalog.engines()) array.add((ObjectNode) JSON.valueToTree(e));
            return array;
        }

        @Override
        void printTable(Catalog catalog, PrintWriter out) {
            TextTable table = new TextTable("engine", "runs on", "KV cache types", "prompt-cache reuse", ">calibration rows");
            for (Engine e : catalog.engines()) {
                var reuse = e.promptCacheReuse();
                String reuses = List.of(reuse.inSession() ? "in-session" : "", reuse.hostMemory() ? "host-memory" : "",
                        reuse.persistedToDisk() ? "disk" : "").stream().filter(x -> !x.isEmpty()).collect(Collectors.joining(", "));
                table.row(e.id(), String.join(", ", e.runsOn()),
                        e.kvCacheTypes().stream().map(t -> t.id()).collect(Collectors.joining(", ")), reuses,
                        Integer.toString(e.calibration().size()));
            }
            table.print(out);
        }
    }

    @Command(name = "prices", mixinStandardHelpOptions = true,
            header = "Cloud API prices in force today (or --on DATE), per million tokens, from pricing-data/.")
    static final class Prices implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--provider", paramLabel = "NAME", description = "Only this price file: anthropic, openai, google, deepseek, open-model-hosts.")
        String provider;
        @Option(names = "--on", paramLabel = "DATE", description = "The date whose prices to show. Default: today.")
        java.time.LocalDate on;
        @Option(names = "--pricing", paramLabel = "DIR", description = "Read the price files from DIR instead of the bundled pricing-data/.")
        java.nio.file.Path pricing;
        @Option(names = "--json", description = "Write a JSON array of objects with 'id' instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            java.time.LocalDate day = on != null ? on : java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            List<String> providers = provider == null ? costplan.pricing.PriceBook.PROVIDERS : List.of(provider);
            ArrayNode array = JSON.createArrayNode();
            TextTable table = new TextTable("provider", "model", "since", ">input", ">output", ">write 5m", ">write 1h", ">read",
                    "long context");
            for (String name : providers) {
                if (!costplan.pricing.PriceBook.PROVIDERS.contains(name))
                    throw CostplanException.badUsage("--provider: unknown price file '" + name + "'; expected one of "
                            + String.join(", ", costplan.pricing.PriceBook.PROVIDERS));
                var book = pricing == null ? costplan.pricing.PriceBook.bundled(name) : costplan.pricing.PriceBook.load(pricing, name);
                for (String id : book.modelIds()) {
                    var price = book.priceOn(id, day).orElse(null);
                    if (price == null) continue;
                    var lc = price.longContext();
                    String longContext = lc == null ? "" : String.format(Locale.ROOT, ">%,d: %s / %s", lc.aboveInputTokens(),
                            money(lc.usdPerMillionInputTokens()), money(lc.usdPerMillionOutputTokens()));
                    table.row(name, marked(id, price.estimate()), price.effective().toString(), money(price.usdPerMillionInputTokens()),
                            money(price.usdPerMillionOutputTokens()), money(price.usdPerMillionCacheWrite5mTokens()),
                            money(price.usdPerMillionCacheWrite1hTokens()), money(price.usdPerMillionCacheReadTokens()), longContext);
                    ObjectNode node = array.addObject();
                    node.put("id", id);
                    node.put("provider", name);
                    node.put("effective", price.effective().toString());
                    node.put("input", price.usdPerMillionInputTokens());
                    node.put("output", price.usdPerMillionOutputTokens());
                    node.put("cacheWrite5m", price.usdPerMillionCacheWrite5mTokens());
                    node.put("cacheWrite1h", price.usdPerMillionCacheWrite1hTokens());
                    node.put("cacheRead", price.usdPerMillionCacheReadTokens());
                    node.put("estimate", price.estimate());
                    node.put("source", price.source());
                }
            }
            if (json) {
                out.println(JSON.writeValueAsString(array));
            } else {
                table.print(out);
                out.println("USD per million tokens on " + day + "; * estimate. Where a provider bills no cache writes apart, "
                        + "they show at the input price. Each price's source: --json or pricing-data/.");
            }
            return ExitCodes.OK;
        }

        private static String money(java.math.BigDecimal usd) {
            return usd.stripTrailingZeros().toPlainString();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Check every catalog and price file: fields, units, ranges, ids, and a source for every number.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every file is valid", "3:problems found (listed)"})
    static final class Check implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CatalogOptions catalogOptions;
        @Option(names = "--pricing", paramLabel = "DIR", description = "Also check the price files in DIR instead of the bundled ones.")
        java.nio.file.Path pricing;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CatalogReader.Result result = catalogOptions.folder == null ? CatalogReader.bundled() : CatalogReader.read(catalogOptions.folder);
            for (CatalogProblem p : result.problems()) out.println("error: " + p);
            for (CatalogProblem p : result.unsourced()) out.println("error: " + p);
            int count = result.problems().size() + result.unsourced().size();
            for (String name : costplan.pricing.PriceBook.PROVIDERS) {
                try {
                    if (pricing == null) costplan.pricing.PriceBook.bundled(name);
                    else costplan.pricing.PriceBook.load(pricing, name);
                } catch (IllegalArgumentException | IllegalStateException | CostplanException | java.io.IOException e) {
                    out.println("error: " + e.getMessage());
                    count++;
                }
            }
            try {
                if (pricing == null) costplan.pricing.SubscriptionPlans.bundled();
                else costplan.pricing.SubscriptionPlans.load(pricing);
            } catch (IllegalArgumentException | IllegalStateException | CostplanException | java.io.IOException e) {
                out.println("error: " + e.getMessage());
                count++;
            }
            Catalog c = result.catalog();
            try {
                var book = pricing == null ? costplan.pricing.PriceBook.bundled() : costplan.pricing.PriceBook.load(pricing);
                for (CatalogProblem p : c.quality().unknownModelIds(id -> c.knowsModel(id) || book.canonicalIdOf(id).isPresent())) {
                    out.println("error: " + p);
                    count++;
                }
            } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
                out.println("error: the quality files' model ids were not checked: " + e.getMessage());
                count++;
            }
            out.printf(Locale.ROOT, "%s: %d files (%d devices, %d models, %d engines valid) and %d price files, %d problem%s%n",
                    result.location(), result.files(), c.devices().size(), c.models().size(), c.engines().size(),
                    costplan.pricing.PriceBook.PROVIDERS.size() + 1, count, count == 1 ? "" : "s");
            return count == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }
}
