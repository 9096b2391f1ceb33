package costplan.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything one HTML report shows, formatted, in reading order: a one-sentence summary, then its evidence.
 * The {@code analyze} report has a usage and an assumptions section; other commands add their own sections.
 *
 * @param title the page title
 * @param summary the answer in one sentence, with its period
 * @param subtitle where the data came from and when the report was made
 * @param sections the sections, in reading order
 */
public record ReportPage(String title, String summary, String subtitle, List<ReportSection> sections) {
    /** The meta tag name that marks a file as a costplan report, so a later run may replace it. */
    public static final String MARKER = "costplan-report";

    public ReportPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(subtitle, "subtitle");
        sections = List.copyOf(sections);
    }
}
