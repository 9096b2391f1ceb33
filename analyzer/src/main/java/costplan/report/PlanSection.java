package costplan.report;

import java.util.List;

/**
 * The plan part of a report: the options compared, then the evidence for the best one, then what was assumed.
 * Charts of the best option are null when no option keeps up.
 */
public record PlanSection(String id, String title, List<KeyFigure> keyFigures, List<OptionRow> options,
                          Chart cumulativeCost, Chart crossover, Chart memory, Chart speed, Chart paybackHistogram,
                          Chart tornado, Chart savingsAgainstQuality, List<KeyFigure> assumptions, String command)
        implements ReportSection {

    /** One option, formatted. */
    public record OptionRow(String device, String model, String configuration, String keepsUp, String slowdown, String latency,
                            String localShare, String busyHours, String monthlyCost, String savings, String payback,
                            String reason) {
    }

    public PlanSection {
        keyFigures = List.copyOf(keyFigures);
        options = List.copyOf(options);
        assumptions = List.copyOf(assumptions);
    }

    @Override
    public String template() {
        return "plan";
    }
}
