package costplan.plan;

import costplan.ledger.SessionActivity;
import costplan.workload.Trace;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/**
 * A whole plan: the person's baseline, every option ranked (the ones that keep up first), the verdict sentence,
 * and what it assumed.
 *
 * @param activity the sessions of the trace, how many ran at once and for how long
 * @param apiUsdPerMonth API-equivalent cost of the trace per month
 */
public record PlanResult(Trace trace, SessionActivity activity, Baseline baseline, double apiUsdPerMonth, Assumptions assumptions,
                         List<OptionPlan> options, List<String> devicesWithoutOption, int samples, long seed) {

    public PlanResult {
        options = List.copyOf(options);
        devicesWithoutOption = List.copyOf(devicesWithoutOption);
    }

    /** Fewer requests than this cannot show whether a machine keeps up: a plan of them is labelled indicative. */
    public static final int FEW_REQUESTS = 10;

    /** Returns what limits how far the plan can be trusted, or empty when nothing does. */
    public java.util.Optional<String> caveat() {
        int requests = trace.requests().size();
        if (requests >= FEW_REQUESTS) return java.util.Optional.empty();
        return java.util.Optional.of(String.format(Locale.ROOT, "only %d request%s: fewer than %d cannot show whether a "
                + "machine keeps up, so this plan is indicative only", requests, requests == 1 ? "" : "s", FEW_REQUESTS));
    }

    /** The answer in one sentence, with its range. */
    public String verdict() {
        OptionPlan best = options.stream().filter(OptionPlan::feasible).findFirst().orElse(null);
        String decision = decision(best);
        // A recommendation says what it gives up; staying on the baseline gives up nothing.
        return best == null || decision.startsWith("Stay on") ? decision
                : decision + " " + tradeOff(best, assumptions.localCapableShare() != null);
    }

    /**
     * What the option gives up: "It takes over an estimated 62 % of your requests: glm-4.7 scores 73.4 against your
     * claude-opus-4-5's 76.6 on openhands-index (SWE-bench Verified)."
     */
    static String tradeOff(OptionPlan option, boolean shareSetByYou) {
        QualityEstimate q = option.quality();
        String share = String.format(Locale.ROOT, shareSetByYou ? "It takes over %.0f %% of your requests, the share you set"
                : "It takes over an estimated %.0f %% of your requests", option.capableShare() * 100);
        QualityEstimate.CloudModelShare main = q.mainCloudModel();
        String model = option.option().model().model().id();
        if (main == null || main.cloudScore() == null || main.localScore() == null)
            return share + (q.localScore() == null ? ": " + model + " has no coding score (quality unknown)." : ".");
        return String.format(Locale.ROOT, "%s: %s scores %s%.1f against your %s's %.1f on %s (SWE-bench Verified)%s.", share, model,
                q.known() ? "" : "an estimated ", main.localScore(), main.model(), main.cloudScore(), main.harness(),
                q.toolCallingRisk() == costplan.catalog.ToolCallingRisk.KNOWN_ISSUES ? "; its tool calling has known problems on "
                        + option.option().engine().id() : "");
    }

    /** The decision in one sentence, with its range. */
    private String decision(OptionPlan best) {
        String against = baseline.name() + " at " + usd(baseline.monthlyUsd()) + "/month";
        if (best == null) {
            String why = options.isEmpty() ? "no device tried holds a model good enough for agentic coding (see --quality-floor) "
                    + "with room for the KV caches of your parallel sessions"
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

    /**
     * Returns the options as a Tablesaw table, ranked as in {@link #options()}: device, model, engine, cache policy,
     * slots, whether it keeps up, the slowdown of a working day, the local share of requests, the expected monthly
     * cost, the median monthly savings and payback in months (NaN for a rental or when it never pays back).
     */
    public Table optionsTable() {
        Table t = Table.create("options");
        t.addColumns(StringColumn.create("device", options.stream().map(o -> o.option().device().id()).toList()),
                StringColumn.create("model", options.stream().map(o -> o.option().model().toString()).toList()),
                StringColumn.create("engine", options.stream().map(o -> o.option().engine().id()).toList()),
                StringColumn.create("policy", options.stream().map(o -> o.option().policy().id()).toList()),
                IntColumn.create("slots", options.stream().mapToInt(o -> o.option().slots()).toArray()),
                DoubleColumn.create("score", options.stream().mapToDouble(o -> o.quality().localScore() == null ? Double.NaN
                        : rounded(o.quality().localScore(), 1)).toArray()),
                DoubleColumn.create("capableShare", options.stream().mapToDouble(o -> rounded(o.capableShare(), 3)).toArray()),
                BooleanColumn.create("keepsUp", options.stream().map(OptionPlan::feasible).toList()),
                DoubleColumn.create("slowdown", options.stream().mapToDouble(o -> rounded(o.replay().slowdown(), 2)).toArray()),
                DoubleColumn.create("localShare", options.stream().mapToDouble(o -> rounded(o.localShare(), 3)).toArray()),
                DoubleColumn.create("monthlyUsd", options.stream().mapToDouble(o -> rounded(o.expected().averageMonthlyCostUsd(), 2)).toArray()),
                DoubleColumn.create("savingsP50Usd", options.stream().mapToDouble(o -> rounded(o.monthlySavingsUsd().p50(), 2)).toArray()),
                DoubleColumn.create("paybackP50Months", options.stream().mapToDouble(o ->
                        o.option().device().rented() || Double.isInfinite(o.paybackMonths().p50()) ? Double.NaN
                                : rounded(o.paybackMonths().p50(), 1)).toArray()));
        return t;
    }

    /** Rounds for the table a person reads; the plan keeps the exact figures. */
    private static double rounded(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The verdict and the options table: what JShell prints. */
    @Override
    public String toString() {
        return verdict() + "\n" + caveat().map(c -> "Note: " + c + ".\n").orElse("") + optionsTable().printAll();
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
