package costplan.report;

import java.util.Objects;

/**
 * One chart of a report, rendered as inline SVG markup.
 *
 * @param id the element id, unique in the page (also the prefix of the SVG's own ids)
 * @param title what the chart shows, as a heading
 * @param caption how to read it: units, what the marks mean
 * @param svg the {@code <svg>} element; its text was escaped when it was drawn
 */
public record Chart(String id, String title, String caption, String svg) {
    public Chart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        if (svg == null || !svg.startsWith("<svg")) throw new IllegalArgumentException(id + ": expected an <svg> element");
    }
}
