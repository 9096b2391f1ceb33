package costplan.report;

import costplan.Costplan;
import costplan.speed.SpeedModels;
import costplan.whatif.WhatIfFile;
import costplan.whatif.WhatIfRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No absolute path of a developer's machine in the bundled data or in a report: a {@code source} names a public
 * document, and a report shows only what the logs and the command line gave it.
 */
class NoMachinePathTest {
    /** A home, temporary or workspace folder of Linux or macOS, or a Windows user folder. */
    static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w.~-])/(?:work|tmp|root|home|Users|private/var|var/folders|mnt)/[\\w.-]+|[A-Za-z]:\\\\Users\\\\");

    @Test
    void bundledPricesAndCatalogNameNoLocalPath() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path folder : List.of(Path.of("../pricing-data"), Path.of("../hardware-catalog"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).filter(f -> !f.startsWith(folder.resolve("target")))
                        .forEach(f -> found.addAll(machinePaths(f.toString(), read(f))));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void usagePlanAndWhatIfReportsNameNoLocalPath() throws IOException {
        // Redacted, so the only paths left would come from the data files or the templates, not from the logs.
        ReportInputs inputs = ReportFixtures.inputs(ReportFixtures.ERA_2026, true);
        ReportRenderer renderer = new ReportRenderer();
        String usage = renderer.render(ReportPages.usage(inputs));
        String plan = renderer.render(ReportPages.usageAndPlan(inputs,
                Costplan.plan(ReportFixtures.usage(inputs), "rtx-5090", "rented-h100-runpod"), SpeedModels.standard()));
        String whatIf = renderer.render(WhatIfReport.page(WhatIfRunner.bundled()
                .run(WhatIfFile.read(Path.of("../samples/scenarios/004-cloud-vs-self-hosted.yaml")))));
        assertThat(usage).contains("claude-sonnet-4-5");
        List<String> found = new ArrayList<>();
        found.addAll(machinePaths("usage report", usage));
        found.addAll(machinePaths("plan report", plan));
        found.addAll(machinePaths("what-if report", whatIf));
        assertThat(found).isEmpty();
    }

    @Test
    void thePatternCatchesTheKindsOfPathItLooksFor() {
        assertThat(machinePaths("x", "history from /work/shared/reference/api-exports.md; C:\\Users\\dev\\x")).hasSize(2);
        assertThat(machinePaths("x", "/tmp/report.html and /Users/alex/src")).hasSize(2);
        assertThat(machinePaths("x", "ai.google.dev/gemini-api/docs/pricing, ~/.claude/projects, /v1/models")).isEmpty();
    }

    private static List<String> machinePaths(String where, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = MACHINE_PATH.matcher(text);
        while (m.find()) found.add(where + ": " + m.group());
        return found;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
