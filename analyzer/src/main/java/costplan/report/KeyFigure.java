package costplan.report;

/**
 * One figure of a report, already formatted: {@code Cache-hit rate | 93.1 % | cache reads / prompt tokens}.
 *
 * @param label what it is
 * @param value the number with its unit
 * @param detail how it is computed or what it includes; may be empty
 */
public record KeyFigure(String label, String value, String detail) {
}
