package costplan.cli;

import costplan.importers.CostplanException;
import costplan.internal.TextTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.speed.SpeedFactors;
import costplan.speed.SpeedModel;
import costplan.speed.SpeedModels;
import costplan.speed.Throughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code costplan speed}: prefill and decode speed of a model on a device, by context depth, with a range. */
@Command(name = "speed", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Estimate prefill and decode speed of a model on a device, by context depth.",
        description = {"Decode is bounded by memory bandwidth over the bytes read per token (active weights, and the KV "
                + "cache at that depth); prefill by compute (2 FLOPs per active parameter plus attention, which grows "
                + "with depth). Efficiency factors come from your --calibration file, else the engine's calibration rows of "
                + "this chip, else other chips of its class (consumer, workstation, data centre) or platform, else the engine "
                + "default; the range is their P10-P90, half as wide with --calibration.",
                "With --parallel K the figures are the total over K requests running at once."})
final class SpeedCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Mixin
    private CatalogOptions catalogOptions;

    @Option(names = "--device", paramLabel = "ID", required = true, description = "The device ('costplan catalog devices').")
    private String device;

    @Option(names = "--model", paramLabel = "ID[:QUANT]", required = true, description = "The model. Default quantization: q4_k_m, else the smallest.")
    private String model;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "llama-cpp", description = "llama-cpp, mlx, ollama or vllm. Default: ${DEFAULT-VALUE}.")
    private String engine;

    @Option(names = "--context", paramLabel = "N", defaultValue = "0", description = "Tokens already in context. Default: ${DEFAULT-VALUE}.")
    private long context;

    @Option(names = "--parallel", paramLabel = "K", defaultValue = "1", description = "Requests running at once. Default: ${DEFAULT-VALUE}.")
    private int parallel;

    @Option(names = "--kv-quant", paramLabel = "TYPE", defaultValue = "f16", description = "KV cache type. Default: ${DEFAULT-VALUE}.")
    private String kvQuant;

    @Option(names = "--json", description = "Write JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (parallel < 1 || parallel > 1024) throw CostplanException.badUsage("--parallel must be 1 to 1024 but was " + parallel);
        Catalog catalog = catalogOptions.catalog();
        Device d = catalog.device(device);
        ModelChoice m = catalog.modelChoice(model);
        Engine e = catalog.engine(engine);
        if (context < 0 || context > m.model().maxContextLength())
            throw CostplanException.badUsage("--context must be 0 to " + m.model().maxContextLength() + " tokens for "
                    + m.model().id() + " but was " + context);
        if (!e.runsOn(d))
            throw CostplanException.badUsage(e.id() + " does not run on " + d.id() + " (" + d.platform() + "); it runs on "
                    + String.join(", ", e.runsOn()));
        KvCacheType kv = KvCacheType.parse(kvQuant);
        if (!e.supports(kv))
            throw CostplanException.badUsage(e.id() + " cannot store a KV cache as " + kv.id() + "; it supports "
                    + String.join(", ", e.kvCacheTypes().stream().map(KvCacheType::id).toList()));
        if (!e.loads(m.quantization()))
            throw CostplanException.badUsage(e.id() + " does not load " + m.quantization().id() + " files; it loads "
                    + String.join(", ", e.quantizations()));
        SpeedModel speeds = SpeedModels.standard();
        TreeSet<Long> depths = new TreeSet<>(List.of(0L, context));
        for (long depth = 4096; depth <= m.model().contextLength(); depth *= 2) depths.add(depth);
        Throughput asked = speeds.at(d, m, e, context, parallel, kv);
        SpeedFactors factors = SpeedFactors.of(e, d);
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("device", d.id());
            root.put("model", m.toString());
            root.put("engine", e.id());
            root.put("parallel", parallel);
            root.put("contextTokens", context);
            root.put("calibratedOnThisChip", e.efficiency().decodeBandwidth().calibratedOn(d));
            root.put("decodeFactorSource", factors.decode().label());
            root.put("prefillFactorSource", factors.prefill().label());
            root.put("ownCalibrationApplied", factors.ownCalibration());
            put(root, asked);
            var table = root.putArray("byDepth");
            for (long depth : depths) {
                ObjectNode row = table.addObject();
                row.put("contextTokens", depth);
                put(row, speeds.at(d, m, e, depth, parallel, kv));
            }
            out.println(JSON.writeValueAsString(root));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%s on %s with %s, %d request%s at once, KV cache %s%n", m, d.id(), e.id(), parallel,
                parallel == 1 ? "" : "s (totals)", kv.id());
        TextTable table = new TextTable(">context", ">prefill tok/s", ">range", ">decode tok/s", ">range ");
        for (long depth : depths) {
            Throughput t = speeds.at(d, m, e, depth, parallel, kv);
            table.row(String.format(Locale.ROOT, "%,d", depth), String.format(Locale.ROOT, "%,.0f", t.prefillTokensPerSecond()),
                    String.format(Locale.ROOT, "%,.0f-%,.0f", t.prefillRange().low(), t.prefillRange().high()),
                    String.format(Locale.ROOT, "%,.1f", t.decodeTokensPerSecond()),
                    String.format(Locale.ROOT, "%,.1f-%,.1f", t.decodeRange().low(), t.decodeRange().high()));
        }
        table.print(out);
        out.println("Efficiency factors for " + d.chip() + ": " + factors.describe() + "; the range is their P10-P90"
                + (factors.ownCalibration() ? ", half as wide with your --calibration file." : "."));
        return ExitCodes.OK;
    }

    private static void put(ObjectNode node, Throughput t) {
        node.put("prefillTokensPerSecond", t.prefillTokensPerSecond());
        node.put("prefillTokensPerSecondLow", t.prefillRange().low());
        node.put("prefillTokensPerSecondHigh", t.prefillRange().high());
        node.put("decodeTokensPerSecond", t.decodeTokensPerSecond());
        node.put("decodeTokensPerSecondLow", t.decodeRange().low());
        node.put("decodeTokensPerSecondHigh", t.decodeRange().high());
    }
}
