package costplan.report;

import java.util.List;

/**
 * A what-if scenario's answer, formatted: the question, one verdict and option table per baseline, and the sweep's
 * chart and table when it swept a number.
 *
 * @param sweepChart the sweep's chart, or null without a sweep
 */
public record WhatIfSection(String question, String workload, List<PlanBlock> plans, String sweepParameter, Chart sweepChart,
                            List<SweepRow> sweepRows) implements ReportSection {
    public WhatIfSection {
        plans = List.copyOf(plans);
        sweepRows = List.copyOf(sweepRows);
    }

    /** The plan against one baseline. */
    public record PlanBlock(String baseline, String verdict, List<OptionRow> options) {
        public PlanBlock {
            options = List.copyOf(options);
        }
    }

    /** One option of a plan. */
    public record OptionRow(String option, String keepsUp, String slowdown, String localShare, String monthlyCost,
                            String savings, String payback) {
    }

    /** One option at one value of the swept number. */
    public record SweepRow(String value, String option, String keepsUp, String monthlyCost, String baselineCost,
                           String savings, String payback) {
    }

    @Override
    public String id() {
        return "whatif";
    }

    @Override
    public String title() {
        return "What if";
    }

    @Override
    public String template() {
        return "whatif";
    }
}
