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

    @Override
    public String toString() {
        return model.id() + ":" + quantization.id();
    }
}
