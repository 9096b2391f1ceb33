package costplan.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads and checks one file of {@code models/}, including that its KV size follows from its shapes. */
final class ModelReader {
    static final Set<String> QUANT_IDS = Set.of("q4_0", "q4_k_m", "q5_k_m", "q6_k", "q8_0", "mxfp4", "mlx-4bit",
            "mlx-8bit", "fp8", "bf16");

    private ModelReader() {
    }

    static OpenModel read(FieldReader f) {
        String architecture = f.text("architecture");
        if (!architecture.equals("dense") && !architecture.equals("moe"))
            f.problem("architecture", "expected 'dense' or 'moe' but was '" + architecture + "'");
        double total = f.number("totalParamsB", 0.1, 5000, "billion parameters");
        double active = f.number("activeParamsB", 0.1, 5000, "billion parameters");
        if (active > total) f.problem("activeParamsB", "more active than total parameters");
        int layers = f.integer("layers", 1, 1000, "layers");
        int kvLayers = f.integer("kvLayers", 0, 1000, "layers");
        if (kvLayers > layers) f.problem("kvLayers", "more KV layers than layers");
        OpenModel.Mla mla = f.node("mla") == null ? null
                : new OpenModel.Mla(f.integer("mla.kvLoraRank", 1, 100_000, "values"), f.integer("mla.qkRopeHeadDim", 0, 10_000, "values"),
                f.integer("mla.qkNopeHeadDim", 0, 10_000, "values"), f.integer("mla.vHeadDim", 1, 10_000, "values"));
        OpenModel.LinearAttention linear = f.node("linearAttention") == null ? null
                : new OpenModel.LinearAttention(f.integer("linearAttention.layers", 1, 1000, "layers"),
                f.text("linearAttention.type"), f.integer("linearAttention.valueHeads", 1, 10_000, "heads"),
                f.integer("linearAttention.keyHeadDim", 1, 10_000, "values"), f.integer("linearAttention.valueHeadDim", 1, 10_000, "values"),
                f.optionalLong("linearAttention.stateBytesPerSequence", 1, 100_000_000_000L, "bytes"));
        OpenModel.Experts experts = f.node("experts") == null ? null
                : new OpenModel.Experts(f.integer("experts.routed", 1, 10_000, "experts"),
                f.integer("experts.activePerToken", 1, 10_000, "experts"), sharedExperts(f),
                f.optionalInteger("experts.intermediateSize", 1, 1_000_000, "values"),
                f.optionalInteger("experts.moeLayers", 1, layers, "layers"));
        if (architecture.equals("moe") && experts == null) f.problem("experts", "a MoE model needs its experts");
        long kvPerToken = f.optionalLong("kvBytesPerTokenF16", 0, 100_000_000, "bytes per token");
        checkKvSize(f, mla, kvLayers, kvPerToken);
        Integer window = f.optionalInteger("slidingWindow", 1, 10_000_000, "tokens");
        int context = f.integer("contextLength", 512, 100_000_000, "tokens");
        Integer maxContext = f.optionalInteger("maxContextLength", 512, 100_000_000, "tokens");
        OpenModel model = new OpenModel(f.text("id"), f.text("name"), f.texts("aliases"), architecture.equals("moe"),
                f.text("attention"), total, active, layers, kvLayers, f.integer("slidingWindowLayers", 0, 1000, "layers"),
                window, f.integer("attentionHeads", 1, 10_000, "heads"), f.optionalInteger("headDim", 1, 10_000, "values"),
                f.optionalInteger("slidingHeadDim", 1, 10_000, "values"), mla, linear, experts, context, maxContext == null ? context : maxContext, kvPerToken,
                f.optionalLong("kvBytesPerTokenF16Decompressed", 0, 100_000_000, "bytes per token"),
                f.optionalLong("slidingWindowKvBytesF16", 0, 100_000_000_000L, "bytes"),
                f.optionalInteger("hiddenSize", 1, 1_000_000, "values"), f.optionalInteger("vocabSize", 1, 10_000_000, "tokens"),
                f.bool("tiedEmbeddings", false), f.text("licence"), f.bool("vision", false), quantizations(f, total), f.sources());
        Double routed = model.routedExpertParamsB();
        if (routed != null && routed >= total) f.problem("experts.intermediateSize", "the routed experts' shape gives "
                + String.format(java.util.Locale.ROOT, "%.1f", routed) + " B parameters, not fewer than totalParamsB");
        if (model.slidingWindowLayers() > 0 && window == null) f.problem("slidingWindow", "sliding layers need a window");
        return model;
    }

    private static int sharedExperts(FieldReader f) {
        Integer shared = f.optionalInteger("experts.shared", 0, 100, "experts");
        return shared == null ? 0 : shared;
    }

    private static void checkKvSize(FieldReader f, OpenModel.Mla mla, int kvLayers, long kvPerToken) {
        long expected;
        String formula;
        if (mla != null) {
            expected = (long) mla.latentDim() * kvLayers * 2;
            formula = "(kvLoraRank + qkRopeHeadDim) x kvLayers x 2";
        } else {
            Integer kvHeads = f.optionalInteger("kvHeads", 1, 10_000, "heads");
            Integer headDim = f.optionalInteger("headDim", 1, 10_000, "values");
            if (kvHeads == null || headDim == null) {
                if (kvLayers > 0) f.problem("kvHeads", "a model with KV layers needs kvHeads and headDim (or mla)");
                return;
            }
            expected = 2L * kvLayers * kvHeads * headDim * 2;
            formula = "2 x kvLayers x kvHeads x headDim x 2";
        }
        if (expected != kvPerToken)
            f.problem("kvBytesPerTokenF16", "expected " + expected + " (" + formula + ") but was " + kvPerToken);
    }

    private static Map<String, Quantization> quantizations(FieldReader f, double totalParamsB) {
        Map<String, Quantization> quants = new LinkedHashMap<>();
        JsonNode node = f.node("quantizations");
        if (node == null || !node.isObject() || node.isEmpty()) {
            f.problem("quantizations", "expected at least one quantization");
            return quants;
        }
        node.fieldNames().forEachRemaining(id -> {
            String at = "quantizations." + id;
            if (!QUANT_IDS.contains(id)) f.problem(at, "unknown quantization id; expected one of " + QUANT_IDS);
            double fileGB = f.number(at + ".fileGB", 0.01, 10_000, "GB (10^9 bytes)");
            double bits = f.number(at + ".bitsPerWeight", 1, 32, "bits per weight");
            double implied = fileGB * 8 / totalParamsB;
            if (Math.abs(implied - bits) > 0.05 * bits)
                f.problem(at + ".bitsPerWeight", "expected about fileGB x 8 / totalParamsB = "
                        + String.format(java.util.Locale.ROOT, "%.2f", implied) + " but was " + bits);
            quants.put(id, new Quantization(id, fileGB, bits, f.bool(at + ".measured", false), f.optionalText(at + ".artifact")));
        });
        return quants;
    }
}
