package costplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
 * Opens the report in a real headless Chromium: it loads with no console error and no request beyond the file
 * itself, every chart is drawn at a real size, a phone-wide dark page does not scroll sideways, and it prints.
 * Screenshots and the PDF go to {@code target/report-browser/} to be looked at.
 */
class ReportBrowserTest {
    private static final Path OUT = Path.of("target/report-browser").toAbsolutePath();
    private static final String CHART_SIZES = "JSON.stringify([...document.querySelectorAll('figure.chart')].map(f => {"
            + " const svg = f.querySelector('.plot > svg'); const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};"
            + " return {id: f.id, width: box.width, height: box.height,"
            + " marks: svg ? svg.querySelectorAll('rect, path, line, polyline, text').length : 0}; }))";

    private static Path report;
    private static Path planReport;
    private static Path whatIfReport;

    @BeforeAll
    static void writeReport() throws IOException {
        Files.createDirectories(OUT);
        report = OUT.resolve("usage.html");
        var inputs = ReportFixtures.inputs(ReportFixtures.ERA_2026, false);
        ReportFile.write(report, new ReportRenderer().render(ReportPages.usage(inputs)), List.of(ReportFixtures.ERA_2026), true);
        planReport = OUT.resolve("plan.html");
        var plan = costplan.Costplan.plan(ReportFixtures.usage(inputs), "mac-studio-m3-ultra-256gb", "rtx-5090", "rented-h100-runpod");
        ReportFile.write(planReport, new ReportRenderer().render(ReportPages.usageAndPlan(inputs, plan,
                costplan.speed.SpeedModels.standard())), List.of(ReportFixtures.ERA_2026), true);
        whatIfReport = OUT.resolve("whatif.html");
        Path scenario = Path.of("../samples/scenarios/004-cloud-vs-self-hosted.yaml");
        var whatIf = costplan.whatif.WhatIfRunner.bundled().run(costplan.whatif.WhatIfFile.read(scenario));
        ReportFile.write(whatIfReport, new ReportRenderer().render(WhatIfReport.page(whatIf)), List.of(scenario), true);
    }

    @Test
    void reportLoadsCleanlyDrawsEveryChartAndFitsAPhone() throws Exception {
        check(report, "", 7);
    }

    @Test
    void planReportLoadsCleanlyAndDrawsItsChartsToo() throws Exception {
        check(planReport, "plan-", 7 + 3);
    }

    @Test
    void whatIfReportLoadsCleanlyAndDrawsItsSweep() throws Exception {
        check(whatIfReport, "whatif-", 1);
    }

    private static void check(Path report, String prefix, int charts) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "skipped: no chromium binary on PATH or at /usr/bin/chromium "
                + "(apt-get install chromium; .ci/run installs it)");
        try (DevTools browser = DevTools.start(chromium.get(), OUT.resolve(prefix + "profile-" + ProcessHandle.current().pid()))) {
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) browser.call(domain + ".enable", Map.of());
            browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1000, "height", 900,
                    "deviceScaleFactor", 1, "mobile", false));
            String url = report.toUri().toString();
            browser.call("Page.navigate", Map.of("url", url));
            browser.awaitEvent("Page.loadEventFired");

            JsonNode drawn = new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.evaluate(CHART_SIZES).asText());
            assertThat(drawn.size()).isGreaterThanOrEqualTo(charts);
            for (JsonNode c : drawn) {
                assertThat(c.path("width").asDouble()).as(c.path("id").asText() + " width").isGreaterThan(600);
                assertThat(c.path("height").asDouble()).as(c.path("id").asText() + " height").isGreaterThan(100);
                assertThat(c.path("marks").asInt()).as(c.path("id").asText() + " marks").isGreaterThan(20);
            }
            screenshot(browser, prefix + "desktop-light.png", 1000);

            browser.call("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 1, "mobile", true));
            assertThat(browser.evaluate("matchMedia('(prefers-color-scheme: dark)').matches").asBoolean()).isTrue();
            assertThat(browser.evaluate("getComputedStyle(document.body).backgroundColor").asText()).isEqualTo("rgb(13, 17, 23)");
            assertThat(browser.evaluate("document.documentElement.scrollWidth").asInt()).as("no sideways scrolling").isLessThanOrEqualTo(390);
            screenshot(browser, prefix + "phone-dark.png", 390);

            String pdf = browser.call("Page.printToPDF", Map.of("printBackground", false)).path("data").asText();
            byte[] pdfBytes = Base64.getDecoder().decode(pdf);
            Files.write(OUT.resolve(prefix + "usage.pdf"), pdfBytes);
            assertThat(new String(pdfBytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

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
        }
    }

    private static void screenshot(DevTools browser, String name, int width) throws IOException {
        int height = (int) Math.ceil(browser.call("Page.getLayoutMetrics", Map.of()).path("cssContentSize").path("height").asDouble());
        browser.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
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
