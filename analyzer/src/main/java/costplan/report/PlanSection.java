package costplan.report;

import java.util.List;

/**
 * The plan part of a report: the best few options (on the first screen, under the verdict), the rest behind a
 * disclosure, then the evidence for the best one, then what was assumed. Charts of the best option are null when no
 * option keeps up.
 *
 * @param topOptions the options shown first, the best first
 * @param moreOptions every other option, in the same order
 */
public record PlanSection(String id, String title, List<KeyFigure> keyFigures, List<OptionRow> topOptions,
                          List<OptionRow> moreOptions, Chart cumulativeCost, Chart crossover, Chart memory, Chart speed,
                          Chart paybackHistogram, Chart tornado, Chart savingsAgainstQuality, List<KeyFigure> assumptions,
                          String command)
        implements ReportSection {

    /**
     * One option, formatted.
     *
     * @param payback the median payback, "rented", or "-" for an option that does not keep up
     * @param paybackRange the P10 to P90 range ("22.8 to 44.5 months"), or why there is none
     * @param reason why the option does not keep up; empty when it does
     */
    public record OptionRow(String device, String model, String configuration, String keepsUp, String slowdown, String latency,
                            String localShare, String busyHours, String monthlyCost, String savings, String payback,
                            String paybackRange, String reason) {
    }

    public PlanSection {
        keyFigures = List.copyOf(keyFigures);
        topOptions = List.copyOf(topOptions);
        moreOptions = List.copyOf(moreOptions);
        assumptions = List.copyOf(assumptions);
    }

    /** Returns every option, the top ones first. */
    public List<OptionRow> options() {
        return java.util.stream.Stream.concat(topOptions.stream(), moreOptions.stream()).toList();
    }

    @Override
    public String template() {
        return "plan";
    }
}
