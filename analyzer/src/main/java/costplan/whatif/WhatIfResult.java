package costplan.whatif;

import costplan.plan.PlanResult;

import java.util.List;
import java.util.Locale;

/**
 * A scenario's answer: one plan per baseline and, when it swept a number, the sweep. Prints as small tables.
 *
 * @param unpricedRequests requests of the workload with no cloud price (counted at $0 in the baseline, and listed)
 * @param plans one plan per baseline, in the scenario's order
 * @param sweep the sweep, or null
 */
public record WhatIfResult(WhatIf whatIf, int unpricedRequests, List<PlanResult> plans, SweepResult sweep) {
    public WhatIfResult {
        plans = List.copyOf(plans);
    }

    public WhatIfResult withSweep(SweepResult value) {
        return new WhatIfResult(whatIf, unpricedRequests, plans, value);
    }

    /** The plan against the first baseline. */
    public PlanResult plan() {
        return plans.get(0);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!whatIf.question().isBlank()) text.append(whatIf.question().strip()).append("\n\n");
        var trace = plan().trace();
        text.append(String.format(Locale.ROOT, "Workload: %s.%n%,d requests over %.0f day%s; $%,.0f a month at API prices.%nSessions: %s.%n",
                whatIf.workload(), trace.requests().size(), trace.days(), trace.days() == 1 ? "" : "s",
                plan().apiUsdPerMonth(), plan().activity().describe()));
        if (unpricedRequests > 0)
            text.append(String.format(Locale.ROOT, "Warning: %,d requests have no cloud price and count as $0 in the API baseline.%n", unpricedRequests));
        for (PlanResult p : plans)
            text.append(String.format(Locale.ROOT, "%nAgainst %s ($%,.0f/month):%n", p.baseline().name(), p.baseline().monthlyUsd()))
                    .append(PlanTables.of(p));
        if (sweep != null) text.append('\n').append(sweep);
        return text.toString();
    }
}
