package costplan.report;

/**
 * One section of a report. Each kind has its own template fragment, named by {@link #template()}: the page
 * renders {@code costplan/report/templates/<template>.html :: section} with the section as {@code section}.
 */
public interface ReportSection {
    /** Returns the element id of the section, unique in the page, e.g. {@code usage}. */
    String id();

    /** Returns the heading of the section. */
    String title();

    /** Returns the name of the template that renders this section, e.g. {@code usage}. */
    String template();
}
