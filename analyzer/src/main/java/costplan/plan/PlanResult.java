package costplan.plan;

import costplan.workload.Trace;

import java.util.List;
import java.util.Locale;

/**
 * A whole plan: the person's baseline, every option ranked (the ones that keep up first), the verdict sentence,
 * and what it assumed.
 *
 * @param apiUsdPerMonth API-equivalent cost of the trace per month
 */
public record PlanResult(Trace trace, Baseline baseline, double apiUsdPerMonth, Assumptions assumptions,
                         List<OptionPlan> options, List<String> devicesWithoutOption, int samples, long seed) {

    public PlanResult {
        options = List.copyOf(options);
        devicesWithoutOption = List.copyOf(devicesWithoutOption);
    }

    /** The answer in one sentence, with its range. */
    public String verdict() {
        OptionPlan best = options.stream().filter(OptionPlan::feasible).findFirst().orElse(null);
        String against = baseline.name() + " at " + usd(baseline.monthlyUsd()) + "/month";
        if (best == null) {
            String why = options.isEmpty() ? "no device in the catalog holds a capable model with room for the KV caches"
                    : "no option keeps up (best: " + options.get(0).option().device().id() + ", " + options.get(0).infeasibleReason() + ")";
            return "Stay on " + against + ": " + why + ".";
        }
        String what = best.option().device().id() + " with " + best.option().model() + " (" + best.option().engine().id()
                + ", " + best.option().policy().id() + " cache)";
        OptionPlan.Percentiles savings = best.monthlySavingsUsd();
        if (best.option().device().rented()) {
            if (savings.p50() <= 0) return "Stay on " + against + ": renting " + what + " would cost more.";
            if (savings.p10() <= 0)
                return "Stay on " + against + ": renting " + what + " saves " + usd(savings.p50()) + "/month at best guess but may cost more (P10 "
                        + usd(savings.p10()) + ").";
            return String.format(Locale.ROOT, "Rent %s: saves %s/month (P10-P90 %s to %s) against %s.",
                    what, usd(savings.p50()), usd(savings.p10()), usd(savings.p90()), against);
        }
        OptionPlan.Percentiles payback = best.paybackMonths();
        if (Double.isInfinite(payback.p50()) || payback.p50() > assumptions.lifeMonths())
            return "Stay on " + against + ": the best machine that keeps up, " + what + ", does not pay back within "
                    + assumptions.lifeMonths() + " months.";
        return String.format(Locale.ROOT, "Buy %s: pays back in %s (P10-P90 %s to %s) against %s.", what,
                months(payback.p50()), months(payback.p10()), months(payback.p90()), against);
    }

    /** The verdict and one line per option: what JShell prints. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(verdict()).append('\n');
        for (OptionPlan o : options)
            text.append(String.format(Locale.ROOT, "  %-28s %-28s %-9s slowdown %5.2fx  %s/month  payback %s%n",
                    o.option().device().id(), o.option().model(), o.feasible() ? "keeps up" : "too slow", o.replay().slowdown(),
                    usd(o.expected().averageMonthlyCostUsd()), o.option().device().rented() ? "-" : months(o.paybackMonths().p50())));
        return text.toString();
    }

    /** "$1,234" or "-$56". */
    public static String usd(double amount) {
        return (amount < 0 ? "-" : "") + String.format(Locale.ROOT, "$%,.0f", Math.abs(amount));
    }

    /** "3.2 months", "2.4 weeks", or "never". */
    public static String months(double months) {
        if (Double.isInfinite(months)) return "never";
        if (months < 1) return String.format(Locale.ROOT, "%.1f weeks", months * 52.0 / 12);
        return String.format(Locale.ROOT, "%.1f months", months);
    }
}
