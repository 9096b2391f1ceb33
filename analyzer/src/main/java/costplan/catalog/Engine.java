package costplan.catalog;

import java.util.List;
import java.util.Map;

/**
 * An inference engine as in {@code hardware-catalog/engines/}: what it runs on, which KV-cache types and prompt-cache
 * reuse it supports, and the efficiency factors of the speed model fitted to its public benchmarks.
 *
 * @param decompressedMlaCache whether it caches the decompressed K and V of multi-head latent attention models
 *                             (their {@code kvBytesPerTokenF16Decompressed}) rather than the latent
 */
public record Engine(String id, String name, List<String> runsOn, List<String> weightFormats, List<String> quantizations,
                     List<KvCacheType> kvCacheTypes, PromptCacheReuse promptCacheReuse, boolean decompressedMlaCache,
                     Efficiency efficiency, List<CalibrationRow> calibration, Sources sources) {

    /** Which ways of reusing a prompt's KV cache between requests the engine supports. */
    public record PromptCacheReuse(boolean inSession, boolean hostMemory, boolean persistedToDisk) {
    }

    /**
     * The factors of the speed model (see the catalog README).
     *
     * @param moeExpertHalfTokens   tokens per routed expert in one prefill batch at which the experts' grouped
     *                              matmuls reach half the dense efficiency (small matmuls run less efficiently)
     * @param prefillBatchTokens    tokens the engine processes in one prefill batch (llama.cpp's ubatch)
     * @param quantizationPrefill   prefill speed of a quantization relative to 16-bit weights (dequantizing costs
     *                              compute): estimates from the engine file, by quantization id
     * @param quantizationPrefillFitted the same, fitted to calibration rows of one model at 16 bits and quantized
     */
    public record Efficiency(EfficiencyFactor decodeBandwidth, EfficiencyFactor decodeOverheadMsPerLayer,
                             EfficiencyFactor kvReadBandwidth, EfficiencyFactor prefillCompute,
                             EfficiencyFactor moeExpertHalfTokens, int prefillBatchTokens,
                             Map<String, Double> quantizationPrefill, Map<String, Double> quantizationPrefillFitted) {
        public Efficiency {
            quantizationPrefill = Map.copyOf(quantizationPrefill);
            quantizationPrefillFitted = Map.copyOf(quantizationPrefillFitted);
        }

        /**
         * Share of the dense prefill efficiency that routed experts reach on {@code device} when each expert gets
         * {@code tokensPerExpert} tokens of a batch: tokens / (tokens + the half-efficiency point).
         */
        public double moeExpertEfficiency(Device device, double tokensPerExpert) {
            return tokensPerExpert / (tokensPerExpert + moeExpertHalfTokens.of(device));
        }

        /** Prefill speed of {@code quantization} relative to 16-bit weights: fitted, else estimated, else 1. */
        public double quantizationPrefillFactor(String quantization) {
            return quantizationPrefillFitted.getOrDefault(quantization, quantizationPrefill.getOrDefault(quantization, 1.0));
        }
    }

    /** A copy with other efficiency factors, e.g. fitted or from a person's own calibration. */
    public Engine withEfficiency(Efficiency other) {
        return new Engine(id, name, runsOn, weightFormats, quantizations, kvCacheTypes, promptCacheReuse, decompressedMlaCache,
                other, calibration, sources);
    }

    /** A copy with other calibration rows (factors unchanged until fitted again), e.g. without one chip's rows. */
    public Engine withCalibration(List<CalibrationRow> rows) {
        return new Engine(id, name, runsOn, weightFormats, quantizations, kvCacheTypes, promptCacheReuse, decompressedMlaCache,
                efficiency, rows, sources);
    }

    /**
     * One public benchmark measurement the factors were fitted to. {@code catalogModel} names the same model and
     * quantization in the catalog ({@code model:quant}) or is null; tokens per second may be null when not measured;
     * {@code batchTokens} is the prefill batch of the run when it was not the engine's default (null).
     */
    public record CalibrationRow(String chip, String model, String quant, String catalogModel, long depth,
                                 Integer batchTokens, double bytesPerTokenGB, Double decodeTokensPerSecond,
                                 Double prefillTokensPerSecond, String source, String date) {
    }

    public Engine {
        runsOn = List.copyOf(runsOn);
        weightFormats = List.copyOf(weightFormats);
        quantizations = List.copyOf(quantizations);
        kvCacheTypes = List.copyOf(kvCacheTypes);
        calibration = List.copyOf(calibration);
    }

    public boolean runsOn(Device device) {
        return runsOn.contains(device.platform());
    }

    /** Whether the engine can load this quantized release (by the catalog's quantization id). */
    public boolean loads(Quantization quantization) {
        return quantizations.contains(quantization.id());
    }

    public boolean supports(KvCacheType type) {
        return kvCacheTypes.contains(type);
    }
}
