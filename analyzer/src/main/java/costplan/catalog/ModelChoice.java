package costplan.catalog;

/** A model and the quantized release of it that is loaded, e.g. {@code qwen3-coder-30b-a3b:q4_k_m}. */
public record ModelChoice(OpenModel model, Quantization quantization) {

    public long weightBytes() {
        return quantization.fileBytes();
    }

    /** Bytes of weights read per decoded token: all of a dense model, the active share of a MoE model. */
    public double activeWeightBytes() {
        return weightBytes() * model.activeParamsB() / model.totalParamsB();
    }

    /**
     * Bytes of weights one decode step reads when {@code parallel} requests each decode a token: the always-read
     * part once (attention, shared experts, router, output projection and, of the input embedding, one row per
     * token) and every routed expert that at least one of the tokens picked: with E routed experts and k picked per
     * token, 1 - (1 - k/E)^K of them for K tokens. A dense model has no routed part.
     * <p>
     * With the experts' shape recorded, the routed bytes are their parameters at the quantization's expert bits
     * (MXFP4 files keep only the experts at 4.25 bits) and the rest of the file is always read. Without it, the
     * split is solved from the active and total parameter counts at the file's average bits.
     */
    public double weightBytesReadPerStep(int parallel) {
        Double routedParams = model.routedExpertParamsB();
        double routedBytes;
        double otherBytes;
        if (model.moe() && routedParams == null) {
            double picked = model.experts().pickedShare();
            routedBytes = (weightBytes() - activeWeightBytes()) / (1 - picked);
            otherBytes = weightBytes() - routedBytes;
        } else {
            routedBytes = routedParams == null ? 0 : routedParams * 1e9 * quantization.expertBitsPerWeight() / 8;
            double otherParams = model.totalParamsB() - (routedParams == null ? 0 : routedParams);
            otherBytes = (weightBytes() - routedBytes) * (otherParams - model.inputEmbeddingParamsB()) / otherParams;
        }
        double picked = model.moe() ? model.experts().pickedShare() : 0;
        return otherBytes + routedBytes * (1 - Math.pow(1 - picked, parallel));
    }

    @Override
    public String toString() {
        return model.id() + ":" + quantization.id();
    }
}
