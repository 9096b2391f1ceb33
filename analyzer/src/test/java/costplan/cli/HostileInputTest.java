package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line on input made to break it: each case ends with the documented exit code and a message naming the
 * file and line, within a time bound, and the good lines around the bad one add up as they would alone.
 */
@Timeout(30)
class HostileInputTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    private Path logs;

    /** One request: {@code input} input and {@code output} output tokens, nothing cached; {@code extra} ends the line. */
    static String line(String id, String time, String input, long output, String extra) {
        return "{\"cwd\":\"/home/u/shop\",\"sessionId\":\"s1\",\"version\":\"2.1.39\",\"message\":{\"model\":"
                + "\"claude-sonnet-4-5-20250929\",\"id\":\"" + id + "\",\"content\":[],\"usage\":{\"input_tokens\":" + input
                + ",\"output_tokens\":" + output + "}},\"requestId\":\"req_" + id + "\",\"type\":\"assistant\",\"timestamp\":\""
                + time + "\"" + extra + "}";
    }

    @BeforeEach
    void folder() throws IOException {
        logs = Files.createDirectories(dir.resolve("projects/-home-u-shop"));
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(logs.resolve(name), String.join("\n", lines) + "\n");
    }

    /** Two good requests, 10 + 30 input and 100 + 300 output tokens, around {@code bad}. */
    private Path aroundGoodLines(String bad) throws IOException {
        return write("s1.jsonl", line("m1", "2026-01-05T10:00:00Z", "10", 100, ""), bad,
                line("m3", "2026-01-05T12:00:00Z", "30", 300, ""));
    }

    private static JsonNode json(CliRun r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    private void assertGoodLinesCounted(CliRun r) throws IOException {
        JsonNode totals = json(r).get("totals");
        assertThat(totals.get("inputTokens").asLong()).isEqualTo(10 + 30);
        assertThat(totals.get("outputTokens").asLong()).isEqualTo(100 + 300);
    }

    @Test
    void aWebSearchCountBeyondAnIntSkipsItsLine() throws IOException {
        Path file = aroundGoodLines(line("m2", "2026-01-05T11:00:00Z", "20", 200, "")
                .replace("\"output_tokens\":200", "\"output_tokens\":200,\"server_tool_use\":{\"web_search_requests\":3000000000}"));
        CliRun r = CliRun.of("analyze", "--json", "--timezone", "UTC", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SKIPPED_INPUT);
        assertGoodLinesCounted(r);
        assertThat(r.err()).contains(file + ":2: expected message.usage.server_tool_use.web_search_requests to be a count"
                + " of at most 1,000,000 but was 3000000000");
    }

    @Test
    void tokensThatWouldOverflowTheSumSkipTheirLine() throws IOException {
        Path file = aroundGoodLines(line("m2", "2026-01-05T11:00:00Z", "9223372036854775807", 200, ""));
        CliRun r = CliRun.of("analyze", "--json", "--timezone", "UTC", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SKIPPED_INPUT);
        assertGoodLinesCounted(r);
        assertThat(r.err()).contains(file + ":2: expected message.usage.input_tokens to be a count of at most"
                + " 1,000,000,000 but was 9223372036854775807");
    }

    @Test
    void costsWithHugeExponentsSkipTheirLinesQuickly() throws IOException {
        Path file = write("s1.jsonl", line("m1", "2026-01-05T10:00:00Z", "10", 100, ""),
                line("m2", "2026-01-05T11:00:00Z", "20", 200, ",\"costUSD\":1e999999999"),
                line("m4", "2026-01-05T11:30:00Z", "40", 400, ",\"costUSD\":1e20000000"),
                line("m3", "2026-01-05T12:00:00Z", "30", 300, ""));
        CliRun r = CliRun.of("analyze", "--json", "--timezone", "UTC", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SKIPPED_INPUT);
        assertGoodLinesCounted(r);
        assertThat(r.err()).contains(
                file + ":2: expected costUSD to be a number between 10^-40 and 10^20 but was 1e999999999",
                file + ":3: expected costUSD to be a number between 10^-40 and 10^20 but was 1e20000000");
    }

    @Test
    void aCostReportAmountWithAHugeExponentSkipsItsRowQuickly() throws IOException {
        Path report = dir.resolve("anthropic-cost-report.json");
        Files.writeString(report, "{\"data\":[{\"starting_at\":\"2026-10-05T00:00:00Z\",\"ending_at\":\"2026-10-06T00:00:00Z\","
                + "\"results\":[{\"amount\":\"1e20000000\",\"currency\":\"USD\",\"model\":\"claude-sonnet-4-5\"},"
                + "{\"amount\":\"250\",\"currency\":\"USD\",\"model\":\"claude-sonnet-4-5\"}]}],\"has_more\":false}");
        CliRun r = CliRun.of("analyze", "--json", "--timezone", "UTC", report.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SKIPPED_INPUT);
        assertThat(json(r).get("totals").get("reportedCost").decimalValue()).as("250 cents").isEqualByComparingTo("2.50");
        assertThat(r.err()).contains(report + ":1: data[0].results[0]: expected amount to be a number between 10^-40"
                + " and 10^20 but was 1e20000000");
    }

    @Test
    void controlCharactersFromTheDataAreNeverPrintedRaw() throws IOException {
        String title = "\u001b]0;pwned\u0007";
        Path folder = Files.createDirectories(dir.resolve("projects/evil" + title));
        Files.writeString(folder.resolve("s1.jsonl"), String.join("\n",
                line("m1", "2026-01-05T10:00:00Z", "10", 100, "").replace("/home/u/shop", "/home/u/shop\\u001b[2J")
                        .replace("claude-sonnet-4-5-20250929", "claude-sonnet-4-5\\u001b[31m"),
                "{torn" + title) + "\n");
        for (String[] format : List.of(new String[]{"--by", "project"}, new String[]{"--by", "model"},
                new String[]{"--csv", "--by", "project"}, new String[]{"--json", "--by", "project"})) {
            List<String> args = new ArrayList<>(List.of("analyze", "--timezone", "UTC", dir.toString()));
            args.addAll(List.of(format));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.SKIPPED_INPUT);
            for (String printed : List.of(r.out(), r.err()))
                assertThat(printed).as(String.join(" ", format)).doesNotContain("\u001b", "\u0007");
            assertThat(r.err()).contains("evil\\x1b]0;pwned\\x07" + File.separator + "s1.jsonl:2:");
        }
        CliRun table = CliRun.of("analyze", "--timezone", "UTC", "--by", "project", dir.toString());
        assertThat(table.out()).contains("/home/u/shop\\x1b[2J");
        CliRun json = CliRun.of("analyze", "--timezone", "UTC", "--json", "--by", "model", dir.toString());
        assertThat(json.out()).contains("claude-sonnet-4-5\\\\x1b[31m");
    }

    @Test
    void aRequestSizeThatWouldFillTheMemoryIsRefusedBeforeThePlanStarts() {
        CliRun r = CliRun.of("plan", "../samples/exports", "--request-tokens", "1", "--json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_USAGE);
        assertThat(r.err()).containsPattern("the exports would stand for [0-9,]+ requests at 1 tokens per request"
                + " \\(--request-tokens\\); at most 1,000,000 can be replayed: give --request-tokens [0-9,]+ or more");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void redactHidesProjectsInTheCommandsTablesCsvAndJsonToo() throws IOException {
        Path secret = Files.createDirectories(dir.resolve("projects/-home-u-secret-merger"));
        Files.writeString(secret.resolve("s2.jsonl"), line("m9", "2026-01-05T09:00:00Z", "5", 50, "")
                .replace("/home/u/shop", "/home/u/secret-merger") + "\n{torn\n");
        write("s1.jsonl", line("m1", "2026-01-05T10:00:00Z", "10", 100, ""));
        Path report = elsewhere.resolve("r.html");
        for (String[] format : List.of(new String[]{"--by", "project"}, new String[]{"--csv", "--by", "project"},
                new String[]{"--json", "--by", "project"})) {
            List<String> args = new ArrayList<>(List.of("analyze", "--timezone", "UTC", "--redact", "--force",
                    "--report", report.toString(), dir.toString()));
            args.addAll(List.of(format));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.SKIPPED_INPUT);
            // first used: secret-merger at 09:00, then shop at 10:00
            assertThat(r.out()).as(String.join(" ", format)).contains("project-1", "project-2")
                    .doesNotContain("secret", "shop");
            assertThat(Files.readString(report)).doesNotContain("secret-merger", "/home/u/shop");
        }
    }

    @Test
    void aNamedPipeGivenAsPathIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("x.jsonl");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        CliRun r = CliRun.of("analyze", fifo.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(fifo + ": is not a regular file or folder (a named pipe, device or socket);"
                + " costplan reads only files and folders");
    }

    @Test
    void aDanglingSymbolicLinkIsReported() throws IOException {
        write("s1.jsonl", line("m1", "2026-01-05T10:00:00Z", "10", 100, ""));
        Path link = Files.createSymbolicLink(logs.resolve("gone.jsonl"), dir.resolve("nowhere.jsonl"));
        CliRun r = CliRun.of("analyze", "--json", "--timezone", "UTC", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SKIPPED_INPUT);
        assertThat(r.err()).contains(link + ": is a symbolic link to a file that does not exist; it was skipped");
        CliRun direct = CliRun.of("analyze", link.toString());
        assertThat(direct.err()).contains(link + ": is a symbolic link to a file that does not exist; it was skipped");
        assertThat(direct.exitCode()).as("nothing readable").isEqualTo(ExitCodes.BAD_INPUT);
    }
}
