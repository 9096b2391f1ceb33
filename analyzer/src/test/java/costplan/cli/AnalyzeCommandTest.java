package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {
    @TempDir
    Path home;
    private Path projects;

    private CliRun run(String... args) {
        return CliRun.in(home, args);
    }

    private static String line(String msgId, String model, String time, long input, long output, long cacheWrite, long cacheRead) {
        return "{\"cwd\":\"/home/u/shop\",\"sessionId\":\"s1\",\"version\":\"2.1.39\",\"message\":{\"model\":\"" + model
                + "\",\"id\":\"" + msgId + "\",\"content\":[],\"usage\":{\"input_tokens\":" + input
                + ",\"cache_creation_input_tokens\":" + cacheWrite + ",\"cache_read_input_tokens\":" + cacheRead
                + ",\"output_tokens\":" + output + "}},\"requestId\":\"req_" + msgId + "\",\"type\":\"assistant\",\"timestamp\":\"" + time + "\"}";
    }

    @BeforeEach
    void writeLogs() throws IOException {
        projects = home.resolve(".claude/projects/-home-u-shop");
        Files.createDirectories(projects);
        Files.writeString(projects.resolve("s1.jsonl"), String.join("\n",
                line("m1", "claude-sonnet-4-5-20250929", "2026-01-05T23:30:00Z", 10, 100, 1_000, 10_000),
                line("m2", "claude-haiku-4-5-20251001", "2026-01-06T00:30:00Z", 20, 200, 2_000, 20_000),
                line("m3", "claude-mystery-9", "2026-01-06T01:30:00Z", 5, 5, 0, 0)) + "\n");
    }

    @Test
    void writesCcusageCompatibleDailyJsonWithCostplansExtras() throws IOException {
        CliRun r = run("analyze", "--json", "--timezone", "UTC");
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode first = json.get("daily").get(0);
        assertThat(first.get("date").asText()).isEqualTo("2026-01-05");
        assertThat(first.get("inputTokens").asLong()).isEqualTo(10);
        assertThat(first.get("totalTokens").asLong()).isEqualTo(10 + 100 + 1_000 + 10_000);
        assertThat(first.get("totalCost").decimalValue()).isEqualByComparingTo(
                String.valueOf((10 * 3.00 + 100 * 15.00 + 1_000 * 3.75 + 10_000 * 0.30) / 1_000_000));
        assertThat(first.get("modelsUsed").get(0).asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(first.get("modelBreakdowns").get(0).get("modelName").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        JsonNode second = json.get("daily").get(1);
        assertThat(second.get("unpricedRequests").asLong()).isEqualTo(1);
        assertThat(second.get("modelBreakdowns").get(1).get("cost").isNull()).as("unpriced is null, never $0").isTrue();
        assertThat(json.get("totals").get("cacheReadTokens").asLong()).isEqualTo(30_000);
        assertThat(json.get("unpricedModels").get(0).get("model").asText()).isEqualTo("claude-mystery-9");
        assertThat(r.err()).contains("costplan: warning: no price for model claude-mystery-9 (1 requests, 10 tokens)");
    }

    @Test
    void cutsDaysInTheChosenZone() throws IOException {
        CliRun r = run("analyze", "--json", "--timezone", "Europe/Paris");
        JsonNode daily = new ObjectMapper().readTree(r.out()).get("daily");
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).get("date").asText()).isEqualTo("2026-01-06");
    }

    @Test
    void printsAlignedTablesWithGroupedThousandsAndDollars() {
        CliRun r = run("analyze", "--by", "model", "--timezone", "UTC");
        assertThat(r.out()).containsPattern("Cache reads +30,000\\n")
                .contains("claude-mystery-9")
                .contains("unpriced");
        assertThat(r.out()).containsPattern("claude-haiku-4-5-20251001 +1 +20 +200 +2,000 +20,000 +22,220 +90\\.8 % +\\$0\\.01");
    }

    @Test
    void filtersByDateProjectAndModel() throws IOException {
        CliRun r = run("analyze", "--json", "--timezone", "UTC", "--since", "20260106", "--model", "haiku", "--project", "SHOP");
        JsonNode totals = new ObjectMapper().readTree(r.out()).get("totals");
        assertThat(totals.get("requests").asLong()).isEqualTo(1);
        assertThat(totals.get("inputTokens").asLong()).isEqualTo(20);
    }

    @Test
    void exitsWithFourWhenLinesWereSkippedAndThreeUnderStrict() throws IOException {
        Files.writeString(projects.resolve("s1.jsonl"), "{\"torn\":", java.nio.file.StandardOpenOption.APPEND);
        CliRun lenient = run("analyze", "--timezone", "UTC");
        assertThat(lenient.exitCode()).isEqualTo(4);
        assertThat(lenient.err()).contains("s1.jsonl:4: the last line is cut off")
                .contains("costplan: skipped 1 of 4 lines (1 torn line); the rest was read (exit code 4)");
        CliRun strict = run("analyze", "--strict", "--timezone", "UTC");
        assertThat(strict.exitCode()).isEqualTo(3);
        assertThat(strict.out()).isEmpty();
    }

    @Test
    void rejectsBadOptionsWithExitTwo() {
        CliRun by = run("analyze", "--by", "year");
        assertThat(by.exitCode()).isEqualTo(2);
        assertThat(by.err()).contains("unknown grouping 'year'; expected one of [day, week, month, session, project, model, block, source]");
        CliRun zone = run("analyze", "--timezone", "Mars/Olympus");
        assertThat(zone.exitCode()).isEqualTo(2);
        assertThat(zone.err()).contains("--timezone: unknown time zone 'Mars/Olympus'");
        CliRun date = run("analyze", "--since", "yesterday");
        assertThat(date.err()).contains("--since: expected a date like 2026-01-31 or 20260131 but was 'yesterday'");
        assertThat(run("analyze", "--bogus").exitCode()).isEqualTo(2);
    }

    @Test
    void writesCsvWithOneRowPerGroupOrWithBreakdownOnePerGroupAndModel() {
        CliRun r = run("analyze", "--csv", "--by", "month", "--timezone", "UTC");
        // m1 + m2 + m3: input 10 + 20 + 5, output 100 + 200 + 5, cache writes 1,000 + 2,000, reads 10,000 + 20,000.
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("month,requests,inputTokens");
        assertThat(r.out()).contains("2026-01,3,35,305,3000,3000,0,30000,33340,");
        CliRun breakdown = run("analyze", "--csv", "--breakdown", "--by", "month", "--timezone", "UTC");
        assertThat(breakdown.out().lines().toList()).hasSize(1 + 3);
        assertThat(breakdown.out().lines().findFirst().orElseThrow()).startsWith("month,model,requests,inputTokens");
        assertThat(breakdown.out()).contains("2026-01,claude-haiku-4-5-20251001,1,20,200,2000,2000,0,20000,22220,");
    }

    @Test
    void groupsIntoFiveHourBlocksStartingOnTheHour() throws IOException {
        CliRun r = run("analyze", "--json", "--by", "block", "--timezone", "UTC");
        JsonNode blocks = new ObjectMapper().readTree(r.out()).get("blocks");
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).get("blockStart").asText()).isEqualTo("2026-01-05T23:00Z");
    }


    private static String sample(String path) {
        return Path.of("../samples").resolve(path).toString();
    }

    @Test
    void readsEverySourceFoundInAFolderOfSourcesAndNamesWhatItDidNotRead() throws IOException {
        CliRun r = run("analyze", "--json", "--timezone", "UTC", "--by", "source", sample(""));
        JsonNode sources = new ObjectMapper().readTree(r.out()).get("sources");
        assertThat(sources.findValuesAsText("source")).contains("claude-code", "codex", "anthropic-usage-report",
                "openai-usage", "openrouter-generations-csv");
        // samples/claude: 36 requests; samples/codex: 6 turns (samples/codex-truth.json).
        assertThat(sources.findValues("source").stream().filter(n -> n.asText().equals("claude-code")).count()).isEqualTo(1);
        assertThat(r.err()).contains("not read, not a usage format costplan knows: " + sample("scenarios")
                + java.io.File.separator + "{000-fallback-when-limits-hit.yaml");
    }

    @Test
    void anEmptyFolderOrOneWithNothingReadableIsBadInputWithAHintWhereLogsAre() throws IOException {
        Path empty = Files.createDirectories(home.resolve("empty"));
        Path notes = Files.createDirectories(home.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "buy milk\n");
        for (Path folder : java.util.List.of(empty, notes)) {
            for (String[] args : java.util.List.of(new String[]{"analyze", folder.toString()},
                    new String[]{"analyze", folder.toString(), "--report", home.resolve("u.html").toString()},
                    new String[]{"report", folder.toString(), "--out", home.resolve("r.html").toString()},
                    new String[]{"plan", folder.toString()})) {
                CliRun r = run(args);
                assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
                assertThat(r.err()).as(String.join(" ", args)).contains("costplan: error: no usage found in " + folder)
                        .contains("costplan: hint: Claude Code writes its logs to ~/.claude/projects");
            }
        }
        assertThat(Files.exists(home.resolve("u.html"))).isFalse();
    }

    @Test
    void readsSeveralSourcesAtOnceAndGroupsThemBySource() throws IOException {
        CliRun r = run("analyze", "--json", "--timezone", "UTC", "--by", "source", sample("codex"),
                sample("exports/openrouter-activity.csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode sources = new ObjectMapper().readTree(r.out()).get("sources");
        assertThat(sources.get(0).get("source").asText()).isEqualTo("codex");
        assertThat(sources.get(0).get("inputTokens").asLong()).isEqualTo(41_120);
        assertThat(sources.get(0).get("totalCost").decimalValue()).isEqualByComparingTo("0.082624");
        assertThat(sources.get(1).get("source").asText()).isEqualTo("openrouter-generations-csv");
        assertThat(sources.get(1).get("requests").asLong()).isEqualTo(13);
        assertThat(sources.get(1).get("reportedCost").decimalValue()).isEqualByComparingTo("0.584086525");
    }

    @Test
    void showsReportedAgainstComputedCostPerDayAndModel() throws IOException {
        CliRun r = run("analyze", "--json", "--timezone", "UTC", sample("exports/anthropic-usage-report.page1.json"),
                sample("exports/anthropic-usage-report.page2.json"), sample("exports/anthropic-usage-report.page3.json"),
                sample("exports/anthropic-cost-report.json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("totals").get("totalCost").decimalValue()).isEqualByComparingTo("153.1313687");
        assertThat(json.get("totals").get("reportedCost").decimalValue()).isEqualByComparingTo("153.1313687");
        assertThat(json.get("import").get("joinedCostRows").asLong()).isEqualTo(126);
        JsonNode first = json.get("costComparison").get(0);
        assertThat(first.get("date").asText()).isEqualTo("2026-10-05");
        assertThat(first.get("model").asText()).isEqualTo("claude-haiku-4-5-20251001");
        assertThat(first.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(json.get("cache").get("perRequestRecords").asLong()).isZero();
    }

    @Test
    void readsAFileAsTheFormatForcedAndExitsWith4WhenRowsWereSkipped() throws IOException {
        Path file = home.resolve("export.txt");
        Files.writeString(file, "usage_date_utc;model_version;usage_input_tokens_no_cache;usage_input_tokens_cache_read;usage_output_tokens\n"
                + "2026-10-05;claude-haiku-4-5-20251001;1000;2000;300\n2026-10-06;claude-haiku-4-5-20251001;x;0;0\n");
        CliRun r = run("analyze", "--format", "anthropic-console-usage-csv", "--timezone", "UTC", file.toString());
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("costplan: warning: " + file
                + ":3: expected usage_input_tokens_no_cache to be a whole number but was \"x\"");
        assertThat(r.out()).contains("Input tokens          1,000  uncached");
        assertThat(run("analyze", "--format", "xls", file.toString()).err())
                .startsWith("costplan: error: unknown format 'xls'; expected one of [anthropic-console-cost-csv,");
    }

    @Test
    void warnsWhenTwoExportsHoldTheSameUsage() {
        CliRun r = run("analyze", "--timezone", "UTC", sample("exports/openai-usage-completions.json"),
                sample("exports/openai-dashboard-usage.csv"));
        assertThat(r.err()).contains("costplan: warning: openai-usage and openai-usage-csv both hold openai usage of"
                + " [gpt-5-2025-08-07, gpt-5-mini-2025-08-07] from 2026-10-05 to 2026-10-11; they are two exports of the"
                + " same usage, so the totals count it twice: give only one of them");
    }
}
