package costplan.fit;

import costplan.catalog.ModelChoice;

/**
 * Memory an engine needs besides weights and KV cache: compute buffers for a batch of tokens (growing with the
 * model's width and vocabulary) and the GPU context. An estimate: llama.cpp logs show compute buffers of about
 * 0.3-2 GB for 7B-120B models at the default batch of 512 tokens, and a CUDA or Metal context adds a few hundred MB.
 */
public final class EngineOverhead {
    static final long BASE_BYTES = 1L << 30;
    static final double SHARE_OF_WEIGHTS = 0.02;

    private EngineOverhead() {
    }

    /** Engine buffers for {@code model}: 1 GiB plus 2 % of its weights. */
    public static long bytes(ModelChoice model) {
        return BASE_BYTES + Math.round(model.weightBytes() * SHARE_OF_WEIGHTS);
    }

    /** Weights plus engine buffers: what a resident model needs before any KV cache. */
    public static long fixedBytes(ModelChoice model) {
        return model.weightBytes() + bytes(model);
    }

    public static String description() {
        return "engine buffers: 1 GiB + 2 % of the weights (estimate from public llama.cpp logs)";
    }
}
