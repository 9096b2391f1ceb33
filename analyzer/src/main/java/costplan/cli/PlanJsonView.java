package costplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costplan.plan.OptionPlan;
import costplan.plan.PlanResult;
import costplan.plan.QualityEstimate;
import costplan.replay.ReplayResult;
import costplan.speed.SpeedFactors;

import java.io.PrintWriter;

/** The plan as JSON: {@code verdict}, {@code baseline}, {@code options[]} and what they assumed. */
final class PlanJsonView {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJsonView() {
    }

    static void print(PlanResult plan, PrintWriter out) {
        out.println(JSON.valueToTree(node(plan)).toPrettyString());
    }

    /** The plan's JSON object, as {@link #print} writes it. */
    static ObjectNode node(PlanResult plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", plan.verdict());
        plan.caveat().ifPresent(c -> root.put("caveat", c));
        root.set("baseline", baseline(plan.baseline()));
        var baselines = root.putArray("baselines");
        plan.baselines().forEach(b -> baselines.add(baseline(b)));
        ObjectNode trace = root.putObject("trace");
        var origin = plan.trace().origin();
        trace.put("kind", origin.kind());
        trace.put("estimated", origin.estimated());
        trace.put("description", origin.description());
        if (origin.estimated()) {
            trace.put("buckets", origin.buckets());
            trace.put("reportedRequests", origin.reportedRequests());
            trace.put("estimatedRequests", origin.estimatedRequests());
        }
        trace.put("requests", plan.trace().requests().size());
        trace.put("days", plan.trace().days());
        var calendar = plan.calendar();
        trace.put("spanDays", calendar.spanDays());
        trace.put("activeDays", calendar.activeDays());
        trace.put("activeDaysPerWeek", calendar.activeDaysPerWeek());
        trace.put("activeDaysPerMonth", calendar.activeDaysPerMonth());
        trace.put("activeHoursPerMonth", calendar.activeHoursPerMonth());
        trace.put("stretchesOfWork", calendar.stretchSeconds().size());
        trace.put("calendar", calendar.describe());
        trace.put("apiUsdPerMonth", plan.apiUsdPerMonth());
        trace.put("cloudSpeed", plan.trace().cloudSpeed().toString());
        var w = costplan.workload.WorkloadSummary.of(plan.trace(), plan.activity());
        trace.put("tokens", w.tokens());
        trace.put("activeHours", w.activeHours());
        trace.put("requestsPerActiveHour", w.requestsPerActiveHour());
        trace.put("tokensPerActiveHour", w.tokensPerActiveHour());
        trace.put("promptP50", w.promptP50());
        trace.put("promptP90", w.promptP90());
        trace.put("promptP99", w.promptP99());
        root.set("activity", ActivityJson.node(plan.activity()));
        var options = root.putArray("options");
        for (OptionPlan o : plan.options()) options.add(option(o, plan));
        var without = root.putArray("devicesWithoutOption");
        plan.devicesWithoutOption().forEach(without::add);
        ObjectNode assumptions = root.putObject("assumptions");
        var a = plan.assumptions();
        assumptions.putPOJO("electricityUsdPerKwh", a.electricityUsdPerKwh());
        assumptions.putPOJO("growthPerMonth", a.growthPerMonth());
        assumptions.putPOJO("resaleScale", a.resaleScale());
        if (a.localCapableShare() == null) assumptions.put("localCapableShare", "from coding scores, per option (see options[].quality)");
        else assumptions.putPOJO("localCapableShare", a.localCapableShare());
        assumptions.put("lifeMonths", a.lifeMonths());
        assumptions.put("maxSlowdown", a.maxSlowdown());
        assumptions.put("minLocalShare", a.minLocalShare());
        assumptions.put("rentalIdleMinutes", plan.uptime().rentalIdleGap().toSeconds() / 60.0);
        assumptions.put("rentalMode", plan.uptime().rentalMode() == null ? "cheaper" : plan.uptime().rentalMode().id());
        assumptions.put("ownedMachineOn", plan.uptime().ownedAlwaysOn() ? "always" : "working hours");
        assumptions.put("samples", plan.samples());
        assumptions.put("seed", plan.seed());
        return root;
    }

