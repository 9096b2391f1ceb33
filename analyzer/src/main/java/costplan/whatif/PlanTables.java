package costplan.whatif;

import costplan.internal.TextTable;
import costplan.plan.OptionLabels;
import costplan.plan.OptionPlan;
import costplan.plan.Money;
import costplan.plan.PlanResult;

import java.util.List;
import java.util.Locale;

/** A plan as a small text table: each option, whether it keeps up, its monthly cost, savings and payback. */
public final class PlanTables {
    private PlanTables() {
    }

    /** Returns the verdict and the options table of {@code plan}. */
    public static String of(PlanResult plan) {
        TextTable table = new TextTable("option", ">score", ">can do", "keeps up", ">slowdown", ">local", ">$/month",
                ">saves/month now", ">life avg saving P50", ">payback P50 (P10-P90)");
        List<String> labels = OptionLabels.ofPlans(plan.options());
        for (int i = 0; i < labels.size(); i++) {
            OptionPlan o = plan.options().get(i);
            table.row(labels.get(i), score(o.quality()),
                    String.format(Locale.ROOT, "%.0f %%", o.capableShare() * 100), o.feasible() ? "yes" : "no",
                    String.format(Locale.ROOT, "%.2fx", o.replay().slowdown()),
                    String.format(Locale.ROOT, "%.0f %%", o.localShare() * 100),
                    Money.usd(o.expected().nowMonthlyCostUsd()), Money.usd(plan.monthlySavingsNowUsd(o)),
                    Money.usd(o.monthlySavingsUsd().p50()), payback(o));
        }
        StringBuilder text = new StringBuilder(plan.verdict()).append('\n');
        if (!plan.options().isEmpty()) text.append(table);
        if (!plan.devicesWithoutOption().isEmpty())
            text.append("Does not fit with room for the KV caches: ").append(String.join(", ", plan.devicesWithoutOption())).append('\n');
        return text.toString();
    }

    /** The local model's coding score: "73.4", "~52 est." for an estimate, or "unknown". */
    public static String score(costplan.plan.QualityEstimate q) {
        if (q.localScore() == null) return "unknown";
        return q.known() ? String.format(Locale.ROOT, "%.1f", q.localScore()) : String.format(Locale.ROOT, "~%.0f est.", q.localScore());
    }

    /** Returns "3.2 months (2.1 months to 5.0 months)", "rented" or "-" for an option that does not keep up. */
    public static String payback(OptionPlan o) {
        if (o.option().device().rented()) return "rented";
        if (!o.feasible()) return "-";
        var p = o.paybackMonths();
        return Money.monthsWithRange(p.p50(), p.p10(), p.p90());
    }
}
