import costplan.catalog.Catalog;
import costplan.speed.CalibrationCheck;
import costplan.speed.SpeedModels;

import java.util.Locale;

/** Prints the speed model's error on every calibration measurement of the catalog's engines. Run with bench/speed-calibration.sh. */
public class SpeedCalibration {
    public static void main(String[] args) {
        CalibrationCheck.Report report = CalibrationCheck.run(Catalog.bundled(), SpeedModels.standard());
        System.out.printf(Locale.ROOT, "%-10s %-22s %-26s %6s %9s %9s %6s %9s %9s %6s%n", "engine", "chip", "model", "depth",
                "decode", "model", "err", "prefill", "model", "err");
        for (var r : report.rows())
            System.out.printf(Locale.ROOT, "%-10s %-22s %-26s %6d %9s %9.1f %6s %9s %9.0f %6s%n", r.engine(), r.chip(), r.model(),
                    r.depth(), r.measuredDecode() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.measuredDecode()),
                    r.predictedDecode(), percent(r.decodeError()),
                    r.measuredPrefill() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.measuredPrefill()),
                    r.predictedPrefill(), percent(r.prefillError()));
        System.out.println();
        report.skipped().forEach(s -> System.out.println("not checked: " + s));
        summary("with the catalog's fitted factors", report.rows());
        summary("each chip held out (its platform's or the default factors: the error to expect on a new chip)", report.heldOut());
    }

    private static void summary(String title, java.util.List<CalibrationCheck.Row> rows) {
        System.out.printf(Locale.ROOT, "%nmedian absolute percentage error, %s, over %d measurements: decode %.1f %% (target <= 20 %%), "
                        + "prefill %.1f %% (target <= 30 %%)%n", title, rows.size(), CalibrationCheck.Report.decodeMape(rows) * 100,
                CalibrationCheck.Report.prefillMape(rows) * 100);
        CalibrationCheck.Report.byClass(rows).forEach((c, e) -> System.out.printf(Locale.ROOT,
                "  %-30s decode %5.1f %%  prefill %5.1f %%  (target <= 35 %%)%n", c, e[0] * 100, e[1] * 100));
    }

    private static String percent(Double error) {
        return error == null ? "-" : String.format(Locale.ROOT, "%.0f%%", error * 100);
    }
}
