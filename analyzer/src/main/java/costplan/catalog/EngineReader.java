package costplan.catalog;

import costplan.importers.CostplanException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and checks one file of {@code engines/}. */
final class EngineReader {
    private EngineReader() {
    }

    static Engine read(FieldReader f) {
        List<String> runsOn = f.texts("runsOn");
        if (runsOn.isEmpty()) f.problem("runsOn", "expected at least one platform of " + Platforms.KNOWN);
        for (String platform : runsOn)
            if (!Platforms.KNOWN.contains(platform)) f.problem("runsOn", "unknown platform '" + platform + "'");
        List<KvCacheType> kvTypes = new ArrayList<>();
        for (String id : f.texts("kvCacheQuantizations")) {
            try {
                kvTypes.add(KvCacheType.parse(id));
            } catch (CostplanException e) {
                f.problem("kvCacheQuantizations", e.getMessage());
            }
        }
        Engine.PromptCacheReuse reuse = new Engine.PromptCacheReuse(f.bool("promptCacheReuse.inSession.supported", false),
                f.bool("promptCacheReuse.hostMemory.supported", false),
                f.bool("promptCacheReuse.persistedToDisk.supported", false));
        Engine.Efficiency efficiency = new Engine.Efficiency(
                factor(f, "efficiency.decodeBandwidthEfficiency", 1, "share of peak bandwidth"),
                factor(f, "efficiency.decodeOverheadMsPerLayer", 5, "ms per layer"),
                factor(f, "efficiency.kvReadBandwidthEfficiency", 1, "share of peak bandwidth"),
                factor(f, "efficiency.prefillComputeEfficiency", 1, "share of peak FP16 compute"),
                factor(f, "efficiency.moeExpertHalfTokens", 100_000, "tokens per expert"),
                f.integer("efficiency.prefillBatchTokens", 1, 1_000_000, "tokens"),
                f.numberMap("efficiency.quantizationPrefillFactor", 0.1, 1.5, "share of 16-bit prefill speed"), Map.of());
        List<String> quantizations = f.texts("quantizations");
        if (quantizations.isEmpty()) f.problem("quantizations", "expected the quantization ids the engine loads");
        for (String quant : quantizations)
            if (!ModelReader.QUANT_IDS.contains(quant))
                f.problem("quantizations", "unknown quantization id '" + quant + "'; expected one of " + ModelReader.QUANT_IDS);
        return new Engine(f.text("id"), f.text("name"), runsOn, f.texts("weightFormats"), quantizations, kvTypes, reuse,
                mlaCache(f), efficiency, calibration(f), f.sources());
    }

    /** Whether the engine caches multi-head latent attention decompressed ({@code mlaCache}: latent or decompressed). */
    private static boolean mlaCache(FieldReader f) {
        String cache = f.optionalText("mlaCache");
        if (cache == null || cache.equals("latent")) return false;
        if (!cache.equals("decompressed")) f.problem("mlaCache", "expected 'latent' or 'decompressed' but was '" + cache + "'");
        return cache.equals("decompressed");
    }

    private static EfficiencyFactor factor(FieldReader f, String path, double max, String unit) {
        double value = f.number(path + ".default", 0, max, unit);
        double p10 = f.number(path + ".p10", 0, max, unit);
        double p90 = f.number(path + ".p90", 0, max, unit);
        if (!(p10 <= value && value <= p90)) f.problem(path, "expected p10 <= default <= p90");
        return EfficiencyFactor.estimated(value, p10, p90, f.numberMap(path + ".byPlatform", 0, max, unit),
                f.numberMap(path + ".byChip", 0, max, unit));
    }

    private static List<Engine.CalibrationRow> calibration(FieldReader f) {
        List<Engine.CalibrationRow> rows = new ArrayList<>();
        JsonNode node = f.node("calibration");
        if (node == null) return rows;
        for (int i = 0; i < node.size(); i++) {
            String at = "calibration." + i;
            rows.add(new Engine.CalibrationRow(f.text(at + ".chip"), f.text(at + ".model"), f.text(at + ".quant"),
                    f.optionalText(at + ".catalogModel"), f.optionalLong(at + ".depth", 0, 10_000_000, "tokens"),
                    f.optionalInteger(at + ".batchTokens", 1, 1_000_000, "tokens"),
                    f.number(at + ".bytesPerTokenGB", 0.01, 10_000, "GB"),
                    f.optionalNumber(at + ".decodeTokensPerSecond", 0.01, 100_000, "tokens/s"),
                    f.optionalNumber(at + ".prefillTokensPerSecond", 0.01, 1_000_000, "tokens/s"),
                    f.text(at + ".source"), f.text(at + ".date")));
        }
        return rows;
    }
}
