package costplan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costplan.plan.PlanResult;
import costplan.whatif.SweepResult;
import costplan.whatif.WhatIfResult;

import java.io.PrintWriter;

/** A what-if result as JSON: {@code scenario}, {@code question}, one plan per baseline ({@code plans[]}, as {@code plan --json}), and {@code sweep}. */
final class WhatIfJsonView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WhatIfJsonView() {
    }

    static void print(WhatIfResult result, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", result.whatIf().name());
        root.put("question", result.whatIf().question().strip());
        root.put("workload", result.whatIf().workload().toString());
        root.put("unpricedRequests", result.unpricedRequests());
        var plans = root.putArray("plans");
        for (PlanResult p : result.plans()) plans.add(PlanJsonView.node(p));
        SweepResult sweep = result.sweep();
        if (sweep == null) root.putNull("sweep");
        else {
            ObjectNode s = root.putObject("sweep");
            s.put("parameter", sweep.sweep().parameter());
            s.put("baseline", sweep.baseline());
            var points = s.putArray("points");
            for (SweepResult.Point p : sweep.points()) {
                ObjectNode n = points.addObject();
                n.put("value", p.value());
                n.put("option", p.option());
                n.put("feasible", p.feasible());
                n.put("monthlyUsd", p.monthlyCostUsd());
                n.put("baselineMonthlyUsd", p.baselineMonthlyUsd());
                n.put("monthlySavingsUsdP50", p.savingsP50Usd());
                if (p.rented() || Double.isInfinite(p.paybackMonthsP50())) n.putNull("paybackMonthsP50");
                else n.put("paybackMonthsP50", p.paybackMonthsP50());
            }
        }
        out.println(root.toPrettyString());
    }
}
