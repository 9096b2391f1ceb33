package costplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the usage, plan and what-if reports in a real headless Chromium, on a 1280 px screen and a 390 px phone, and
 * measures the layout in the page: it loads with no console error and no request beyond the file itself, the page
 * never scrolls sideways, every chart is drawn at a real size inside the screen's width, at 1280 px no box cuts off
 * its content behind a sideways scroll, and the plan's verdict and best options fit the first 1280 x 900 screen. The
 * phone is in dark mode; the page also prints. Screenshots (first screen and whole page at each width) and the PDF go
 * to {@code target/report-browser/} to be looked at.
 */
class ReportBrowserTest {
    private static final Path OUT = Path.of("target/report-browser").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;
    private static final int SCREEN_HEIGHT = 900;
    /** Everything measured, as one JSON string: the page's width, each chart's box, and each box that scrolls sideways. */
    private static final String LAYOUT = "JSON.stringify({"
            + " pageWidth: document.scrollingElement.scrollWidth, viewportWidth: innerWidth,"
            + " charts: [...document.querySelectorAll('figure.chart')].map(f => {"
            + "   const svg = f.querySelector('.plot > svg'); const box = svg ? svg.getBoundingClientRect() : null;"
            + "   return {id: f.id, top: box ? Math.round(box.top + scrollY) : -1, left: box ? box.left : -1, right: box ? box.right : 1e9,"
            + "     width: box ? box.width : 0, height: box ? box.height : 0,"
            + "     marks: svg ? svg.querySelectorAll('rect, path, line, polyline, text').length : 0}; }),"
            + " cutOff: [...document.querySelectorAll('body *')].filter(e => {"
            + "   const overflow = getComputedStyle(e).overflowX;"
            + "   return (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') && e.scrollWidth > e.clientWidth + 1; })"
            + "   .map(e => (e.id || e.className || e.tagName) + ' (' + (e.querySelector('caption, h3, th') || e).textContent.trim().slice(0, 60)"
            + "     + '): content ' + e.scrollWidth + ' px in ' + e.clientWidth + ' px'),"
            + " verdictBottom: document.querySelector('.summary').getBoundingClientRect().bottom,"
            + " topOptionsBottom: document.querySelector('#plan-top') ? document.querySelector('#plan-top').getBoundingClientRect().bottom : null,"
            + " topOptions: document.querySelectorAll('#plan-top tbody tr').length,"
            + " moreOptionsOpen: document.querySelector('details.more-options') ? document.querySelector('details.more-options').open : null})";

    private static Path usageReport;
    private static Path planReport;
    private static Path whatIfReport;

    @BeforeAll
    static void writeReports() throws IOException {
        Files.createDirectories(OUT);
        usageReport = OUT.resolve("usage.html");
        var inputs = ReportFixtures.inputs(ReportFixtures.ERA_2026, false);
        ReportFile.write(usageReport, new ReportRenderer().render(ReportPages.usage(inputs)), List.of(ReportFixtures.ERA_2026), true);
        planReport = OUT.resolve("plan.html");
        // Every device: the long options table of a real plan, most of it behind the disclosure.
        var plan = costplan.Costplan.plan(ReportFixtures.usage(inputs));
        ReportFile.write(planReport, new ReportRenderer().render(ReportPages.usageAndPlan(inputs, plan,
                costplan.speed.SpeedModels.standard())), List.of(ReportFixtures.ERA_2026), true);
        whatIfReport = OUT.resolve("whatif.html");
        Path scenario = Path.of("../samples/scenarios/004-cloud-vs-self-hosted.yaml");
        var whatIf = costplan.whatif.WhatIfRunner.bundled().run(costplan.whatif.WhatIfFile.read(scenario));
        ReportFile.write(whatIfReport, new ReportRenderer().render(WhatIfReport.page(whatIf)), List.of(scenario), true);
    }

    @Test
    void usageReportLoadsCleanlyDrawsEveryChartAndFitsAScreenAndAPhone() throws Exception {
        check(usageReport, "usage-", 7);
    }

    @Test
    void planReportShowsTheVerdictAndBestOptionsOnTheFirstScreenAndFitsAPhone() throws Exception {
        JsonNode desktop = check(planReport, "plan-", 7 + 3);
        assertThat(desktop.get("topOptions").asInt()).isEqualTo(PlanSections.TOP);
        assertThat(desktop.get("moreOptionsOpen").asBoolean()).as("the other options start collapsed").isFalse();
        assertThat(desktop.get("verdictBottom").asDouble()).isLessThanOrEqualTo(SCREEN_HEIGHT);
        assertThat(desktop.get("topOptionsBottom").asDouble()).as("the best options end on the first screen")
                .isLessThanOrEqualTo(SCREEN_HEIGHT);
    }

    @Test
    void whatIfReportLoadsCleanlyAndDrawsItsSweep() throws Exception {
        check(whatIfReport, "whatif-", 1);
    }

