package costplan.importers.claude;

import costplan.importers.ImportProblem;
import costplan.importers.ImportProgress;
import costplan.importers.ImportSummary;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.Usd;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeCodeLogImporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    static String assistant(String msgId, String reqId, long input, long output, long cacheWrite, long cacheRead,
                            String extraEnvelope, String extraUsage, String content) {
        return "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/u/proj\","
                + "\"sessionId\":\"s1\",\"version\":\"2.1.39\"" + extraEnvelope + ",\"message\":{\"model\":\"claude-sonnet-4-5-20250929\","
                + "\"id\":\"" + msgId + "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[" + content + "],"
                + "\"usage\":{\"input_tokens\":" + input + ",\"cache_creation_input_tokens\":" + cacheWrite
                + ",\"cache_read_input_tokens\":" + cacheRead + ",\"output_tokens\":" + output + extraUsage + "}},"
                + "\"requestId\":\"" + reqId + "\",\"type\":\"assistant\",\"uuid\":\"u\",\"timestamp\":\"2026-02-11T21:41:48.049Z\"}";
    }

    static String assistant(String msgId, String reqId, long output) {
        return assistant(msgId, reqId, 3, output, 100, 1000, "", "", "{\"type\":\"text\",\"text\":\"hi\"}");
    }

    static final String USER_LINE = "{\"parentUuid\":null,\"isSidechain\":false,\"cwd\":\"/home/u/proj\",\"sessionId\":\"s1\","
            + "\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"fix the \\\"usage\\\":{ bug\"},"
            + "\"uuid\":\"x\",\"timestamp\":\"2026-02-11T21:41:40.000Z\"}";

    private Path write(String relative, String... lines) throws IOException {
        Path file = home.resolve("projects").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private record Result(List<UsageRecord> records, ImportSummary summary) {
    }

    private Result read(Path... sources) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary summary = new ClaudeCodeLogImporter(CLOCK, 2, ImportProgress.NONE).read(List.of(sources), records::add);
        return new Result(records, summary);
    }

    @Nested
    class WhenResponsesAreStreamed {
        @Test
        void keepsOneRequestWithTheFinalOutputAndEveryToolName() throws IOException {
            write("-home-u-proj/s1.jsonl", USER_LINE,
                    assistant("msg_1", "req_1", 3, 8, 100, 1000, "", "", "{\"type\":\"thinking\",\"thinking\":\"…\"}"),
                    assistant("msg_1", "req_1", 3, 8, 100, 1000, "", "", "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"Read\",\"input\":{}}"),
                    assistant("msg_1", "req_1", 3, 276, 100, 1000, "", "", "{\"type\":\"tool_use\",\"id\":\"t2\",\"name\":\"Bash\",\"input\":{\"command\":\"ls\"}}"));
            Result r = read(home);
            assertThat(r.records()).hasSize(1);
            UsageRecord only = r.records().get(0);
            assertThat(only.tokens()).isEqualTo(new TokenCounts(3, 276, 100, 1000));
            assertThat(only.toolNames()).containsExactly("Bash", "Read");
            assertThat(only.project()).isEqualTo("/home/u/proj");
            assertThat(only.clientVersion()).isEqualTo("2.1.39");
            assertThat(only.cacheCreation5mTokens()).as("no split logged: 5-minute default").isEqualTo(100);
            assertThat(r.summary().usageLines()).isEqualTo(3);
            assertThat(r.summary().duplicateCopies()).isEqualTo(2);
            assertThat(r.summary().linesWithoutUsage()).isEqualTo(1);
        }

        @Test
        void deduplicatesAcrossFilesIncludingAgentProgressCopies() throws IOException {
            String sub = assistant("msg_2", "req_2", 50).replace("\"isSidechain\":false", "\"isSidechain\":true");
            write("-home-u-proj/s1/subagents/agent-abc1234.jsonl", sub);
            write("-home-u-proj/s1.jsonl", assistant("msg_1", "req_1", 10),
                    "{\"type\":\"progress\",\"cwd\":\"/home/u/proj\",\"sessionId\":\"s1\",\"data\":{\"type\":\"agent_progress\","
                            + "\"message\":" + sub.replace("\"cwd\":\"/home/u/proj\",", "") + "},\"timestamp\":\"2026-02-11T21:41:49.000Z\"}");
            Result r = read(home);
            assertThat(r.records()).extracting(UsageRecord::messageId).containsExactly("msg_1", "msg_2");
            assertThat(r.records().get(1).subAgent()).isTrue();
            assertThat(r.records().get(0).subAgent()).isFalse();
        }

        @Test
        void dropsSideQuestionReplaysOfMainThreadMessagesInSidechains() throws IOException {
            // A /btw side question replays the parent message in a sidechain file: same message.id, new requestId.
            String replay = assistant("msg_1", "req_btw", 3, 10, 0, 5000, "", "", "{\"type\":\"text\",\"text\":\"hi\"}")
                    .replace("\"isSidechain\":false", "\"isSidechain\":true");
            String ownAnswer = assistant("msg_9", "req_btw2", 40).replace("\"isSidechain\":false", "\"isSidechain\":true");
            write("-home-u-proj/s1.jsonl", assistant("msg_1", "req_1", 10));
            write("-home-u-proj/s1/subagents/agent-side1.jsonl", replay, ownAnswer);
            Result r = read(home);
            assertThat(r.records()).extracting(UsageRecord::requestId).containsExactly("req_1", "req_btw2");
            assertThat(r.records().get(0).tokens()).isEqualTo(new TokenCounts(3, 10, 100, 1000));
        }

        @Test
        void readsTheCacheWriteSplitSpeedAndWebSearches() throws IOException {
            write("p/s1.jsonl", assistant("msg_1", "req_1", 3, 9, 300, 0, "",
                    ",\"cache_creation\":{\"ephemeral_5m_input_tokens\":100,\"ephemeral_1h_input_tokens\":200},"
                            + "\"server_tool_use\":{\"web_search_requests\":2,\"web_fetch_requests\":0},"
                            + "\"service_tier\":\"standard\",\"speed\":\"fast\"", ""));
            UsageRecord r = read(home).records().get(0);
            assertThat(List.of(r.cacheCreation5mTokens(), r.cacheCreation1hTokens())).containsExactly(100L, 200L);
            assertThat(r.webSearchRequests()).isEqualTo(2);
            assertThat(r.fast()).isTrue();
            assertThat(r.serviceTier()).isEqualTo("standard");
        }

        @Test
        void keepsTheLoggedCostOfOldLogs() throws IOException {
            write("p/s1.jsonl", assistant("msg_1", "req_1", 3, 9, 0, 0, ",\"costUSD\":0.0123", "", ""));
            assertThat(read(home).records().get(0).reportedCostUsd()).isEqualTo(Usd.of("0.0123"));
        }
    }

    @Nested
    class WhenLinesCarryNoRequest {
        @Test
        void countsSyntheticAndApiErrorLinesWithoutProducingRequests() throws IOException {
            write("p/s1.jsonl",
                    assistant("a-uuid", "", 0, 0, 0, 0, "", "", "").replace("claude-sonnet-4-5-20250929", "<synthetic>"),
                    assistant("msg_9", "req_9", 0, 0, 0, 0, ",\"isApiErrorMessage\":true", "", ""),
                    assistant("msg_1", "req_1", 5));
            Result r = read(home);
            assertThat(r.records()).hasSize(1);
            assertThat(r.summary().syntheticLines()).isEqualTo(1);
            assertThat(r.summary().apiErrorLines()).isEqualTo(1);
            assertThat(r.summary().skippedAnything()).isFalse();
        }
    }

    /** One out-of-bounds number skips its line, quickly, and the good lines around it add up as before. */
    @Nested
    @Timeout(10)
    class WhenANumberIsOutOfBounds {
        private static final String HIT = "{\"type\":\"text\",\"text\":\"hi\"}";

        /** Two good requests around one bad line: 3 + 3 input, 5 + 7 output, 100 + 100 writes, 1000 + 1000 reads. */
        private Result readAround(String badLine) throws IOException {
            Path file = write("p/s1.jsonl", assistant("msg_1", "req_1", 5), badLine, assistant("msg_3", "req_3", 7));
            Result r = read(home);
            assertThat(r.records()).extracting(UsageRecord::messageId).containsExactly("msg_1", "msg_3");
            assertThat(r.records().stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus))
                    .isEqualTo(new TokenCounts(3 + 3, 5 + 7, 100 + 100, 1000 + 1000));
            assertThat(r.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.line()).isEqualTo(2);
            });
            return r;
        }

        private String problem(Result r) {
            return r.summary().problems().get(0).detail();
        }

        @Test
        void webSearchesBeyondAnInt() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, "",
                    ",\"server_tool_use\":{\"web_search_requests\":3000000000}", HIT));
            assertThat(problem(r)).isEqualTo("expected message.usage.server_tool_use.web_search_requests to be a count"
                    + " of at most 1,000,000 but was 3000000000");
        }

        @Test
        void tokensThatWouldOverflowTheSum() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", Long.MAX_VALUE, 9, 100, 1000, "", "", HIT));
            assertThat(problem(r)).isEqualTo("expected message.usage.input_tokens to be a count of at most"
                    + " 1,000,000,000 but was 9223372036854775807");
        }

        @Test
        void tokensBeyondALong() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, "",
                    "", HIT).replace("\"output_tokens\":9", "\"output_tokens\":" + "9".repeat(40)));
            assertThat(problem(r)).contains("a number too large for a count");
        }

        @Test
        void aCostWithAHugeExponent() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, ",\"costUSD\":1e999999999", "", HIT));
            assertThat(problem(r)).isEqualTo("expected costUSD to be a number between 10^-40 and 10^20 but was 1e999999999");
        }

        @Test
        void aCostWithALargeExponentThatWouldTakeLongToAdd() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, ",\"costUSD\":1e20000000", "", HIT));
            assertThat(problem(r)).isEqualTo("expected costUSD to be a number between 10^-40 and 10^20 but was 1e20000000");
        }

        @Test
        void aCostWithATinyExponent() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, ",\"costUSD\":1e-999999999", "", HIT));
            assertThat(problem(r)).isEqualTo("expected costUSD to be a number between 10^-40 and 10^20 but was 1e-999999999");
        }

        @Test
        void aCostOfAMillionDigits() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, ",\"costUSD\":1" + "0".repeat(1_000_000), "", HIT));
            assertThat(problem(r)).isEqualTo("expected costUSD to be a number of at most 40 characters but was 1000001 characters");
        }

        @Test
        void aNegativeCost() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, ",\"costUSD\":-0.25", "", HIT));
            assertThat(problem(r)).isEqualTo("expected costUSD to be an amount >= 0 but was -0.25");
        }

        @Test
        void aCostAboveAMillionDollars() throws IOException {
            Result r = readAround(assistant("msg_2", "req_2", 3, 9, 100, 1000, ",\"costUSD\":2e6", "", HIT));
            assertThat(problem(r)).isEqualTo("expected costUSD to be an amount of at most 1000000 US dollars but was 2E+6");
        }
    }

    @Nested
    class WhenInputIsBad {
        @Test
        void reportsATornMiddleLineWithFileAndLineAndGoesOn() throws IOException {
            String whole = assistant("msg_1", "req_1", 5);
            Path file = write("p/s1.jsonl", whole.substring(0, 120), assistant("msg_2", "req_2", 5));
            Result r = read(home);
            assertThat(r.records()).hasSize(1);
            assertThat(r.summary().skippedLines()).isEqualTo(Map.of(ImportProblem.Kind.TORN_LINE, 1L));
            assertThat(r.summary().problems()).singleElement().hasToString(
                    file + ":1: line is not a whole JSON object (torn or cut off); it was skipped");
        }

        @Test
        void reportsALastLineCutOffWhileBeingWritten() throws IOException {
            Path file = write("p/s1.jsonl", assistant("msg_1", "req_1", 5));
            Files.writeString(file, assistant("msg_2", "req_2", 5).substring(0, 200), java.nio.file.StandardOpenOption.APPEND);
            Result r = read(home);
            assertThat(r.records()).hasSize(1);
            assertThat(r.summary().problems()).singleElement().hasToString(
                    file + ":2: the last line is cut off (the file may still be being written); it was skipped");
        }

        @Test
        void reportsBrokenJsonInsideAUsageLine() throws IOException {
            Path file = write("p/s1.jsonl", assistant("msg_1", "req_1", 5).replace("\"output_tokens\":5", "\"output_tokens\":5,,"));
            Result r = read(home);
            assertThat(r.records()).isEmpty();
            assertThat(r.summary().skippedLines()).isEqualTo(Map.of(ImportProblem.Kind.MALFORMED_LINE, 1L));
            assertThat(r.summary().problems().get(0).toString()).startsWith(file + ":1: line is not valid JSON (");
        }

        @Test
        void reportsAFieldOfTheWrongType() throws IOException {
            Path file = write("p/s1.jsonl", assistant("msg_1", "req_1", 5).replace("\"input_tokens\":3", "\"input_tokens\":\"abc\""));
            Result r = read(home);
            assertThat(r.summary().problems()).singleElement().hasToString(
                    file + ":1: expected message.usage.input_tokens to be a whole number but was \"abc\"");
        }

        @Test
        void reportsInvalidUtf8() throws IOException {
            Path file = home.resolve("projects/p/s1.jsonl");
            Files.createDirectories(file.getParent());
            byte[] line = assistant("msg_1", "req_1", 5).replace("claude-sonnet", "claude-sonn\u00ffet")
                    .getBytes(StandardCharsets.ISO_8859_1);
            Files.write(file, line);
            Result r = read(home);
            assertThat(r.records()).isEmpty();
            assertThat(r.summary().skippedLines()).isEqualTo(Map.of(ImportProblem.Kind.INVALID_UTF8, 1L));
        }

        @Test
        void reportsAbsurdDates() throws IOException {
            write("p/s1.jsonl", assistant("msg_1", "req_1", 5).replace("2026-02-11T", "2031-02-11T"),
                    assistant("msg_2", "req_2", 5).replace("2026-02-11T", "1999-02-11T"));
            Result r = read(home);
            assertThat(r.records()).isEmpty();
            assertThat(r.summary().skippedLines()).isEqualTo(Map.of(ImportProblem.Kind.ABSURD_DATE, 2L));
        }

        @Test
        void skipsAFileThatIsNotAClaudeLogAndReadsTheRest() throws IOException {
            Path other = write("p/notes.jsonl", "{\"timestamp\":\"2026-01-01\",\"type\":\"session_meta\",\"payload\":{}}");
            write("p/s1.jsonl", assistant("msg_1", "req_1", 5));
            Result r = read(home);
            assertThat(r.records()).hasSize(1);
            assertThat(r.summary().skippedFiles()).isEqualTo(1);
            assertThat(r.summary().problems()).singleElement().hasToString(
                    other + ": is not a Claude Code log (no Claude Code entry in its first 64 KiB); it was skipped");
        }

        @Test
        void readsALogThatStartsWithAByteOrderMark() throws IOException {
            write("p/s1.jsonl", "\uFEFF" + assistant("msg_1", "req_1", 5), assistant("msg_2", "req_2", 7));
            Result r = read(home);
            assertThat(r.records()).extracting(UsageRecord::messageId).containsExactly("msg_1", "msg_2");
            assertThat(r.summary().problems()).isEmpty();
        }

        @Test
        void readsALogWhoseFirstLineIsCutOffOrOfAKindNotKnownYet() throws IOException {
            Path torn = write("p/torn.jsonl", "{\"parentUu", assistant("msg_1", "req_1", 5));
            write("p/new-kind.jsonl", "{\"type\":\"a-kind-not-known-yet\",\"data\":1}", assistant("msg_2", "req_2", 7));
            Result r = read(home);
            assertThat(r.records()).extracting(UsageRecord::messageId).containsExactlyInAnyOrder("msg_1", "msg_2");
            assertThat(r.summary().skippedFiles()).isZero();
            assertThat(r.summary().problems()).singleElement().hasToString(
                    torn + ":1: line is not a whole JSON object (torn or cut off); it was skipped");
        }

        @Test
        void readsEmptyFilesAsEmpty() throws IOException {
            write("p/empty.jsonl");
            Files.writeString(home.resolve("projects/p/empty.jsonl"), "");
            Result r = read(home);
            assertThat(r.summary().filesRead()).isEqualTo(1);
            assertThat(r.summary().skippedAnything()).isFalse();
        }

        @Test
        void reportsAMissingPathButReadsTheOthers() throws IOException {
            write("p/s1.jsonl", assistant("msg_1", "req_1", 5));
            Path missing = home.resolve("nowhere");
            Result r = read(home, missing);
            assertThat(r.records()).hasSize(1);
            assertThat(r.summary().problems()).singleElement().hasToString(missing
                    + ": no such file or folder; give a Claude config folder, its projects/ folder or a .jsonl file");
        }

        @Test
        void survivesASymbolicLinkLoop() throws IOException {
            write("p/s1.jsonl", assistant("msg_1", "req_1", 5));
            Files.createSymbolicLink(home.resolve("projects/p/loop"), home.resolve("projects"));
            Result r = read(home);
            assertThat(r.records()).hasSize(1);
            assertThat(r.summary().problems()).anySatisfy(p -> assertThat(p.detail()).contains("symbolic link loop"));
        }

        @Test
        void readsTheSameFileOnceWhenTwoSourcesReachIt() throws IOException {
            Path file = write("p/s1.jsonl", assistant("msg_1", "req_1", 5));
            Result r = read(home, file);
            assertThat(r.summary().filesRead()).isEqualTo(1);
        }

        @Test
        void writesNothingIntoTheFoldersItReads() throws IOException {
            write("p/s1.jsonl", assistant("msg_1", "req_1", 5));
            List<Path> before;
            try (var walk = Files.walk(home)) {
                before = walk.sorted().toList();
            }
            read(home);
            try (var walk = Files.walk(home)) {
                assertThat(walk.sorted().toList()).isEqualTo(before);
            }
        }
    }

    @Nested
    class WhenFindingLogFolders {
        @Test
        void combinesTheXdgAndLegacyFoldersByDefault() throws IOException {
            Files.createDirectories(home.resolve(".config/claude/projects"));
            Files.createDirectories(home.resolve(".claude/projects"));
            assertThat(ClaudeLogLocations.find(Map.of(), home))
                    .containsExactly(home.resolve(".config/claude/projects"), home.resolve(".claude/projects"));
        }

        @Test
        void takesACommaSeparatedConfigDirList() throws IOException {
            Files.createDirectories(home.resolve("a/projects"));
            Files.createDirectories(home.resolve("b/projects"));
            assertThat(ClaudeLogLocations.find(Map.of("CLAUDE_CONFIG_DIR", "~/a, " + home.resolve("b/projects")), home))
                    .containsExactly(home.resolve("a/projects"), home.resolve("b/projects"));
        }

        @Test
        void rejectsAConfigDirWithoutLogs() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            ClaudeLogLocations.find(Map.of("CLAUDE_CONFIG_DIR", "/nonexistent"), home))
                    .hasMessageContaining("CLAUDE_CONFIG_DIR=/nonexistent names no folder with a projects/ subfolder");
        }
    }
}
