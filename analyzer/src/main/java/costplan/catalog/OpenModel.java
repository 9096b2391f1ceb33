package costplan.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open-weight model as in {@code hardware-catalog/models/}: its size, the shape of its attention (which decides
 * how its KV cache grows) and its quantized releases. Parameters in billions, KV sizes in bytes.
 */
public record OpenModel(String id, String name, List<String> aliases, boolean moe, String attention,
                        double totalParamsB, double activeParamsB, int layers, int kvLayers,
                        int slidingWindowLayers, Integer slidingWindow, int attentionHeads, Integer headDim,
                        Integer slidingHeadDim, Mla mla, LinearAttention linearAttention,
                        Experts experts, int contextLength, int maxContextLength,
                        long kvBytesPerTokenF16, Long kvBytesPerTokenF16Decompressed, long slidingWindowKvBytesF16,
                        Integer hiddenSize, Integer vocabSize, boolean tiedEmbeddings, String licence, boolean vision,
                        Map<String, Quantization> quantizations, Sources sources) {

    /** Multi-head latent attention: what is cached per layer is {@code kvLoraRank + qkRopeHeadDim} values. */
    public record Mla(int kvLoraRank, int qkRopeHeadDim, int qkNopeHeadDim, int vHeadDim) {
        public int latentDim() {
            return kvLoraRank + qkRopeHeadDim;
        }
    }

    /** The linear-attention layers of a hybrid model, whose fixed state replaces a KV cache. */
    public record LinearAttention(int layers, String type, int valueHeads, int keyHeadDim, int valueHeadDim,
                                  long stateBytesPerSequence) {
        /**
         * FLOPs of one token on these layers: per value head, reading the state with the key, the rank-one update
         * and reading it with the query, each a (key dim x value dim) multiply-add of 2 FLOPs.
         */
        public double flopsPerToken() {
            return 6.0 * layers * valueHeads * keyHeadDim * valueHeadDim;
        }
    }

    /**
     * Routed and shared experts of a mixture-of-experts layer; {@code intermediateSize} (each routed expert's FFN
     * width) and {@code moeLayers} (layers with routed experts) are null when not recorded.
     */
    public record Experts(int routed, int activePerToken, int shared, Integer intermediateSize, Integer moeLayers) {
        /** Share of the routed experts one token picks. */
        public double pickedShare() {
            return (double) activePerToken / routed;
        }
    }

    public OpenModel {
        aliases = List.copyOf(aliases);
        quantizations = Map.copyOf(quantizations);
    }

    /**
     * Parameters of all routed experts, in billions: moeLayers x routed x 3 x hidden x intermediate (gate, up and down
     * projections); null when the shape is not recorded.
     */
    public Double routedExpertParamsB() {
        if (experts == null || experts.intermediateSize() == null || experts.moeLayers() == null || hiddenSize == null) return null;
        return experts.moeLayers() * (double) experts.routed() * 3 * hiddenSize * experts.intermediateSize() / 1e9;
    }

    /**
     * Parameters of the input embedding table, in billions: one row of it is read per token, not all of it (0 when
     * the shape is not recorded, or when the table is tied to the output projection, which reads all of it).
     */
    public double inputEmbeddingParamsB() {
        if (tiedEmbeddings || hiddenSize == null || vocabSize == null) return 0;
        return (double) hiddenSize * vocabSize / 1e9;
    }

    /**
     * Prefill FLOPs per token that run as dense matmuls: attention (growing with depth), linear attention, and 2
     * per always-active parameter. A mixture of experts without a recorded shape counts all its weights as experts.
     */
    public double denseFlopsPerToken(long depth) {
        double linear = linearAttention == null ? 0 : linearAttention.flopsPerToken();
        return 2 * (activeParamsB - activeRoutedParamsB()) * 1e9 + attentionFlopsPerToken(depth) + linear;
    }

    /** Tokens each routed expert gets, on average, in a batch of {@code batchTokens} (0 for a dense model). */
    public double tokensPerExpert(int batchTokens) {
        return moe ? batchTokens * experts.pickedShare() : 0;
    }

    /** Prefill FLOPs per token of the routed experts it picks (grouped expert matmuls); 0 for a dense model. */
    public double expertFlopsPerToken() {
        return 2 * activeRoutedParamsB() * 1e9;
    }

    private double activeRoutedParamsB() {
        if (!moe) return 0;
        Double routed = routedExpertParamsB();
        return routed == null ? activeParamsB : Math.min(activeParamsB, routed * experts.pickedShare());
    }

    /**
     * Floating-point operations of attention for one token at {@code depth} tokens of context: per query head, a
     * dot product with every cached key and a weighted sum of every cached value (2 FLOPs per multiply-add), on the
     * layers that keep a full cache and, up to their window, on the sliding ones. Linear-attention layers add no
     * term that grows with depth.
     */
    public double attentionFlopsPerToken(long depth) {
        double perHeadDims = mla != null ? mla.qkNopeHeadDim() + mla.qkRopeHeadDim() + mla.vHeadDim()
                : 2.0 * (headDim == null ? 0 : headDim);
        double global = 2.0 * kvLayers * depth * attentionHeads * perHeadDims;
        double slidingDims = 2.0 * (slidingHeadDim != null ? slidingHeadDim : headDim == null ? 0 : headDim);
        double sliding = slidingWindow == null ? 0
                : 2.0 * slidingWindowLayers * Math.min(depth, slidingWindow) * attentionHeads * slidingDims;
        return global + sliding;
    }

    /** Bytes of KV cache of the attention layers at {@code tokens} (without the linear-attention state). */
    public long attentionKvBytes(long tokens, KvCacheType type, boolean decompressedMla) {
        return kvCacheBytes(tokens, type, decompressedMla) - stateBytes();
    }

    /** Bytes of the fixed linear-attention state of one sequence (0 without linear attention). */
    public long stateBytes() {
        return linearAttention == null ? 0 : linearAttention.stateBytesPerSequence();
    }

    /** Bytes a decoded token moves through the linear-attention state: it is read and written back once per token. */
    public double stateBytesReadAndWrittenPerToken() {
        return 2.0 * stateBytes();
    }

    /** f16 KV bytes per token of the layers whose cache grows, decompressed for MLA when asked and recorded. */
    public long kvBytesPerToken(boolean decompressedMla) {
        return decompressedMla && mla != null && kvBytesPerTokenF16Decompressed != null ? kvBytesPerTokenF16Decompressed
                : kvBytesPerTokenF16;
    }

    public Optional<Quantization> quantization(String quant) {
        return Optional.ofNullable(quantizations.get(quant));
    }

    /**
     * Bytes of KV cache (and recurrent state) one sequence of {@code tokens} needs: the global layers grow with every
     * token, sliding-window layers stop at their window, and linear-attention layers keep a fixed f32 state.
     */
    public long kvCacheBytes(long tokens, KvCacheType type) {
        return kvCacheBytes(tokens, type, false);
    }

    /**
     * As {@link #kvCacheBytes(long, KvCacheType)}, with multi-head latent attention cached decompressed
     * ({@code kvBytesPerTokenF16Decompressed} per token) when {@code decompressedMla} and the model has one.
     */
    public long kvCacheBytes(long tokens, KvCacheType type, boolean decompressedMla) {
        double growing = (double) kvBytesPerToken(decompressedMla) * tokens;
        double sliding = slidingWindow == null || slidingWindow == 0 ? 0
                : slidingWindowKvBytesF16 * Math.min(1.0, (double) tokens / slidingWindow);
        return Math.round((growing + sliding) * type.factorOfF16()) + stateBytes();
    }
}
