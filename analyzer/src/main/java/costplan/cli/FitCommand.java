package costplan.cli;

import costplan.importers.CostplanException;
import costplan.internal.TextTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.catalog.OpenModel;
import costplan.fit.EngineOverhead;
import costplan.fit.FitResult;
import costplan.fit.MemoryFit;
import costplan.fit.ModelFit;
import costplan.fit.ResidentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code costplan fit}: what fits in a device's memory, with how much to spare, and how far it could stretch. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check whether models, their KV caches and engine buffers fit in a device's memory.",
        description = {"Counts weights, the KV cache of every session at the context asked (only the layers that keep one; "
                + "sliding windows stop at their window; MLA caches the latent, or the decompressed K and V where the engine keeps those (llama.cpp); linear-attention layers keep a fixed "
                + "state), engine buffers and a reserve for other apps, against the memory the device lets models use. "
                + "Also gives the longest context and the most sessions that fit, and the best quantization that fits.",
                "Several --model options keep several models resident; --sessions and --context apply to each, or give "
                + "a model its own sessions as ID[:QUANT]@SESSIONS."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok (the verdict says whether it fits)", "2:bad usage"})
final class FitCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Mixin
    private CatalogOptions catalogOptions;

    @Option(names = "--device", paramLabel = "ID", required = true, description = "The device ('costplan catalog devices').")
    private String device;

    @Option(names = "--model", paramLabel = "ID[:QUANT][@SESSIONS]", required = true,
            description = "A resident model (repeatable). Default quantization: q4_k_m, else the smallest.")
    private List<String> models = new ArrayList<>();

    @Option(names = "--context", paramLabel = "N", required = true, description = "Tokens of context per session (prompt and answer).")
    private long context;

    @Option(names = "--sessions", paramLabel = "K", defaultValue = "1", description = "Sessions served at once by each model. Default: ${DEFAULT-VALUE}.")
    private int sessions;

    @Option(names = "--kv-quant", paramLabel = "TYPE", defaultValue = "f16", description = "KV cache type (f16, q8_0, q4_0, fp8...). Default: ${DEFAULT-VALUE}.")
    private String kvQuant;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "llama-cpp",
            description = "The engine: its KV types and the quantizations it loads (llama-cpp, mlx, ollama, vllm). Default: ${DEFAULT-VALUE}.")
    private String engine;

    @Option(names = "--reserve-gb", paramLabel = "G", defaultValue = "0",
            description = "Memory kept for other apps (IDE, browser, Docker), in GB. Default: ${DEFAULT-VALUE}.")
    private double reserveGb;

    @Option(names = "--json", description = "Write JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (context < 1 || context > 100_000_000) throw CostplanException.badUsage("--context must be 1 to 100,000,000 tokens but was " + context);
        if (!(reserveGb >= 0) || reserveGb > 100_000) throw CostplanException.badUsage("--reserve-gb must be >= 0 but was " + reserveGb);
        Catalog catalog = catalogOptions.catalog();
        Device d = catalog.device(device);
        List<ResidentModel> residents = new ArrayList<>();
        for (String ref : models) {
            int at = ref.indexOf('@');
            int count = at < 0 ? sessions : sessionCount(ref.substring(at + 1), ref);
            ModelChoice choice = catalog.modelChoice(at < 0 ? ref : ref.substring(0, at));
            residents.add(new ResidentModel(choice, count, context));
        }
        MemoryFit fit = new MemoryFit(d, KvCacheType.parse(kvQuant), catalog.engine(engine),
                Math.round(reserveGb * 1e9));
        FitResult result = fit.fit(residents);
        if (json) out.println(JSON.writeValueAsString(toJson(result)));
        else print(result, out);
        return ExitCodes.OK;
    }

    private static int sessionCount(String text, String ref) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw CostplanException.badUsage("--model " + ref + ": expected a number of sessions after '@'");
        }
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / 1e9);
    }

    static void print(FitResult r, PrintWriter out) {
        Device d = r.device();
        out.printf(Locale.ROOT, "%s: %.0f GiB (%s GB) of memory, of which models may use %s GB (share %.2f%s). GB = 10^9 bytes.%n",
                d.id(), d.memoryGb(), gb(d.memoryBytes()), gb(r.usableBytes()), d.usableMemoryShare(),
                d.sources().isEstimate("usableMemoryShare") ? ", an estimate" : "");
        TextTable table = new TextTable("model", ">sessions", ">context", ">weights GB", ">KV cache GB", ">state GB",
                ">buffers GB*", ">total GB", ">max context", ">max sessions", "best quant");
        for (ModelFit m : r.models())
            table.row(m.model().toString() + (m.model().quantization().measured() ? "" : "*"), Integer.toString(m.sessions()),
                    String.format(Locale.ROOT, "%,d", m.contextTokens()), gb(m.weightsBytes()), gb(m.kvCacheBytes()),
                    gb(m.stateBytes()), gb(m.overheadBytes()), gb(m.totalBytes()), String.format(Locale.ROOT, "%,d", m.maxContextTokens()),
                    Integer.toString(m.maxSessions()), m.bestQuantization() == null ? "none" : m.bestQuantization());
        table.print(out);
        if (r.reserveBytes() > 0) out.println("reserved for other apps: " + gb(r.reserveBytes()) + " GB");
        out.printf(Locale.ROOT, "required %s GB of %s GB usable: %s%n", gb(r.requiredBytes()), gb(r.usableBytes()),
                r.fits() ? "fits, " + gb(r.headroomBytes()) + " GB to spare" : "does NOT fit, short by " + gb(-r.headroomBytes()) + " GB");
        if (r.decompressedMla() && r.models().stream().anyMatch(m -> m.model().model().mla() != null))
            out.println("Multi-head latent attention: the engine caches the decompressed K and V, not the latent (kvBytesPerTokenF16Decompressed).");
        out.println("KV cache as " + r.kvType().id() + ". * estimate: " + EngineOverhead.description()
                + "; a model marked * has an estimated file size. Max context and sessions: the other models unchanged.");
    }

    /** How the model's growing KV cache is laid out: per-head K and V, or MLA's latent or decompressed K and V. */
    private static String kvCacheLayout(OpenModel model, boolean decompressedMla) {
        if (model.mla() == null) return "kv-heads";
        return decompressedMla && model.kvBytesPerToken(true) != model.kvBytesPerToken(false) ? "mla-decompressed" : "mla-latent";
    }

    static ObjectNode toJson(FitResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("device", r.device().id());
        root.put("fits", r.fits());
        root.put("usableBytes", r.usableBytes());
        root.put("requiredBytes", r.requiredBytes());
        root.put("headroomBytes", r.headroomBytes());
        root.put("weightsBytes", r.weightsBytes());
        root.put("kvCacheBytes", r.kvCacheBytes());
        root.put("reserveBytes", r.reserveBytes());
        root.put("kvCacheType", r.kvType().id());
        root.put("maxContextTokens", r.models().stream().mapToLong(ModelFit::maxContextTokens).min().orElse(0));
        root.put("maxSessions", r.models().stream().mapToInt(ModelFit::maxSessions).min().orElse(0));
        var models = root.putArray("models");
        for (ModelFit m : r.models()) {
            ObjectNode n = models.addObject();
            n.put("model", m.model().model().id());
            n.put("quantization", m.model().quantization().id());
            n.put("sizeMeasured", m.model().quantization().measured());
            n.put("sessions", m.sessions());
            n.put("contextTokens", m.contextTokens());
            n.put("weightsBytes", m.weightsBytes());
            n.put("kvCacheBytes", m.kvCacheBytes());
            n.put("kvCacheLayout", kvCacheLayout(m.model().model(), r.decompressedMla()));
            n.put("kvBytesPerTokenF16", m.model().model().kvBytesPerToken(r.decompressedMla()));
            n.put("stateBytes", m.stateBytes());
            n.put("overheadBytes", m.overheadBytes());
            n.put("overheadEstimate", true);
            n.put("maxContextTokens", m.maxContextTokens());
            n.put("maxSessions", m.maxSessions());
            if (m.bestQuantization() == null) n.putNull("bestQuantization");
            else n.put("bestQuantization", m.bestQuantization());
        }
        return root;
    }
}
