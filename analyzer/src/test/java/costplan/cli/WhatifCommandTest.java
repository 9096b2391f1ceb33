package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WhatifCommandTest {
    private static final Path SEED_004 = Path.of("../samples/scenarios/004-cloud-vs-self-hosted.yaml");

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void namesTwoOptionsOfTheSameMachineAndModelByWhatTellsThemApart() throws IOException {
        Path scenario = dir.resolve("policies.yaml");
        Files.writeString(scenario, String.join("\n",
                "question: Does keeping the KV cache between turns matter?",
                "workload:",
                "  daily: {tokensPerDay: 2_000_000, outputShare: 0.05, cacheReadShare: 0.9, sessions: 1, workingHours: 8,",
                "          model: claude-sonnet-4-5}",
                "samples: 50",
                "options:",
                "  - {device: rtx-5090, model: qwen3.6-35b-a3b:q4_k_m, engine: llama-cpp, policy: session}",
                "  - {device: rtx-5090, model: qwen3.6-35b-a3b:q4_k_m, engine: llama-cpp, policy: none}",
                "sweep: {parameter: workload.daily.tokensPerDay, from: 1_000_000, to: 2_000_000, steps: 2}", ""));
        CliRun r = run("whatif", scenario.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.findValuesAsText("option")).contains(
                "rtx-5090 / qwen3.6-35b-a3b:q4_k_m (session cache)", "rtx-5090 / qwen3.6-35b-a3b:q4_k_m (no cache reuse)");
        CliRun text = run("whatif", scenario.toString());
        assertThat(text.out()).contains("rtx-5090 / qwen3.6-35b-a3b:q4_k_m (session cache)")
                .contains("rtx-5090 / qwen3.6-35b-a3b:q4_k_m (no cache reuse)");
    }

    @Test
    void answersTheSeedQuestionWithItsSweep() {
        CliRun r = run("whatif", SEED_004.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("At what daily volume does a $150/month rented RTX 3090 beat Claude Haiku 4.5?")
                .contains("You would pay $116/month on API pay-as-you-go. Stay on it: renting rented-rtx-3090-vastai with "
                        + "llama-3.1-8b:q4_k_m (llama-cpp, session cache) always-on would cost $35/month more.")
                .contains("Sweep of workload.daily.tokensPerDay against API pay-as-you-go:");
        // The sweep row where the rental starts to win: $150 always on and $0.74 of storage against $174 of Haiku at
        // 1.5M tokens a day.
        assertThat(r.out().lines().filter(l -> l.strip().startsWith("1,500,000")).findFirst().orElseThrow())
                .contains("$151").contains("$174").contains("$23");
    }

    @Test
    void writesTheSameAnswerAsJson() throws IOException {
        CliRun r = run("whatif", SEED_004.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("scenario").asText()).isEqualTo("004 cloud versus self-hosted");
        JsonNode points = json.get("sweep").get("points");
        assertThat(points).hasSize(6);
        assertThat(points.get(2).get("value").asDouble()).isEqualTo(1_500_000);
        // 1.5M Haiku tokens a day in 480 requests (20 an hour for 24 hours) of 3,125 tokens: 938 input at $1 and 2,188
        // output at $5 a million each (30/70, rounded), 30.4375 days a month.
        assertThat(points.get(2).get("baselineMonthlyUsd").asDouble()).isCloseTo(
                480 * (938 * 1.0 + 2_188 * 5.0) / 1e6 * 30.4375, within(1e-6));
        assertThat(points.get(2).get("monthlyUsd").asDouble()).isCloseTo(150.71, within(0.01));
        assertThat(points.get(2).get("paybackMonthsP50").isNull()).as("a rental has no purchase to pay back").isTrue();
    }

    @Test
    void writesAReportWithTheSweepChartInline() throws IOException {
        Path report = dir.resolve("whatif.html");
        CliRun r = run("whatif", SEED_004.toString(), "--report", report.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String html = Files.readString(report);
        assertThat(html).contains("<h1>What if: 004 cloud versus self-hosted", "<section id=\"whatif\"",
                "<figure class=\"chart\" id=\"sweep\">", "<h3>Monthly cost as workload.daily.tokensPerDay changes");
        assertThat(html.split("<svg", -1)).as("the chart is inline SVG").hasSizeGreaterThan(1);
        // The sweep table's row at 1.5M tokens a day: the rental and its storage at $151 against $174 of Haiku, $23 saved.
        assertThat(html.replaceAll("\\s+", " ")).contains("<td>1,500,000</td> <td class=\"name\">rented-rtx-3090-vastai / "
                + "llama-3.1-8b:q4_k_m</td> <td>yes</td> <td>$151</td> <td>$174</td> <td>$23</td> <td>rented</td>");
        assertThat(html).doesNotContain("<img src=\"http", "<script src=\"http", "<link href=\"http");
    }

    @Test
    void namesTheLineAndFieldOfAnUnknownDeviceModelOrEngine() throws IOException {
        String seed = Files.readString(SEED_004);
        Path device = dir.resolve("device.yaml");
        Files.writeString(device, seed.replace("  - device: rented-rtx-3090-vastai", "  - device: rented-rtx-3090-vast"));
        CliRun d = run("whatif", device.toString());
        assertThat(d.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(d.err()).startsWith("costplan: error: " + device + ":19: field options[0].device: unknown device "
                + "'rented-rtx-3090-vast'; closest: rented-rtx-3090-vastai");
        Path model = dir.resolve("model.yaml");
        Files.writeString(model, seed.replace("model: llama-3.1-8b:q4_k_m", "model: llama-3.1-9b:q4_k_m"));
        assertThat(run("whatif", model.toString()).err()).startsWith("costplan: error: " + model
                + ":20: field options[0].model: unknown model 'llama-3.1-9b'");
        Path engine = dir.resolve("engine.yaml");
        Files.writeString(engine, seed.replace("    model: llama-3.1-8b:q4_k_m", "    model: llama-3.1-8b:q4_k_m\n    engine: lama-cpp"));
        assertThat(run("whatif", engine.toString()).err()).startsWith("costplan: error: " + engine
                + ":21: field options[0].engine: unknown engine 'lama-cpp'; closest: llama-cpp");
        Path override = dir.resolve("override.yaml");
        Files.writeString(override, seed.replace("    rented-rtx-3090-vastai:\n", "    rented-rtx-3090-vastia:\n"));
        assertThat(run("whatif", override.toString()).err()).startsWith("costplan: error: " + override
                + ":24: field overrides.devices.rented-rtx-3090-vastia: unknown device 'rented-rtx-3090-vastia'");
    }

    @Test
    void namesAnUnknownKeyAndAMissingFile() throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, Files.readString(SEED_004).replace("samples: 500", "sample: 500"));
        CliRun r = run("whatif", typo.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(typo + ":26: unknown key 'sample' at line 26 in the scenario; valid keys: name,")
                .contains("did you mean 'samples'?");
        CliRun missing = run("whatif", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("costplan: error: " + dir.resolve("nope.yaml")
                + ": no such scenario file; give a .yaml or .json file like samples/scenarios/*.yaml" + System.lineSeparator());
    }

    @Test
    void theNotebookRunsAScriptWithTheLibraryAndItsImportsReady() throws IOException {
        Path script = dir.resolve("count.jsh");
        Files.writeString(script, "System.out.println(\"devices: \" + Costplan.catalog().devices().size());\n"
                + "System.out.println(\"baseline: \" + Baseline.API);\n/exit\n");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = run("notebook", script.toString()).exitCode();
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("devices: 38").contains("baseline: api");
    }
}
