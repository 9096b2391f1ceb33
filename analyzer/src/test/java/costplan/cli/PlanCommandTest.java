package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {
    private static final String SAMPLE = Path.of("../samples/claude").toString();

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void writesTheVerdictBaselineAndEveryOptionWithTheDocumentedFields() throws IOException {
        CliRun r = run("plan", SAMPLE, "--device", "mac-studio-m3-ultra-256gb", "--device", "rented-h100-runpod",
                "--model", "qwen3-coder-30b-a3b", "--samples", "200", "--json", "-z", "UTC");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("verdict").asText()).matches("^(Buy|Rent|Stay on) .*");
        assertThat(json.get("baseline").get("name").asText()).isEqualTo("API pay-as-you-go");
        assertThat(json.get("baseline").get("monthlyUsd").asDouble()).isPositive();
        assertThat(json.get("trace").get("requests").asInt()).isEqualTo(36);
        assertThat(json.get("options")).hasSize(2);
        for (JsonNode option : json.get("options")) {
            for (String field : new String[]{"device", "model", "engine", "policy", "feasible", "slowdown", "localShare",
                    "busyHoursPerDay", "monthlyUsd", "paybackMonths"})
                assertThat(option.has(field)).as(field).isTrue();
            // No quantization named: the most bits per weight that fits, BF16 (61 GB) on both.
            assertThat(option.get("model").asText()).isEqualTo("qwen3-coder-30b-a3b:bf16");
            assertThat(option.get("policy").asText()).isEqualTo("session");
        }
        JsonNode mac = json.get("options").findParents("device").stream()
                .filter(o -> o.get("device").asText().equals("mac-studio-m3-ultra-256gb")).findFirst().orElseThrow();
        assertThat(mac.get("paybackMonths").has("p10")).isTrue();
        assertThat(mac.get("paybackMonths").has("p50")).isTrue();
        assertThat(mac.get("paybackMonths").has("p90")).isTrue();
        JsonNode h100 = json.get("options").findParents("device").stream()
                .filter(o -> o.get("device").asText().equals("rented-h100-runpod")).findFirst().orElseThrow();
        assertThat(h100.get("paybackMonths").isNull()).isTrue();
        assertThat(h100.get("paybackReason").asText()).startsWith("rented");
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        String[] args = {"plan", SAMPLE, "--device", "rtx-5090", "--samples", "300", "--seed", "7", "--json", "-z", "UTC"};
        assertThat(run(args).out()).isEqualTo(run(args).out());
    }

    @Test
    void aSubscriptionBaselineIsItsMonthlyPrice() throws IOException {
        CliRun r = run("plan", SAMPLE, "--device", "rtx-5090", "--baseline", "max-20x", "--samples", "100", "--json", "-z", "UTC");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("baseline").get("name").asText()).isEqualTo("Claude Max 20x");
        assertThat(json.get("baseline").get("monthlyUsd").asDouble()).isEqualTo(200);
    }

    @Test
    void badOptionsAndIdsGetClearMessages() {
        CliRun baseline = run("plan", SAMPLE, "--baseline", "max-50x", "-z", "UTC");
        assertThat(baseline.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(baseline.err()).contains("unknown baseline 'max-50x'; expected api or one of").contains("max-20x");
        CliRun device = run("plan", SAMPLE, "--device", "rtx4090", "-z", "UTC");
        assertThat(device.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(device.err()).contains("unknown device 'rtx4090'; closest: rtx-4090");
        CliRun slots = run("plan", SAMPLE, "--slots", "0", "-z", "UTC");
        assertThat(slots.err()).contains("--slots must be 1 to 256, was 0");
        CliRun route = run("plan", SAMPLE, "--route", "share:1.5", "-z", "UTC");
        assertThat(route.err()).contains("the share must be between 0 and 1");
        CliRun growth = run("plan", SAMPLE, "--growth", "-1.5", "-z", "UTC");
        assertThat(growth.err()).contains("--growth must be above -0.98 and at most 0.98, was -1.5");
    }

    @Test
    void aTinyTraceIsRefusedWithTheReason() {
        CliRun r = run("plan", SAMPLE, "--since", "2026-01-05", "--until", "2026-01-05", "--project", "no-such-project", "-z", "UTC");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no request to plan with: the usage holds no requests (widen --since/--until or --project)");
    }

    @Test
    void analyzeReadsClaudeAndCodexTogetherAndGroupsBySource() throws IOException {
        CliRun r = run("analyze", SAMPLE, Path.of("../samples/codex").toString(), "--by", "source", "--json", "-z", "UTC");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode sources = new ObjectMapper().readTree(r.out()).get("sources");
        assertThat(sources.findValuesAsText("source")).containsExactly("claude-code", "codex");
        assertThat(sources.get(1).get("requests").asInt()).isEqualTo(6);
        assertThat(sources.get(1).get("cacheReadTokens").asLong()).isEqualTo(58_880);
        // gpt-5-codex and gpt-5 are priced from openai.json.
        assertThat(sources.get(1).get("unpricedRequests").asInt()).isZero();
    }

    @Test
    void plansAggregatedExportsWithALabelledArrivalModel() throws IOException {
        String[] pages = {"../samples/exports/anthropic-usage-report.page1.json",
                "../samples/exports/anthropic-usage-report.page2.json", "../samples/exports/anthropic-usage-report.page3.json"};
        Path report = Files.createTempDirectory("plan-report").resolve("plan.html");
        CliRun text = run(concat(new String[] {"plan", "-z", "UTC", "--samples", "100", "--device", "rtx-3090", "--report",
                report.toString()}, pages));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(Files.readString(report)).contains("The plan&#39;s trace is an estimate, not a replay: 28 rows");
        assertThat(text.out()).startsWith("Trace: an estimate, not a replay: 28 rows of aggregated exports (time buckets that"
                + " name no request) stand in as 3,155 requests (0 reported by the exports, 3,155 estimated at 50,000 tokens each)");
        CliRun json = run(concat(new String[] {"plan", "-z", "UTC", "--samples", "100", "--device", "rtx-3090", "--json"}, pages));
        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(plan.get("trace").get("kind").asText()).isEqualTo("arrival-model");
        assertThat(plan.get("trace").get("estimatedRequests").asLong()).isEqualTo(3_155);
        assertThat(plan.get("trace").get("buckets").asInt()).isEqualTo(28);
        // The exports' computed cost, $153.1313687 over the 7 days the arrivals span, at 30.4375 days a month.
        assertThat(plan.get("baseline").get("monthlyUsd").asDouble())
                .isCloseTo(153.1313687 / 7 * 30.4375, org.assertj.core.data.Offset.offset(1e-6));
        CliRun fewer = run(concat(new String[] {"plan", "-z", "UTC", "--samples", "100", "--device", "rtx-3090", "--json",
                "--request-tokens", "500000"}, pages));
        // Each row's tokens over 500,000, rounded, at least 1: 315 (worked out from the three pages' rows).
        assertThat(new ObjectMapper().readTree(fewer.out()).get("trace").get("estimatedRequests").asLong()).isEqualTo(315);
    }

    @Test
    void replaysLoggedRequestsAsLoggedBesideTheRequestsStandingInForExportRows() {
        CliRun r = run("plan", SAMPLE, "../samples/exports/anthropic-usage-report.page1.json", "-z", "UTC", "--samples", "100",
                "--device", "rtx-3090");
        // Exit 4: page 1 alone misses the page it points to.
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SKIPPED_INPUT);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("Trace: an estimate, not a replay: 12 rows")
                .endsWith("; the 36 requests of per-request logs are replayed as logged.");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
