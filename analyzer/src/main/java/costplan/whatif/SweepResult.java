package costplan.whatif;

import costplan.internal.TextTable;
import costplan.plan.Money;
import costplan.plan.PlanResult;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/**
 * A sweep's answer: each option's money at each value of the swept number, against the scenario's first baseline.
 * Prints as a table.
 *
 * @param baseline the name of the baseline compared with
 * @param points one per value and option, in sweep order
 */
public record SweepResult(Sweep sweep, String baseline, List<Point> points) {
    public SweepResult {
        points = List.copyOf(points);
    }

    /**
     * One option at one value, at the most likely value of every other input (the savings and payback are the
     * Monte Carlo P50s).
     *
     * @param monthlyCostUsd the option's average monthly cost over the machine's life
     * @param baselineMonthlyUsd the baseline's average monthly cost over the same months
     * @param paybackMonthsP50 infinite when it never pays back or does not keep up
     */
    public record Point(double value, String option, boolean feasible, double monthlyCostUsd, double baselineMonthlyUsd,
                        double savingsP50Usd, double paybackMonthsP50, boolean rented) {
    }

    /** The options swept, in the order first met. */
    public List<String> options() {
        return points.stream().map(Point::option).distinct().toList();
    }

    /** The points of one option, in sweep order. */
    public List<Point> pointsOf(String option) {
        return points.stream().filter(p -> p.option().equals(option)).toList();
    }

    /** Formats a swept value: whole numbers grouped, fractions to three significant digits. */
    public static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * Returns the points as a Tablesaw table: the swept value, the option, whether it keeps up, its monthly cost, the
     * baseline's, the P50 savings and payback in months (NaN for a rental or when it never pays back).
     */
    public Table table() {
        Table t = Table.create("sweep of " + sweep.parameter());
        // The swept values are sums of steps (0.1 + 0.1 + 0.1 ...): twelve digits show them as they were meant.
        t.addColumns(DoubleColumn.create("value", points.stream().mapToDouble(p -> Double.parseDouble(
                        String.format(Locale.ROOT, "%.12g", p.value()))).toArray()),
                StringColumn.create("option", points.stream().map(Point::option).toList()),
                BooleanColumn.create("keepsUp", points.stream().map(Point::feasible).toList()),
                DoubleColumn.create("monthlyUsd", points.stream().mapToDouble(p -> cents(p.monthlyCostUsd())).toArray()),
                DoubleColumn.create("baselineMonthlyUsd", points.stream().mapToDouble(p -> cents(p.baselineMonthlyUsd())).toArray()),
                DoubleColumn.create("savingsP50Usd", points.stream().mapToDouble(p -> cents(p.savingsP50Usd())).toArray()),
                DoubleColumn.create("paybackP50Months", points.stream().mapToDouble(p -> p.rented() || Double.isInfinite(p.paybackMonthsP50())
                        ? Double.NaN : Math.round(p.paybackMonthsP50() * 10) / 10.0).toArray()));
        return t;
    }

    private static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    @Override
    public String toString() {
        TextTable table = new TextTable(">" + sweep.parameter(), "option", "keeps up", ">$/month", ">baseline $/month",
                ">life avg saving P50", ">payback P50");
        for (Point p : points)
            table.row(value(p.value()), p.option(), p.feasible() ? "yes" : "no", Money.usd(p.monthlyCostUsd()),
                    Money.usd(p.baselineMonthlyUsd()), Money.usd(p.savingsP50Usd()),
                    p.rented() ? "rented" : Money.months(p.paybackMonthsP50()));
        return "Sweep of " + sweep.parameter() + " against " + baseline + ":\n" + table;
    }
}
