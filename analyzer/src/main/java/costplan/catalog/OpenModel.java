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
                        long kvBytesPerTokenF16, long slidingWindowKvBytesF16, String licence, boolean vision,
                        Map<String, Quantization> quantizations, Sources sources) {

    /** Multi-head latent attention: what is cached per layer is {@code kvLoraRank + qkRopeHeadDim} values. */
    public record Mla(int kvLoraRank, int qkRopeHeadDim, int qkNopeHeadDim, int vHeadDim) {
        public int latentDim() {
            return kvLoraRank + qkRopeHeadDim;
        }
    }

    /** The linear-attention layers of a hybrid model, whose fixed state replaces a KV cache. */
    public record LinearAttention(int layers, String type, long stateBytesPerSequence) {
    }

    /** Routed and shared experts of a mixture-of-experts layer. */
    public record Experts(int routed, int activePerToken, int shared) {
    }

    public OpenModel {
        aliases = List.copyOf(aliases);
        quantizations = Map.copyOf(quantizations);
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

    public Optional<Quantization> quantization(String quant) {
        return Optional.ofNullable(quantizations.get(quant));
    }

    /**
     * Bytes of KV cache (and recurrent state) one sequence of {@code tokens} needs: the global layers grow with every
     * token, sliding-window layers stop at their window, and linear-attention layers keep a fixed f32 state.
     */
    public long kvCacheBytes(long tokens, KvCacheType type) {
        double growing = (double) kvBytesPerTokenF16 * tokens;
        double sliding = slidingWindow == null || slidingWindow == 0 ? 0
                : slidingWindowKvBytesF16 * Math.min(1.0, (double) tokens / slidingWindow);
        long state = linearAttention == null ? 0 : linearAttention.stateBytesPerSequence();
        return Math.round((growing + sliding) * type.factorOfF16()) + state;
    }
}
