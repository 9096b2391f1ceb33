package costplan.speed;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the speed model with every public measurement the engines were calibrated on: for each calibration row
 * whose model is in the catalog and whose chip is in a catalog device, the predicted decode and prefill speed
 * against the measured ones, and the median absolute percentage error overall and per hardware class.
 */
public final class CalibrationCheck {

    /** One measurement against the model; an error is null when that speed was not measured. */
    public record Row(String engine, String chip, String hardwareClass, String model, long depth, Double measuredDecode,
                      double predictedDecode, Double measuredPrefill, double predictedPrefill) {
        Row heldOut(double decode, double prefill) {
            return new Row(engine, chip, hardwareClass, model, depth, measuredDecode, decode, measuredPrefill, prefill);
        }

        public Double decodeError() {
            return measuredDecode == null ? null : Math.abs(predictedDecode - measuredDecode) / measuredDecode;
        }

        public Double prefillError() {
            return measuredPrefill == null ? null : Math.abs(predictedPrefill - measuredPrefill) / measuredPrefill;
        }
    }

    /**
     * All rows checked with the catalog's factors ({@code rows}), the same rows predicted as if their chip had never
     * been measured ({@code heldOut}: the platform's or the engine's default factors, the error to expect on a new
     * chip), the rows that could not be checked (with why), and the medians.
     */
    public record Report(List<Row> rows, List<Row> heldOut, List<String> skipped) {
        public static double decodeMape(List<Row> rows) {
            return median(rows.stream().map(Row::decodeError).toList());
        }

        public static double prefillMape(List<Row> rows) {
            return median(rows.stream().map(Row::prefillError).toList());
        }

        /** Hardware class to {decode MAPE, prefill MAPE} of {@code rows} (NaN where a class has no measurement). */
        public static Map<String, double[]> byClass(List<Row> rows) {
            Map<String, double[]> classes = new TreeMap<>();
            for (String c : rows.stream().map(Row::hardwareClass).distinct().toList()) {
                List<Row> of = rows.stream().filter(r -> r.hardwareClass().equals(c)).toList();
                classes.put(c, new double[]{median(of.stream().map(Row::decodeError).toList()),
                        median(of.stream().map(Row::prefillError).toList())});
            }
            return classes;
        }
    }

    private CalibrationCheck() {
    }

    public static Report run(Catalog catalog, SpeedModel speeds) {
        List<Row> rows = new ArrayList<>();
        List<Row> heldOut = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Engine engine : catalog.engines()) {
            for (Engine.CalibrationRow row : engine.calibration()) {
                String what = engine.id() + " " + row.chip() + " " + row.model() + " " + row.quant();
                Device device = catalog.devices().stream().filter(d -> d.chip().equals(row.chip())).findFirst().orElse(null);
                if (row.catalogModel() == null) {
                    skipped.add(what + ": the model is not in the catalog");
                } else if (device == null) {
                    skipped.add(what + ": no catalog device has this chip");
                } else {
                    ModelChoice model = catalog.modelChoice(row.catalogModel());
                    Throughput t = speeds.at(device, model, engine, row.depth(), 1, KvCacheType.F16);
                    Row checked = new Row(engine.id(), row.chip(), hardwareClass(device), row.catalogModel(), row.depth(),
                            row.decodeTokensPerSecond(), t.decodeTokensPerSecond(), row.prefillTokensPerSecond(),
                            t.prefillTokensPerSecond());
                    rows.add(checked);
                    Engine unmeasured = engine.withEfficiency(engine.efficiency().withoutChip(row.chip()));
                    Throughput h = speeds.at(device, model, unmeasured, row.depth(), 1, KvCacheType.F16);
                    heldOut.add(checked.heldOut(h.decodeTokensPerSecond(), h.prefillTokensPerSecond()));
                }
            }
        }
        return new Report(List.copyOf(rows), List.copyOf(heldOut), List.copyOf(skipped));
    }

    /** The platform, with NVIDIA's data-centre GPUs apart from its desktop ones (their efficiencies differ). */
    static String hardwareClass(Device device) {
        return device.platform() + ("cloud-gpu".equals(device.formFactor()) ? " (data centre)" : "");
    }

    static double median(List<Double> values) {
        double[] v = values.stream().filter(x -> x != null).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
