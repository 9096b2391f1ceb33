package costplan.speed;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.EfficiencyFactor;
import costplan.catalog.EfficiencyFit;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Compares the speed model with public measurements: every calibration row of the catalog's engines predicted with
 * all rows fitted ({@code rows}) and with its chip's rows left out of the fit ({@code heldOut}, leave-one-chip-out
 * cross-validation: the error to expect on a chip the factors never saw), and measurements kept out of the
 * calibration ({@link #validate}).
 */
public final class CalibrationCheck {

    /** One measurement against the model; an error is null when that speed was not measured. */
    public record Row(String engine, String chip, String chipClass, String model, boolean moe, long depth,
                      Double measuredDecode, double predictedDecode, Double measuredPrefill, double predictedPrefill,
                      String factorSource) {
        public Double decodeError() {
            return measuredDecode == null ? null : Math.abs(predictedDecode - measuredDecode) / measuredDecode;
        }

        public Double prefillError() {
            return measuredPrefill == null ? null : Math.abs(predictedPrefill - measuredPrefill) / measuredPrefill;
        }
    }

    /** A published measurement: engine, device, catalog {@code model:quant}, depth, speeds (null when not measured), source. */
    public record Measurement(String engine, String device, String model, long depth, Double decodeTokensPerSecond,
                              Double prefillTokensPerSecond, String source) {
    }

    /** The rows checked, the same rows with their chip held out, and the rows that could not be checked (with why). */
    public record Report(List<Row> rows, List<Row> heldOut, List<String> skipped) {
        public static double decodeMape(List<Row> rows) {
            return median(rows.stream().map(Row::decodeError).toList());
        }

        public static double prefillMape(List<Row> rows) {
            return median(rows.stream().map(Row::prefillError).toList());
        }

        /**
         * {decode MAPE, prefill MAPE, decode count, prefill count} of {@code rows} per group: overall, by chip class,
         * dense and MoE, depth 0 and deeper (NaN where a group has no measurement).
         */
        public static Map<String, double[]> breakdown(List<Row> rows) {
            Map<String, double[]> groups = new LinkedHashMap<>();
            groups.put("all", errors(rows));
            group(rows, groups, r -> "class " + r.chipClass());
            group(rows, groups, r -> r.moe() ? "MoE" : "dense");
            group(rows, groups, r -> r.depth() == 0 ? "depth 0" : "depth > 0");
            return groups;
        }

        private static void group(List<Row> rows, Map<String, double[]> groups, Function<Row, String> key) {
            rows.stream().map(key).distinct().sorted()
                    .forEach(k -> groups.put(k, errors(rows.stream().filter(r -> key.apply(r).equals(k)).toList())));
        }

        private static double[] errors(List<Row> rows) {
            return new double[]{decodeMape(rows), prefillMape(rows), rows.stream().filter(r -> r.decodeError() != null).count(),
                    rows.stream().filter(r -> r.prefillError() != null).count()};
        }
    }

    private CalibrationCheck() {
    }

    /** Every calibration row of the catalog's engines, predicted with all rows fitted and with its chip left out. */
    public static Report run(Catalog catalog, SpeedModel speeds) {
        List<Row> rows = new ArrayList<>();
        List<Row> heldOut = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Engine engine : catalog.engines()) {
            Map<String, Engine> withoutChip = new LinkedHashMap<>();
            for (Engine.CalibrationRow row : engine.calibration()) {
                String what = engine.id() + " " + row.chip() + " " + row.model() + " " + row.quant();
                Device device = singleGpu(catalog, row.chip());
                if (row.catalogModel() == null) {
                    skipped.add(what + ": the model is not in the catalog");
                    continue;
                }
                if (device == null) {
                    skipped.add(what + ": no single-GPU catalog device has this chip");
                    continue;
                }
                Engine heldOutEngine = withoutChip.computeIfAbsent(row.chip(), chip -> EfficiencyFit.fit(
                        engine.withCalibration(engine.calibration().stream().filter(r -> !r.chip().equals(chip)).toList()),
                        catalog.devices(), catalog.models()));
                Measurement m = new Measurement(engine.id(), device.id(), row.catalogModel(), row.depth(),
                        row.decodeTokensPerSecond(), row.prefillTokensPerSecond(), row.source());
                rows.add(predict(speeds, device, catalog.modelChoice(row.catalogModel()), engine, m));
                heldOut.add(predict(speeds, device, catalog.modelChoice(row.catalogModel()), heldOutEngine, m));
            }
        }
        return new Report(List.copyOf(rows), List.copyOf(heldOut), List.copyOf(skipped));
    }

    /**
     * Measurements kept out of the calibration, predicted with the catalog's factors; {@code heldOut} of the report
     * holds them with their chip's calibration rows left out of the fit as well.
     */
    public static Report validate(Catalog catalog, SpeedModel speeds, List<Measurement> measurements) {
        List<Row> rows = new ArrayList<>();
        List<Row> heldOut = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Measurement m : measurements) {
            Device device = catalog.device(m.device());
            Engine engine = catalog.engine(m.engine());
            ModelChoice model = catalog.modelChoice(m.model());
            if (!engine.runsOn(device)) {
                skipped.add(m + ": " + engine.id() + " does not run on " + device.platform());
                continue;
            }
            Engine withoutChip = EfficiencyFit.fit(engine.withCalibration(engine.calibration().stream()
                    .filter(r -> !r.chip().equals(device.chip())).toList()), catalog.devices(), catalog.models());
            rows.add(predict(speeds, device, model, engine, m));
            heldOut.add(predict(speeds, device, model, withoutChip, m));
        }
        return new Report(List.copyOf(rows), List.copyOf(heldOut), List.copyOf(skipped));
    }

    private static Row predict(SpeedModel speeds, Device device, ModelChoice model, Engine engine, Measurement m) {
        Throughput t = speeds.at(device, model, engine, m.depth(), 1, KvCacheType.F16);
        EfficiencyFactor.Source source = engine.efficiency().decodeBandwidth().sourceOf(device);
        return new Row(engine.id(), device.chip(), device.platform() + "/" + device.chipClass(), model.toString(),
                model.model().moe(), m.depth(), m.decodeTokensPerSecond(), t.decodeTokensPerSecond(),
                m.prefillTokensPerSecond(), t.prefillTokensPerSecond(), source.label());
    }

    private static Device singleGpu(Catalog catalog, String chip) {
        return catalog.devices().stream().filter(d -> d.chip().equals(chip) && d.gpuCount() == 1).findFirst().orElse(null);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