    /** Checks the report at both widths and returns what was measured at 1280 px. */
    private static JsonNode check(Path report, String prefix, int charts) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "skipped: no chromium binary on PATH or at /usr/bin/chromium "
                + "(apt-get install chromium; .ci/run installs it)");
        try (DevTools browser = DevTools.start(chromium.get(), OUT.resolve(prefix + "profile-" + ProcessHandle.current().pid()))) {
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) browser.call(domain + ".enable", Map.of());
            String url = report.toUri().toString();

            screen(browser, DESKTOP);
            browser.call("Page.navigate", Map.of("url", url));
            browser.awaitEvent("Page.loadEventFired");
            JsonNode desktop = layout(browser, prefix + DESKTOP);
            screenshots(browser, prefix + DESKTOP, DESKTOP);
            assertFits(desktop, charts, DESKTOP, 900);
            assertThat(desktop.get("cutOff")).as("boxes whose content is cut off and scrolls sideways at 1280 px").isEmpty();

            browser.call("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            screen(browser, PHONE);
            assertThat(browser.evaluate("matchMedia('(prefers-color-scheme: dark)').matches").asBoolean()).isTrue();
            assertThat(browser.evaluate("getComputedStyle(document.body).backgroundColor").asText()).isEqualTo("rgb(13, 17, 23)");
            JsonNode phone = layout(browser, prefix + PHONE);
            screenshots(browser, prefix + PHONE, PHONE);
            assertFits(phone, charts, PHONE, 300);

            String pdf = browser.call("Page.printToPDF", Map.of("printBackground", false)).path("data").asText();
            byte[] pdfBytes = Base64.getDecoder().decode(pdf);
            Files.write(OUT.resolve(prefix + "print.pdf"), pdfBytes);
            assertThat(new String(pdfBytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            List<String> problems = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            for (JsonNode e : browser.events()) {
                JsonNode p = e.path("params");
                switch (e.path("method").asText()) {
                    case "Runtime.exceptionThrown" -> problems.add(p.path("exceptionDetails").toString());
                    case "Runtime.consoleAPICalled" -> {
                        if (!p.path("type").asText().equals("log")) problems.add(p.toString());
                    }
                    case "Log.entryAdded" -> problems.add(p.path("entry").toString());
                    case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
                    default -> { }
                }
            }
            assertThat(problems).as("console errors, warnings and exceptions").isEmpty();
            assertThat(requests).as("requests: only the report itself").containsOnly(url);
            return desktop;
        }
    }

    /** The page never scrolls sideways, and every chart is drawn, at least {@code minChartWidth} wide, inside the screen. */
    private static void assertFits(JsonNode layout, int charts, int width, int minChartWidth) {
        assertThat(layout.get("viewportWidth").asInt()).isEqualTo(width);
        assertThat(layout.get("pageWidth").asInt()).as("page width at " + width + " px").isLessThanOrEqualTo(width);
        assertThat(layout.get("charts").size()).isGreaterThanOrEqualTo(charts);
        for (JsonNode c : layout.get("charts")) {
            String id = c.path("id").asText() + " at " + width + " px";
            assertThat(c.path("left").asDouble()).as(id + " left edge").isGreaterThanOrEqualTo(0);
            assertThat(c.path("right").asDouble()).as(id + " right edge").isLessThanOrEqualTo(width);
            assertThat(c.path("width").asDouble()).as(id + " width").isGreaterThanOrEqualTo(minChartWidth);
            assertThat(c.path("height").asDouble()).as(id + " height").isGreaterThan(minChartWidth / 6.0);
            assertThat(c.path("marks").asInt()).as(id + " marks").isGreaterThan(20);
        }
    }

    private static void screen(DevTools browser, int width) {
        browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", SCREEN_HEIGHT,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Returns the layout measured now, and keeps it beside the screenshots. */
    private static JsonNode layout(DevTools browser, String name) throws IOException {
        String measured = browser.evaluate(LAYOUT).asText();
        Files.writeString(OUT.resolve(name + "-layout.json"), measured, StandardCharsets.UTF_8);
        return JSON.readTree(measured);
    }

    /** Saves the first screen, then the whole page, then sets the screen back. */
    private static void screenshots(DevTools browser, String name, int width) throws IOException {
        save(browser, name + "-first.png");
        int height = (int) Math.ceil(browser.call("Page.getLayoutMetrics", Map.of()).path("cssContentSize").path("height").asDouble());
        browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
        save(browser, name + "-page.png");
        screen(browser, width);
    }

    private static void save(DevTools browser, String name) throws IOException {
        String png = browser.call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        byte[] bytes = Base64.getDecoder().decode(png);
        assertThat(bytes.length).as(name).isGreaterThan(10_000);
        Files.write(OUT.resolve(name), bytes);
    }

    private static Optional<Path> chromium() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "chromium"));
        return Stream.concat(onPath, Stream.of(Path.of("/usr/bin/chromium"))).filter(Files::isExecutable).findFirst();
    }
}
