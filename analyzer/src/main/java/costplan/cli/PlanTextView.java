package costplan.cli;

import costplan.internal.TextTable;
import costplan.plan.OptionPlan;
import costplan.plan.Money;
import costplan.plan.PlanResult;
import costplan.plan.QualityEstimate;
import costplan.whatif.PlanTables;
import costplan.replay.ReplayResult;
import costplan.speed.SpeedFactors;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The plan as terminal text: the verdict, the ranked options, what moves the payback, and the assumptions. */
final class PlanTextView {
    private static final int MAX_ROWS = 20;

    private PlanTextView() {
    }

    static void print(PlanResult plan, PrintWriter out) {
        if (plan.trace().origin().estimated()) out.println("Trace: " + plan.trace().origin().description() + ".");
        out.println(plan.verdict());
        out.println();
        var trace = plan.trace();
        out.printf(Locale.ROOT, "Your workload: %,d requests; %s a month at API prices.%n", trace.requests().size(),
                Money.usd(plan.apiUsdPerMonth()));
        out.println("Calendar: " + plan.calendar().describe() + ".");
        out.printf(Locale.ROOT, "Sessions: %s.%n", plan.activity().describe());
        var w = costplan.workload.WorkloadSummary.of(trace, plan.activity());
        out.printf(Locale.ROOT, "Per active hour (%.1f hours): %,.0f requests, %,.0f tokens; "
                        + "prompts P50 %,d, P90 %,d, P99 %,d tokens.%n", w.activeHours(), w.requestsPerActiveHour(),
                w.tokensPerActiveHour(), w.promptP50(), w.promptP90(), w.promptP99());
        out.printf(Locale.ROOT, "Baseline: %s, %s a month (%s).%n", plan.baseline().name(), Money.usd(plan.baseline().monthlyUsd()),
                plan.baseline().detail());
        out.println("Baselines compared: " + plan.baselinesCompared() + ".");
        out.println();
        TextTable table = new TextTable("device", "model", "engine / cache / slots", ">score", ">can do", "tool calls", "keeps up",
                ">slowdown", ">local", ">busy h/day", ">$/month", ">saves/month now", ">life avg saving P50",
                ">payback P50 (P10-P90)", ">pays back in life");
        List<OptionPlan> shown = plan.options().stream().limit(MAX_ROWS).toList();
        for (OptionPlan o : shown) {
            ReplayResult r = o.replay();
            table.row(o.option().device().id() + (o.fallback() ? " (fallback)" : ""), o.option().model().toString(),
                    o.option().engine().id() + " / " + o.option().policy().id() + " / " + o.option().slots(),
                    PlanTables.score(o.quality()), Formats.percent(o.capableShare()), o.quality().toolCallingRisk().id(),
                    o.feasible() ? "yes" : "no", String.format(Locale.ROOT, "%.2fx", r.slowdown()),
                    Formats.percent(o.localShare()), String.format(Locale.ROOT, "%.1f", o.expected().busyHoursPerDay()),
                    Money.usd(o.expected().nowMonthlyCostUsd()), Money.usd(plan.monthlySavingsNowUsd(o)),
                    Money.usd(o.monthlySavingsUsd().p50()), payback(o),
                    o.option().device().rented() ? "-" : Formats.percent(o.paybackWithinLifeProbability()));
        }
        table.print(out);
        if (shown.stream().anyMatch(OptionPlan::fallback))
            out.println("(fallback): you keep " + plan.baseline().name() + " and the machine serves only the work over its limits "
                    + "(its extra usage at API prices is what it saves).");
        if (plan.options().size() > shown.size())
            out.printf(Locale.ROOT, "(%d more options; --json lists them all)%n", plan.options().size() - shown.size());
        for (OptionPlan o : shown)
            if (!o.feasible()) out.println("  " + o.option().device().id() + " / " + o.option().model() + ": " + o.infeasibleReason());
        plan.options().stream().filter(OptionPlan::feasible).findFirst().ifPresent(best -> details(best, out));
        if (!plan.devicesWithoutOption().isEmpty())
            out.println("\nNo model above the quality floor (--quality-floor) fits with room for the KV caches on: "
                    + String.join(", ", plan.devicesWithoutOption()));
        assumptions(plan, out);
    }

    private static String payback(OptionPlan o) {
        if (o.option().device().rented()) return "rented";
        if (!o.feasible()) return "-";
        var p = o.paybackMonths();
        return Money.monthsWithRange(p.p50(), p.p10(), p.p90());
    }

