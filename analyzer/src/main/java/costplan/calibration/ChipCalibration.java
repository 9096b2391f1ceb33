package costplan.calibration;

import costplan.importers.CostplanException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import costplan.catalog.Engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Efficiency factors of one engine on one chip, fitted to a person's own benchmark; written by
 * {@code costplan calibrate} and read back with {@code --calibration FILE}, where they replace the catalog's
 * factors for that engine and chip.
 *
 * @param kvReadBandwidthEfficiency null when the benchmark had no generation test at depth
 */
public record ChipCalibration(String engine, String chip, String device, String model, double decodeBandwidthEfficiency,
                              double prefillComputeEfficiency, Double kvReadBandwidthEfficiency, int decodeTests,
                              int prefillTests, String source) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** {@code engine} with this calibration's factors for its chip (unchanged when the engine differs). */
    public Engine applyTo(Engine target) {
        if (!target.id().equals(engine)) return target;
        Engine.Efficiency e = target.efficiency();
        return target.withEfficiency(new Engine.Efficiency(e.decodeBandwidth().withOwnCalibration(chip, decodeBandwidthEfficiency),
                e.decodeOverheadMsPerLayer(), kvReadBandwidthEfficiency == null ? e.kvReadBandwidth()
                : e.kvReadBandwidth().withOwnCalibration(chip, kvReadBandwidthEfficiency),
                e.prefillCompute().withOwnCalibration(chip, prefillComputeEfficiency), e.moeExpertHalfTokens(), e.prefillBatchTokens(),
                e.quantizationPrefill(), e.quantizationPrefillFitted()));
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    public static ChipCalibration read(Path file) throws IOException {
        JsonNode n = JSON.readTree(Files.readString(file));
        for (String field : new String[]{"engine", "chip", "decodeBandwidthEfficiency", "prefillComputeEfficiency"})
            if (n.path(field).isMissingNode() || n.path(field).isNull())
                throw CostplanException.badInput(file + ": missing '" + field + "'; expected a file written by 'costplan calibrate'");
        double decode = n.get("decodeBandwidthEfficiency").asDouble();
        double prefill = n.get("prefillComputeEfficiency").asDouble();
        if (!(decode > 0 && decode <= 1.2) || !(prefill > 0 && prefill <= 1.2))
            throw CostplanException.badInput(file + ": efficiencies must be above 0 and at most 1.2 but were " + decode + " and " + prefill);
        JsonNode kv = n.path("kvReadBandwidthEfficiency");
        return new ChipCalibration(n.get("engine").asText(), n.get("chip").asText(), n.path("device").asText(null),
                n.path("model").asText(null), decode, prefill, kv.isNumber() ? kv.asDouble() : null,
                n.path("decodeTests").asInt(), n.path("prefillTests").asInt(), n.path("source").asText(file.toString()));
    }
}
