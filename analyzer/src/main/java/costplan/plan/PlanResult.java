package costplan.plan;

import costplan.ledger.SessionActivity;
import costplan.workload.WorkCalendar;
import costplan.workload.Trace;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/**
 * A whole plan: what the person would pay without a machine (the baseline, and every candidate baseline), every
 * option ranked (the ones that keep up first), the verdict sentence, the calendar the months were projected with,
 * and what it assumed.
 *
 * @param activity the sessions of the trace, how many ran at once and for how long
 * @param calendar the logs' span and active days, which every monthly figure is projected with
 * @param baselines every candidate baseline (pay-as-you-go and the Claude plans), with their limits estimates
 * @param apiUsdPerMonth API-equivalent cost of the trace per month
 * @param uptime when rented and owned machines run
 */
public record PlanResult(Trace trace, SessionActivity activity, WorkCalendar calendar, Baseline baseline,
                         List<Baseline> baselines, double apiUsdPerMonth, Assumptions assumptions, Uptime uptime,
                         List<OptionPlan> options, List<String> devicesWithoutOption, int samples, long seed) {

    public PlanResult {
        options = List.copyOf(options);
        baselines = List.copyOf(baselines);
        devicesWithoutOption = List.copyOf(devicesWithoutOption);
    }

    /**
     * The baseline's monthly cost less the option's at the most likely inputs, both in cents: what the option saves
     * now, before any growth.
     */
    public double monthlySavingsNowUsd(OptionPlan o) {
        return (Math.round(baseline.monthlyUsd() * 100) - Math.round(o.expected().nowMonthlyCostUsd() * 100)) / 100.0;
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

    /**
     * Every way of paying for the same work, with its monthly cost and how many weeks fit its limits: "API
     * pay-as-you-go $256; Claude Pro $133 (fits its limits in 0 of 4 weeks); ...".
     */
    public String baselinesCompared() {
        return String.join("; ", baselines.stream().map(b -> b.name() + " " + Money.usd(b.monthlyUsd())
                + (b.id().equals(Baseline.API) ? "" : " (fits its limits in " + (b.weeks() - b.weeksOverLimit()) + " of "
                + b.weeks() + (b.weeks() == 1 ? " week)" : " weeks)"))).toList());
    }

    /** The answer: what the person would pay today, then what to do, with its range. */
    public String verdict() {
        String today = baseline.describe() + ".";
        OptionPlan best = options.stream().filter(OptionPlan::feasible).findFirst().orElse(null);
        return today + " " + decision(best);
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

    /** The decision in one sentence, with its range; "it" is the baseline named before it. */
    private String decision(OptionPlan best) {
        if (best == null) {
            String why = options.isEmpty() ? "no device tried holds a model good enough for agentic coding (see --quality-floor) "
                    + "with room for the KV caches of your parallel sessions"
                    : "no option keeps up (best: " + options.get(0).option().device().id() + ", " + options.get(0).infeasibleReason() + ")";
            return "Stay on it: " + why + ".";
        }
        String what = best.option().device().id() + " with " + best.option().model() + " (" + best.option().engine().id()
                + ", " + best.option().policy().id() + " cache)";
        double now = monthlySavingsNowUsd(best);
        OptionPlan.Percentiles life = best.monthlySavingsUsd();
        String lifeRange = "average over " + assumptions.lifeMonths() + " months with growth, P10-P90: "
                + Money.usdRange(life.p10(), life.p90());
        // A fallback keeps the subscription ("it") and serves only the work over its limits (seed 000's advice).
        boolean keep = best.fallback();
        if (keep) what += " for the work over its limits";
        if (best.option().device().rented()) {
            String mode = best.expected().rentalMode().id();
            if (now <= 0)
                return "Stay on it: " + (keep ? "keeping it and renting " : "renting ") + what + " " + mode
                        + " would cost " + Money.usd(-now) + "/month more.";
            if (life.p10() <= 0)
                return recommending((keep ? "Keeping it and renting " : "Renting ") + what + " " + mode + " saves "
                        + Money.usd(now) + "/month now but may cost more (" + lifeRange + ").", best);
            return recommending((keep ? "Keep it and rent " : "Rent ") + what + " " + mode + ": saves " + Money.usd(now)
                    + "/month now (" + lifeRange + ").", best);
        }
        OptionPlan.Percentiles payback = best.paybackMonths();
        if (Double.isInfinite(payback.p50()) || payback.p50() > assumptions.lifeMonths())
            return "Stay on it: the best machine that keeps up, " + what + ", does not pay back within "
                    + assumptions.lifeMonths() + " months.";
        return recommending((keep ? "Keep it and buy " : "Buy ") + what + ": saves " + Money.usd(now)
                + "/month now and pays back in " + Money.monthsWithRange(payback.p50(), payback.p10(), payback.p90()) + ".", best);
    }

    /** A recommendation of {@code option}, followed by what it gives up; staying on the baseline gives up nothing. */
    private String recommending(String decision, OptionPlan option) {
        return decision + " " + tradeOff(option, assumptions.localCapableShare() != null);
    }

    /**
     * Returns the options as a Tablesaw table, ranked as in {@link #options()}: device, model, engine, cache policy,
     * slots, whether it keeps up, the slowdown of a working day, the local share of requests, the monthly cost and
     * savings now at the most likely inputs, the median of the monthly savings averaged over the life and payback in months (NaN for a rental or when it never pays back).
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
                DoubleColumn.create("monthlyUsd", options.stream().mapToDouble(o -> rounded(o.expected().nowMonthlyCostUsd(), 2)).toArray()),
                DoubleColumn.create("savingsNowUsd", options.stream().mapToDouble(this::monthlySavingsNowUsd).toArray()),
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

}
