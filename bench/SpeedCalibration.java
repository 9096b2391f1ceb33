import costplan.catalog.Catalog;
import costplan.speed.CalibrationCheck;
import costplan.speed.SpeedModels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the speed model's error on public measurements: leave-one-chip-out cross-validation over every calibration
 * row of the catalog's engines, and the held-out validation set (bench/speed-validation.csv). Run with
 * bench/speed-calibration.sh.
 */
public class SpeedCalibration {
    private static final double DECODE_TARGET = 12;
    private static final double PREFILL_TARGET = 20;

    public static void main(String[] args) throws IOException {
        Catalog catalog = Catalog.bundled();
        CalibrationCheck.Report report = CalibrationCheck.run(catalog, SpeedModels.standard());
        System.out.println("Leave-one-chip-out: each row predicted with its chip's rows left out of the fit");
        print(report.heldOut());
        report.skipped().forEach(s -> System.out.println("not checked: " + s));
        summary("leave-one-chip-out cross-validation", report.heldOut());
        summary("in sample (all rows fitted)", report.rows());

        Path validation = Path.of(args.length > 0 ? args[0] : "bench/speed-validation.csv");
        CalibrationCheck.Report held = CalibrationCheck.validate(catalog, SpeedModels.standard(), read(validation));
        System.out.println();
        System.out.println("Validation set " + validation + " (never used in the calibration)");
        print(held.rows());
        held.skipped().forEach(s -> System.out.println("not checked: " + s));
        summary("validation set, catalog factors", held.rows());
        summary("validation set, the chip's own calibration rows also left out", held.heldOut());
    }

    private static void print(List<CalibrationCheck.Row> rows) {
        System.out.printf(Locale.ROOT, "%-10s %-22s %-26s %6s %8s %8s %5s %8s %8s %5s  %s%n", "engine", "chip", "model", "depth",
                "decode", "model", "err", "prefill", "model", "err", "decode factor");
        for (var r : rows)
            System.out.printf(Locale.ROOT, "%-10s %-22s %-26s %6d %8s %8.1f %5s %8s %8.0f %5s  %s%n", r.engine(), r.chip(), r.model(),
                    r.depth(), r.measuredDecode() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.measuredDecode()),
                    r.predictedDecode(), percent(r.decodeError()),
                    r.measuredPrefill() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.measuredPrefill()),
                    r.predictedPrefill(), percent(r.prefillError()), r.factorSource());
    }

    private static void summary(String title, List<CalibrationCheck.Row> rows) {
        System.out.printf(Locale.ROOT, "%nmedian absolute percentage error, %s (targets: decode <= %.0f %%, prefill <= %.0f %%)%n",
                title, DECODE_TARGET, PREFILL_TARGET);
        CalibrationCheck.Report.breakdown(rows).forEach((group, e) -> System.out.printf(Locale.ROOT,
                "  %-28s decode %5.1f %% (%2d)   prefill %5.1f %% (%2d)%n", group, e[0] * 100, (int) e[2], e[1] * 100, (int) e[3]));
    }

    private static List<CalibrationCheck.Measurement> read(Path file) throws IOException {
        List<CalibrationCheck.Measurement> measurements = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        boolean header = true;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] c = line.split(",", 7);
            measurements.add(new CalibrationCheck.Measurement(c[0], c[1], c[2], Long.parseLong(c[3]), number(c[4]), number(c[5]),
                    c[6]));
        }
        return measurements;
    }

    private static Double number(String cell) {
        return cell.isBlank() ? null : Double.parseDouble(cell);
    }

    private static String percent(Double error) {
        return error == null ? "-" : String.format(Locale.ROOT, "%.0f%%", error * 100);
    }
}
