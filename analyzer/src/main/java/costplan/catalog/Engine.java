package costplan.catalog;

import java.util.List;

/**
 * An inference engine as in {@code hardware-catalog/engines/}: what it runs on, which KV-cache types and prompt-cache
 * reuse it supports, and the efficiency factors of the speed model fitted to its public benchmarks.
 */
public record Engine(String id, String name, List<String> runsOn, List<String> weightFormats, List<String> quantizations,
                     List<KvCacheType> kvCacheTypes, PromptCacheReuse promptCacheReuse, Efficiency efficiency,
                     List<CalibrationRow> calibration, Sources sources) {

    /** Which ways of reusing a prompt's KV cache between requests the engine supports. */
    public record PromptCacheReuse(boolean inSession, boolean hostMemory, boolean persistedToDisk) {
    }

    /** The factors of the speed model (see the catalog README). */
    public record Efficiency(EfficiencyFactor decodeBandwidth, EfficiencyFactor decodeOverheadMsPerLayer,
                             EfficiencyFactor kvReadBandwidth, EfficiencyFactor prefillCompute, double moePrefillFactor) {
        /** The factors as if {@code chip} had never been measured: its platform's or the default values. */
        public Efficiency withoutChip(String chip) {
            return new Efficiency(decodeBandwidth.withoutChip(chip), decodeOverheadMsPerLayer.withoutChip(chip),
                    kvReadBandwidth.withoutChip(chip), prefillCompute.withoutChip(chip), moePrefillFactor);
        }
    }

    /** A copy with other efficiency factors, e.g. from a person's own calibration. */
    public Engine withEfficiency(Efficiency other) {
        return new Engine(id, name, runsOn, weightFormats, quantizations, kvCacheTypes, promptCacheReuse, other, calibration, sources);
    }

    /**
     * One public benchmark measurement the factors were fitted to. {@code catalogModel} names the same model and
     * quantization in the catalog ({@code model:quant}) or is null; tokens per second may be null when not measured.
     */
    public record CalibrationRow(String chip, String model, String quant, String catalogModel, long depth,
                                 double bytesPerTokenGB, Double decodeTokensPerSecond, Double prefillTokensPerSecond,
                                 String source, String date) {
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
