package costplan.report;

import costplan.plan.OptionLabels;
import costplan.plan.OptionPlan;
import costplan.plan.Money;
import costplan.plan.PlanResult;
import costplan.whatif.PlanTables;
import costplan.whatif.SweepResult;
import costplan.whatif.WhatIfResult;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the report page of a what-if scenario.
 *
 * <pre>{@code
 * String html = new ReportRenderer().render(WhatIfReport.page(whatIf.run()));
 * }</pre>
 */
public final class WhatIfReport {
    private WhatIfReport() {
    }

    /** Returns the page: the first baseline's verdict as the summary, then the plans and the sweep. */
    public static ReportPage page(WhatIfResult result) {
        List<WhatIfSection.PlanBlock> plans = result.plans().stream().map(WhatIfReport::block).toList();
        SweepResult sweep = result.sweep();
        WhatIfSection section = new WhatIfSection(result.whatIf().question().strip(), result.whatIf().workload().toString(), plans,
                sweep == null ? null : sweep.sweep().parameter(), sweep == null ? null : chart(sweep),
                sweep == null ? List.of() : sweep.points().stream().map(p -> new WhatIfSection.SweepRow(SweepResult.value(p.value()),
                        p.option(), p.feasible() ? "yes" : "no", Money.usd(p.monthlyCostUsd()), Money.usd(p.baselineMonthlyUsd()),
                        Money.usd(p.savingsP50Usd()), p.rented() ? "rented" : Money.months(p.paybackMonthsP50()))).toList());
        return new ReportPage("What if: " + result.whatIf().name(), result.plan().verdict(),
                "Scenario " + result.whatIf().name() + "; " + result.whatIf().samples() + " Monte Carlo samples, seed "
                        + result.whatIf().seed() + ".", List.of(section));
    }

    private static WhatIfSection.PlanBlock block(PlanResult plan) {
        List<String> labels = OptionLabels.ofPlans(plan.options());
        List<WhatIfSection.OptionRow> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            OptionPlan o = plan.options().get(i);
            rows.add(new WhatIfSection.OptionRow(labels.get(i), o.feasible() ? "yes" : "no",
                    String.format(Locale.ROOT, "%.2fx", o.replay().slowdown()),
                    String.format(Locale.ROOT, "%.0f %%", o.replay().localShareOfRequests() * 100),
                    Money.usd(o.expected().nowMonthlyCostUsd()), Money.usd(plan.monthlySavingsNowUsd(o)),
                    PlanTables.payback(o)));
        }
        return new WhatIfSection.PlanBlock(String.format(Locale.ROOT, "%s ($%,.0f/month)", plan.baseline().name(),
                plan.baseline().monthlyUsd()), plan.verdict(), rows);
    }

    private static Chart chart(SweepResult sweep) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries baseline = new XYSeries(sweep.baseline());
        for (String option : sweep.options()) {
            XYSeries series = new XYSeries(option);
            for (SweepResult.Point p : sweep.pointsOf(option)) {
                series.add(p.value(), p.monthlyCostUsd());
                if (baseline.indexOf(p.value()) < 0) baseline.add(p.value(), p.baselineMonthlyUsd());
            }
            data.addSeries(series);
        }
        data.addSeries(baseline);
        JFreeChart chart = ChartFactory.createXYLineChart(null, sweep.sweep().parameter(), "US dollars per month", data,
                PlotOrientation.VERTICAL, true, false, false);
        return new Chart("sweep", "Monthly cost as " + sweep.sweep().parameter() + " changes",
                "Each option's average monthly cost over the machine's life (purchase less resale, electricity or rental, "
                        + "requests still sent to the cloud) beside the baseline's, at the most likely value of every other input.",
                SvgCharts.render(chart, "sweep", SvgCharts.WIDTH, SvgCharts.HEIGHT));
    }
}
