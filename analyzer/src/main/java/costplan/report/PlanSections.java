package costplan.report;

import costplan.plan.OptionPlan;
import costplan.plan.Money;
import costplan.plan.PlanResult;
import costplan.speed.SpeedModel;
import costplan.workload.WorkloadSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the plan section of a report from a plan. */
public final class PlanSections {
    /** Devices whose best option is drawn in the charts (the tables list every option). */
    static final int CHARTED = 4;
    /** Options in the first table, under the verdict; the rest are behind a disclosure. */
    static final int TOP = 3;

    private PlanSections() {
    }

    public static PlanSection of(PlanResult plan, SpeedModel speeds, String command) {
        // One option per device: two models rented on the same device cost the same, and one line would hide the other.
        List<OptionPlan> charted = bestPerDevice(plan.options().stream().filter(OptionPlan::feasible).toList());
        if (charted.isEmpty()) charted = bestPerDevice(plan.options());
        OptionPlan best = plan.options().stream().filter(OptionPlan::feasible).findFirst().orElse(null);
        // Payback needs a purchase: the verdict's option when it is bought, else the best bought option that keeps up.
        OptionPlan bought = plan.options().stream().filter(o -> o.feasible() && !o.option().device().rented()).findFirst().orElse(null);
        WorkloadSummary w = WorkloadSummary.of(plan.trace(), plan.activity());
        List<KeyFigure> figures = List.of(
                new KeyFigure("Baseline", Money.usd(plan.baseline().monthlyUsd()) + "/month", plan.baseline().describe()),
                new KeyFigure("Active days", plan.calendar().activeDays() + " of " + plan.calendar().spanDays(), plan.calendar().describe()),
                new KeyFigure("Requests per active hour", String.format(Locale.ROOT, "%,.0f", w.requestsPerActiveHour()),
                        String.format(Locale.ROOT, "%,.0f tokens; %.1f active hours", w.tokensPerActiveHour(), w.activeHours())),
                new KeyFigure("Sessions at once", Integer.toString(plan.activity().peakParallelSessions()),
                        plan.activity().describe()),
                new KeyFigure("Prompt size", String.format(Locale.ROOT, "%,d tokens", w.promptP50()),
                        String.format(Locale.ROOT, "median; P90 %,d, P99 %,d", w.promptP90(), w.promptP99())),
                new KeyFigure("Options compared", Integer.toString(plan.options().size()),
                        plan.options().stream().filter(OptionPlan::feasible).count() + " keep up"));
        List<PlanSection.OptionRow> rows = new ArrayList<>();
        for (OptionPlan o : plan.options()) rows.add(row(o, plan));
        int top = Math.min(TOP, rows.size());
        return new PlanSection("plan", "Which machine, and when it pays back", figures, rows.subList(0, top),
                rows.subList(top, rows.size()),
                charted.isEmpty() ? null : PlanCharts.cumulativeCost(plan, charted),
                charted.isEmpty() ? null : PlanCharts.crossover(plan, charted), charted.isEmpty() ? null : PlanCharts.memory(charted),
                best == null ? null : PlanCharts.speed(best, speeds),
                bought == null ? null : PlanCharts.paybackHistogram(bought, best == bought ? null : best),
                bought == null || bought.sensitivity().isEmpty() ? null : PlanCharts.tornado(bought),
                PlanCharts.savingsAgainstQuality(plan), assumptions(plan), command);
    }

    /** Returns the first option of each device, for the first {@link #CHARTED} devices, in the plan's order. */
    private static List<OptionPlan> bestPerDevice(List<OptionPlan> options) {
        java.util.Set<String> devices = new java.util.HashSet<>();
        return options.stream().filter(o -> devices.add(o.option().device().id())).limit(CHARTED).toList();
    }

    private static PlanSection.OptionRow row(OptionPlan o, PlanResult plan) {
        var r = o.replay();
        var p = o.paybackMonths();
        String payback = !o.feasible() ? "-" : o.option().device().rented() ? "rented" : Money.months(p.p50());
        String range = !o.feasible() ? "does not keep up" : o.option().device().rented() ? "no purchase"
                : (Double.isFinite(p.p90()) ? Money.months(p.p10()).replace(" months", "") : Money.months(p.p10()))
                        + " to " + Money.months(p.p90());
        return new PlanSection.OptionRow(o.option().device().id(), o.option().model().toString(),
                o.option().engine().id() + ", " + o.option().policy().id() + " cache, " + o.option().slots() + (o.option().slots() == 1 ? " slot" : " slots")
                        + "; coding score " + quality(o)
                        + (o.fallback() ? "; fallback: keeps " + plan.baseline().name() + " for the work within its limits" : ""),
                o.feasible() ? "yes" : "no", String.format(Locale.ROOT, "%.2f×", r.slowdown()),
                String.format(Locale.ROOT, "%.1f s / %.1f s", r.latencyP50Seconds(), r.latencyP95Seconds()),
                ReportFormats.percent(o.localShare()), String.format(Locale.ROOT, "%.1f", o.expected().busyHoursPerDay()),
                Money.usd(o.expected().nowMonthlyCostUsd()), Money.usd(plan.monthlySavingsNowUsd(o)), payback,
                range, o.infeasibleReason() == null ? "" : o.infeasibleReason());
    }

    /** "73.4, can do 62 % of your requests, tool calls: none known" */
    private static String quality(OptionPlan o) {
        var q = o.quality();
        return costplan.whatif.PlanTables.score(q) + ", can do " + ReportFormats.percent(o.capableShare()) + " of your requests, tool calls: "
                + q.toolCallingRisk().id().replace('-', ' ');
    }

    private static List<KeyFigure> assumptions(PlanResult plan) {
        var a = plan.assumptions();
        return List.of(
                new KeyFigure("Ways to pay for the same work", plan.baseline().name(), plan.baselinesCompared()
                        + "; the cheapest that fits is the baseline unless --baseline names one (limits: an estimate)"),
                new KeyFigure("Electricity", "$" + a.electricityUsdPerKwh() + "/kWh", "most likely (sampled range); EIA 2025 US residential average"),
                new KeyFigure("Usage growth", a.growthPerMonth() + " per month", "most likely (sampled range)"),
                new KeyFigure("Resale value", a.resaleScale() + " × the catalog's estimate", "sampled"),
                new KeyFigure("Work the local model can do", a.localCapableShare() == null ? "from coding scores" : a.localCapableShare().toString(),
                        a.localCapableShare() == null ? "per cloud model: min(1, local / cloud score on a shared harness), SWE-bench Verified; the rest stays in the cloud"
                                : "share of requests (--local-capable); the rest stays in the cloud"),
                new KeyFigure("Machine kept", a.lifeMonths() + " months", "then sold at its resale value"),
                new KeyFigure("Keeping up", "at most " + a.maxSlowdown() + "× as long a working day", "and at least half of the requests answered locally"),
                new KeyFigure("Cloud speed", plan.trace().cloudSpeed().toString(), "used to recover the time between your requests"),
                new KeyFigure("Engine buffers", "1 GiB + 2 % of the weights", "estimate"),
                new KeyFigure("Samples", String.format(Locale.ROOT, "%,d, seed %d", plan.samples(), plan.seed()),
                        "the same seed gives the same plan"));
    }
}
