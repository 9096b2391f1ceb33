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
     * Bytes of weights one decode step reads when {@code parallel} requests each decode a token. A dense model
     * reads all its weights once. A mixture-of-experts model reads its always-active part (attention, shared
     * experts, embeddings) once and every routed expert that at least one of the tokens picked: with E routed
     * experts and k picked per token, 1 - (1 - k/E)^K of them for K tokens. The split between the two parts is
     * solved from the active and total parameter counts.
     */
    public double weightBytesReadPerStep(int parallel) {
        OpenModel.Experts experts = model.experts();
        if (!model.moe() || experts == null || parallel <= 1) return activeWeightBytes();
        double pickedShare = (double) experts.activePerToken() / experts.routed();
        double expertBytes = (weightBytes() - activeWeightBytes()) / (1 - pickedShare);
        double alwaysRead = weightBytes() - expertBytes;
        return alwaysRead + expertBytes * (1 - Math.pow(1 - pickedShare, parallel));
    }

    @Override
    public String toString() {
        return model.id() + ":" + quantization.id();
    }
}