    private static void details(OptionPlan best, PrintWriter out) {
        ReplayResult r = best.replay();
        out.printf(Locale.ROOT, "%nBest option, %s: latency P50 %.1f s, P95 %.1f s; prefilled %,d tokens (%,d reloaded from disk); "
                        + "memory high-water %.1f GB of %.1f GB usable.%n", best.option().label(), r.latencyP50Seconds(),
                r.latencyP95Seconds(), r.prefilledTokens(), r.reloadedTokens(), r.memoryHighWaterBytes() / 1e9,
                best.option().device().usableBytes() / 1e9);
        out.println("Speed factors: " + SpeedFactors.of(best.option().engine(), best.option().device()).describe() + ".");
        out.println("Which requests it can take over (SWE-bench Verified, % resolved; share = min(1, local / cloud score)):");
        TextTable shares = new TextTable("cloud model", ">requests", ">cloud score", ">local score", "harness", ">can do", "basis");
        for (QualityEstimate.CloudModelShare c : best.quality().byCloudModel())
            shares.row(c.model(), Formats.count(c.requests()), c.cloudScore() == null ? "-" : String.format(Locale.ROOT, "%.1f", c.cloudScore()),
                    c.localScore() == null ? "-" : String.format(Locale.ROOT, "%.1f", c.localScore()), c.harness() == null ? "-" : c.harness(),
                    Formats.percent(c.capableShare()), c.basis());
        shares.print(out);
        var tokenizer = best.quality().tokenizer();
        out.printf(Locale.ROOT, "Its tokenizer cuts a Claude token into %.2f tokens (%.2f to %.2f%s), which scales the replayed work.%n",
                tokenizer.tokensPerClaudeToken(), tokenizer.range().low(), tokenizer.range().high(), tokenizer.estimate() ? ", an estimate" : "");
        var e = best.expected();
        if (e.rentalMode() != null)
            out.printf(Locale.ROOT, "First month, rented %s: rental %s, start-ups %s, storage %s, requests still sent to the cloud %s.%n",
                    e.rentalMode().id(), Money.usd(e.firstMonthRentalUsd()), Money.usd(e.firstMonthStartupsUsd()),
                    Money.usd(e.firstMonthStorageUsd()), Money.usd(e.firstMonthCloudUsd()));
        else
            out.printf(Locale.ROOT, "First month: electricity %s (%,.0f kWh), requests still sent to the cloud %s; "
                            + "machine less resale over its life %s a month.%n", Money.usd(e.firstMonthElectricityUsd()),
                    e.energyKwhPerMonth(), Money.usd(e.firstMonthCloudUsd()), Money.usd(e.depreciationPerMonthUsd()));
        if (!Double.isNaN(best.crossoverTokensPerMonth()))
            out.printf(Locale.ROOT, "It costs as much as pay-as-you-go at %,.0f tokens a month of your mix.%n", best.crossoverTokensPerMonth());
        if (!r.fallbacks().isEmpty()) {
            out.print("Sent to the cloud:");
            r.fallbacks().forEach((reason, n) -> out.printf(Locale.ROOT, " %s %,d;", reason, n));
            out.println();
        }
        if (best.sensitivity().isEmpty()) return;
        boolean rented = best.option().device().rented();
        out.println("\nWhat moves the " + (rented ? "monthly savings" : "payback") + " most (each input at its low and high, "
                + "the others at their most likely):");
        String figure = rented ? ">saved/month" : ">payback";
        TextTable table = new TextTable("input", ">low", figure, ">high", figure + " ");
        for (OptionPlan.Sensitivity s : best.sensitivity())
            table.row(s.input(), s.lowValue(), rented ? Money.usd(s.savingsAtLow()) : Money.months(s.paybackAtLow()),
                    s.highValue(), rented ? Money.usd(s.savingsAtHigh()) : Money.months(s.paybackAtHigh()));
        table.print(out);
    }

    /** What the plan assumed of the share of the work a local model can do. */
    static String capable(costplan.plan.Assumptions a) {
        return a.localCapableShare() != null ? a.localCapableShare() + " of the work (--local-capable)"
                : "the share its coding score allows (per cloud model: min(1, local / cloud score on a shared harness), "
                + "the rest stays in the cloud; logged token counts scaled by each model's tokens per Claude token)";
    }

    private static void assumptions(PlanResult plan, PrintWriter out) {
        var a = plan.assumptions();
        out.printf(Locale.ROOT, "%nAssumptions (most likely, with the sampled range): electricity $%s/kWh; usage growth %s a month; "
                        + "resale %s x the catalog's estimate; the local model can do %s; machines kept %d months; "
                        + "keeping up means a working day at most %.1fx as long. Cloud speed: %s. "
                        + "Engine buffers: 1 GiB + 2 %% of the weights (estimate). %s %,d samples, seed %d. "
                        + "'Now' is the first month at the most likely inputs; 'life avg' averages the machine's life with growth.%n",
                a.electricityUsdPerKwh(), a.growthPerMonth(), a.resaleScale(), capable(a), a.lifeMonths(),
                a.maxSlowdown(), plan.trace().cloudSpeed(), uptime(plan.uptime()), plan.samples(), plan.seed());
    }

    /** The uptime in words, for the assumptions. */
    static String uptime(costplan.plan.Uptime u) {
        return String.format(Locale.ROOT, "Rented machines: %s; on demand, each stretch of work is billed from a 15-minute "
                        + "start-up (estimate) to %.0f minutes after its last answer, at the provider's billing unit, plus storage "
                        + "for the model files. Owned machines: on %s.", u.rentalMode() == null ? "the cheaper of on-demand and always-on"
                        : u.rentalMode().id(), u.rentalIdleGap().toSeconds() / 60.0,
                u.ownedAlwaysOn() ? "all the time (idle power outside work)" : "during working hours only, off otherwise");
    }
}