    private static ObjectNode baseline(costplan.plan.Baseline b) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", b.id());
        n.put("name", b.name());
        n.put("monthlyUsd", cents(b.monthlyUsd()));
        n.put("fitsLimits", b.fitsLimits());
        n.put("weeksOverLimit", b.weeksOverLimit());
        n.put("weeks", b.weeks());
        n.put("detail", b.detail());
        return n;
    }

    private static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    private static ObjectNode option(OptionPlan o, PlanResult plan) {
        ObjectNode n = JSON.createObjectNode();
        ReplayResult r = o.replay();
        n.put("device", o.option().device().id());
        n.put("kind", o.fallback() ? "fallback" : "replacement");
        n.put("model", o.option().model().toString());
        n.put("engine", o.option().engine().id());
        n.put("speedFactors", SpeedFactors.of(o.option().engine(), o.option().device()).describe());
        n.put("policy", o.option().policy().id());
        n.put("slots", o.option().slots());
        n.put("kvCacheType", o.option().kvType().id());
        n.set("quality", quality(o.quality()));
        n.put("feasible", o.feasible());
        if (o.infeasibleReason() != null) n.put("reason", o.infeasibleReason());
        n.put("slowdown", r.slowdown());
        n.put("localShare", o.localShare());
        n.put("replayLocalShare", r.localShareOfRequests());
        n.put("localTokenShare", r.localShareOfTokens());
        n.put("busyHoursPerDay", o.expected().busyHoursPerDay());
        n.put("utilisation", r.utilisation());
        n.put("latencyP50Seconds", r.latencyP50Seconds());
        n.put("latencyP95Seconds", r.latencyP95Seconds());
        n.put("prefilledTokens", r.prefilledTokens());
        n.put("reloadedTokens", r.reloadedTokens());
        n.put("memoryHighWaterBytes", r.memoryHighWaterBytes());
        n.put("usableBytes", o.option().device().usableBytes());
        n.putPOJO("fallbacks", r.fallbacks());
        n.put("monthlyUsd", cents(o.expected().nowMonthlyCostUsd()));
        n.put("monthlySavingsNowUsd", plan.monthlySavingsNowUsd(o));
        n.put("lifeAverageMonthlyUsd", o.expected().averageMonthlyCostUsd());
        if (o.expected().rentalMode() == null) n.putNull("rentalMode");
        else n.put("rentalMode", o.expected().rentalMode().id());
        ObjectNode month = n.putObject("firstMonth");
        month.put("electricityUsd", o.expected().firstMonthElectricityUsd());
        month.put("rentalUsd", o.expected().firstMonthRentalUsd());
        month.put("rentalStartupsUsd", o.expected().firstMonthStartupsUsd());
        month.put("storageUsd", o.expected().firstMonthStorageUsd());
        month.put("cloudUsd", o.expected().firstMonthCloudUsd());
        month.put("subscriptionUsd", o.expected().firstMonthSubscriptionUsd());
        n.put("depreciationPerMonthUsd", o.expected().depreciationPerMonthUsd());
        n.put("energyKwhPerMonth", o.expected().energyKwhPerMonth());
        months(n, "crossoverTokensPerMonth", o.crossoverTokensPerMonth());
        percentiles(n.putObject("lifeAverageMonthlySavingsUsd"), o.monthlySavingsUsd());
        if (o.option().device().rented()) {
            n.putNull("paybackMonths");
            n.put("paybackReason", "rented: there is no purchase to pay back");
        } else {
            percentiles(n.putObject("paybackMonths"), o.paybackMonths());
            n.put("paybackWithinLifeProbability", o.paybackWithinLifeProbability());
        }
        var sensitivity = n.putArray("sensitivity");
        for (OptionPlan.Sensitivity s : o.sensitivity()) {
            ObjectNode row = sensitivity.addObject();
            row.put("input", s.input());
            row.put("low", s.lowValue());
            row.put("high", s.highValue());
            months(row, "paybackMonthsAtLow", s.paybackAtLow());
            months(row, "paybackMonthsAtHigh", s.paybackAtHigh());
        }
        return n;
    }

    /** The quality object of the JSON contract: scores, the share per cloud model, the tool-calling risk. */
    private static ObjectNode quality(QualityEstimate q) {
        ObjectNode n = JSON.createObjectNode();
        n.put("benchmark", q.benchmark());
        n.put("harness", q.harness());
        if (q.localScore() == null) n.putNull("localScore");
        else n.put("localScore", q.localScore());
        n.put("localScoreBasis", q.localBasis());
        n.put("qualityKnown", q.known());
        var rows = n.putArray("byCloudModel");
        for (QualityEstimate.CloudModelShare c : q.byCloudModel()) {
            ObjectNode row = rows.addObject();
            row.put("model", c.model());
            if (c.cloudScore() == null) row.putNull("score");
            else row.put("score", c.cloudScore());
            if (c.localScore() == null) row.putNull("localScore");
            else row.put("localScore", c.localScore());
            row.put("harness", c.harness());
            row.put("requests", c.requests());
            row.put("capableShare", c.capableShare());
            row.put("basis", c.basis());
        }
        n.put("capableShare", q.capableShare());
        n.putPOJO("costWeightedShare", q.costShare());
        n.put("toolCallingRisk", q.toolCallingRisk().id());
        ObjectNode tokenizer = n.putObject("tokenizer");
        tokenizer.put("family", q.tokenizer().family());
        tokenizer.put("tokensPerClaudeToken", q.tokenizer().tokensPerClaudeToken());
        tokenizer.putPOJO("range", q.tokenizer().range());
        tokenizer.put("estimate", q.tokenizer().estimate());
        return n;
    }

    private static void percentiles(ObjectNode node, OptionPlan.Percentiles p) {
        months(node, "p10", p.p10());
        months(node, "p50", p.p50());
        months(node, "p90", p.p90());
    }

    private static void months(ObjectNode node, String field, double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) node.putNull(field);
        else node.put(field, value);
    }
}
