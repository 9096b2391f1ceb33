package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        // One light day ($1.62 of API use: $49 a month at API prices) fits Claude Pro, the cheapest way to pay for it.
        assertThat(json.get("verdict").asText()).matches("^You would pay \\$20/month on Claude Pro; your usage fits its "
                + "limits in 1 of 1 week \\(an estimate\\)\\. (Buy|Rent|Renting|Stay on it).*");
        assertThat(json.get("baseline").get("name").asText()).isEqualTo("Claude Pro");
        assertThat(json.get("baseline").get("monthlyUsd").asDouble()).isEqualTo(20.0);
        assertThat(json.get("baseline").get("fitsLimits").asBoolean()).isTrue();
        assertThat(json.get("baseline").get("weeksOverLimit").asInt()).isZero();
        assertThat(json.get("baseline").get("weeks").asInt()).isEqualTo(1);
        assertThat(json.get("baselines").findValuesAsText("id")).containsExactly("api", "claude-pro", "max-5x", "max-20x");
        assertThat(json.get("baselines").get(0).get("monthlyUsd").asDouble()).isGreaterThan(20);
        JsonNode trace = json.get("trace");
        assertThat(trace.get("requests").asInt()).isEqualTo(36);
        assertThat(trace.get("spanDays").asInt()).isEqualTo(1);
        assertThat(trace.get("activeDays").asInt()).isEqualTo(1);
        assertThat(trace.get("activeDaysPerMonth").asDouble()).isEqualTo(30.4375);
        assertThat(trace.get("activeHoursPerMonth").asDouble()).isPositive();
        assertThat(json.get("options")).hasSize(2);
        for (JsonNode option : json.get("options")) {
            for (String field : new String[]{"device", "model", "engine", "policy", "feasible", "slowdown", "localShare",
                    "busyHoursPerDay", "monthlyUsd", "monthlySavingsNowUsd", "rentalMode", "paybackMonths"})
                assertThat(option.has(field)).as(field).isTrue();
            for (String field : new String[]{"electricityUsd", "rentalUsd", "rentalStartupsUsd", "storageUsd", "cloudUsd"})
                assertThat(option.get("firstMonth").has(field)).as(field).isTrue();
            // Savings now are the baseline less the option, to the cent.
            assertThat(Math.round(option.get("monthlySavingsNowUsd").asDouble() * 100)).isEqualTo(
                    Math.round(json.get("baseline").get("monthlyUsd").asDouble() * 100) - Math.round(option.get("monthlyUsd").asDouble() * 100));
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
        assertThat(h100.get("rentalMode").asText()).isEqualTo("on-demand");
        assertThat(mac.get("rentalMode").isNull()).isTrue();
        assertThat(h100.get("paybackReason").asText()).startsWith("rented");
    }

    @Test
    void aRentalOnSparseLogsStartsOnlyForEachStretchOfWork() throws IOException {
        // 249 days of logs with work on 6 of them, in 7 stretches (see the fixture's README).
        CliRun r = run("plan", "src/test/resources/costplan/plan/sparse-claude", "--device", "rented-h100-runpod",
                "--model", "glm-4.7-flash", "--samples", "100", "--json", "-z", "UTC");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode trace = json.get("trace");
        assertThat(trace.get("spanDays").asInt()).isEqualTo(249);
        assertThat(trace.get("activeDays").asInt()).isEqualTo(6);
        assertThat(trace.get("stretchesOfWork").asInt()).isEqualTo(7);
        assertThat(trace.get("activeDaysPerMonth").asDouble()).isCloseTo(6 / 249.0 * 30.4375, within(1e-9));
        assertThat(trace.get("calendar").asText()).startsWith("your 249 days had 6 active days (0.2 a week, ");
        JsonNode h100 = json.get("options").get(0);
        assertThat(h100.get("rentalMode").asText()).isEqualTo("on-demand");
        // A quarter-hour start-up at $2.69 an hour for each of the 7 stretches, over 249 days: 0.73 a month, not 30.
        assertThat(h100.get("firstMonth").get("rentalStartupsUsd").asDouble()).isCloseTo(7 / 249.0 * 30.4375 * 0.25 * 2.69,
                within(1e-9));
        // The model files stay on a network volume all month at $0.07 per GB-month: the days without work cost that.
        double weightsGb = costplan.catalog.Catalog.bundled().modelChoice(h100.get("model").asText()).weightBytes() / 1e9;
        assertThat(h100.get("firstMonth").get("storageUsd").asDouble()).isCloseTo(weightsGb * 0.07, within(1e-9));
    }

    @Test
    void withoutABaselineTheTraceIsComparedWithTheCheapestWayToPayForIt() throws IOException {
        // Four weeks of 8-hour weekdays, $256 a month at API prices (see the fixture's README).
        CliRun r = run("plan", "src/test/resources/costplan/plan/heavy-claude", "--device", "rtx-5090", "--samples", "100",
                "--json", "-z", "UTC");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode baselines = json.get("baselines");
        assertThat(baselines.findValuesAsText("id")).containsExactly("api", "claude-pro", "max-5x", "max-20x");
        // $218.75 over 26 days, at 30.4375 days a month.
        assertThat(baselines.get(0).get("monthlyUsd").asDouble()).isEqualTo(
                Math.round(3220 * (10 * 3.0 + 3000 * 3.75 + 100_000 * 0.30 + 1777 * 15.0) / 1e6 / 26 * 30.4375 * 100) / 100.0);
        assertThat(baselines.get(0).get("monthlyUsd").asDouble()).isBetween(256.0, 256.1);
        // Forty hours a week of one session goes just past Pro's 40 hours (the low end of its 40-80) every Friday
        // afternoon: a few requests of extra usage a week, still far below Max 5x's $100.
        JsonNode pro = baselines.get(1);
        assertThat(pro.get("weeks").asInt()).isEqualTo(4);
        assertThat(pro.get("weeksOverLimit").asInt()).isEqualTo(4);
        assertThat(pro.get("fitsLimits").asBoolean()).isFalse();
        assertThat(pro.get("monthlyUsd").asDouble()).isBetween(20.0, 22.0);
        assertThat(baselines.get(2).get("fitsLimits").asBoolean()).isTrue();
        assertThat(baselines.get(2).get("monthlyUsd").asDouble()).isEqualTo(100.0);
        assertThat(json.get("baseline").get("id").asText()).isEqualTo("claude-pro");
        assertThat(json.get("verdict").asText()).startsWith("You would pay $21/month on Claude Pro ($20 and $0.64 of extra usage "
                + "at API prices); your usage fits its limits in 0 of 4 weeks (an estimate).");
        for (JsonNode option : json.get("options"))
            assertThat(Math.round(option.get("monthlySavingsNowUsd").asDouble() * 100)).isEqualTo(
                    Math.round(json.get("baseline").get("monthlyUsd").asDouble() * 100) - Math.round(option.get("monthlyUsd").asDouble() * 100));
        CliRun forced = run("plan", "src/test/resources/costplan/plan/heavy-claude", "--device", "rtx-5090", "--samples", "100",
                "--json", "-z", "UTC", "--baseline", "max-20x");
        assertThat(new ObjectMapper().readTree(forced.out()).get("baseline").get("monthlyUsd").asDouble()).isEqualTo(200.0);
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
        assertThat(plan.get("baselines").get(0).get("id").asText()).isEqualTo("api");
        assertThat(plan.get("baselines").get(0).get("monthlyUsd").asDouble()).isEqualTo(Math.round(153.1313687 / 7 * 30.4375 * 100) / 100.0);
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
