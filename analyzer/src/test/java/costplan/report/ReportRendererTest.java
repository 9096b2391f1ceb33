package costplan.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRendererTest {
    private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("\\sid=[\"']([^\"']+)[\"']");
    private static final Pattern REFERENCE = Pattern.compile("url\\(#([^)]+)\\)");
    private static final Pattern OUTLINE = Pattern.compile(
            "<(section|figure)\\b[^>]*\\bid=\"([^\"]+)\"|<(h1|h2|h3|caption|th|dt)\\b[^>]*>(.*?)</\\3>|(<svg)", Pattern.DOTALL);

    private final ReportRenderer renderer = new ReportRenderer();

    @Test
    void renderedStructureOfTheEra2026ReportMatchesItsGoldenOutline() throws IOException {
        String html = renderer.render(ReportPages.usage(ReportFixtures.inputs(ReportFixtures.ERA_2026, false)));
        String actual = outline(html);
        assertThat(actual).isEqualTo(ReportFixtures.golden("era-2026-02-01.outline.txt", actual));
    }

    @Test
    void pageIsSelfContainedAndMarkedAsACostplanReport() throws IOException {
        String html = renderer.render(ReportPages.usage(ReportFixtures.inputs(ReportFixtures.ERA_2026, false)));
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta name=\"" + ReportPage.MARKER + "\" content=\"1\">")
                .contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"")
                .contains("@media (prefers-color-scheme: dark)").contains("@media print")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
                .doesNotContainPattern("href=\"(?!#)");
        // The only URLs are XML namespace names, which are never fetched.
        assertThat(html.replaceAll("xmlns(:\\w+)?='[^']*'", ""))
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(SVG.matcher(html).results().count()).isEqualTo(7);
    }

    @Test
    void sameInputGivesTheSameBytesAndEveryIdInThePageIsUnique() throws IOException {
        String first = renderer.render(ReportPages.usage(ReportFixtures.inputs(ReportFixtures.ERA_2026, false)));
        String second = new ReportRenderer().render(ReportPages.usage(ReportFixtures.inputs(ReportFixtures.ERA_2026, false)));
        assertThat(second).isEqualTo(first);
        List<String> ids = ID.matcher(first).results().map(r -> r.group(1)).toList();
        assertThat(ids).hasSizeGreaterThan(7 * 2).doesNotHaveDuplicates();
        // Every url(#…) reference inside a chart points at an id of the page.
        assertThat(REFERENCE.matcher(first).results().map(r -> r.group(1)).distinct().toList()).isSubsetOf(ids);
    }

    @Test
    void projectNamedLikeAScriptAppearsOnlyAsText(@TempDir Path root) throws IOException {
        String evil = "<script>alert(1)</script>";
        ReportFixtures.logTree(root, "/home/u/" + evil, "2026-01-05T09:00:00Z");
        ReportFixtures.logTree(root, "/home/u/\"><img src=x onerror=alert(2)>", "2026-01-05T10:00:00Z");
        String html = renderer.render(ReportPages.usage(ReportFixtures.inputs(root, false)));
        assertThat(html).doesNotContain(evil).doesNotContain("<script").doesNotContain("<img")
                .contains("/home/u/&lt;script&gt;alert(1)&lt;/script&gt;");
        String svgs = String.join("\n", SVG.matcher(html).results().map(r -> r.group()).toList());
        assertThat(svgs).as("chart labels").contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<img");
    }

    /** Returns the page's sections, figures, headings, captions and column heads, one per line, in page order. */
    static String outline(String html) {
        List<String> lines = new ArrayList<>();
        Matcher m = OUTLINE.matcher(html);
        while (m.find()) {
            if (m.group(1) != null) lines.add(m.group(1) + " #" + m.group(2));
            else if (m.group(5) != null) lines.add("  svg");
            else lines.add("  " + m.group(3) + " " + m.group(4).replaceAll("\\s+", " ").trim());
            if (m.group(5) != null) {
                Matcher end = Pattern.compile("</svg>").matcher(html);
                if (end.find(m.end())) m.region(end.end(), html.length());
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
