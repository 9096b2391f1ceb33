package costplan.importers.codex;

import costplan.importers.ImportProblem;
import costplan.importers.ImportSummary;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden test on {@code samples/codex}, whose totals {@code samples/codex-truth.json} works out by hand. */
class CodexSessionImporterTest {
    static final Path SAMPLE = Path.of("../samples/codex");
    static final String A = "0199b4c2-6a10-7d3e-9f21-5c8e2a7b4d01";
    static final String B = "0199b51a-2f44-7c81-8e03-9a6d1b2c3e02";
    static final String C = "0199ba77-1c05-7f62-a4d8-3e9b0c6f5a03";

    @TempDir
    Path dir;

    private static List<UsageRecord> read(Path source, List<ImportSummary> summary) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        summary.add(new CodexSessionImporter(2).read(List.of(source), records::add));
        return records;
    }

    private static UsageRecord turn(String session, String time, String model, long input, long cacheRead, long output) {
        return UsageRecord.ofRequest("codex", Instant.parse(time), model,
                session.equals(C) ? "/home/rui/src/harbor-web" : "/home/rui/src/harbor-api", session, null, null,
                new TokenCounts(input, output, 0, cacheRead), 0, 0, 0, null, false, session.equals(C), List.of(),
                session.equals(C) ? "0.47.0" : "0.46.0", null);
    }

    @Test
    void readsOneRecordPerTurnAndCountsReplayedAndCopiedTurnsOnce() throws IOException {
        List<ImportSummary> summary = new ArrayList<>();
        List<UsageRecord> records = read(SAMPLE, summary);
        assertThat(records).containsExactly(
                turn(A, "2026-10-06T09:00:30Z", "gpt-5-codex", 12_000, 0, 800),
                turn(A, "2026-10-06T09:02:10Z", "gpt-5-codex", 18_000 - 11_520, 11_520, 700),
                turn(A, "2026-10-06T09:06:00Z", "gpt-5", (55_000 - 30_000) - (28_160 - 11_520), 28_160 - 11_520, 2_600 - 1_500),
                turn(B, "2026-10-06T10:03:00Z", "gpt-5-codex", 25_000 - 21_760, 21_760, 800),
                turn(C, "2026-10-07T14:00:40Z", "gpt-5-mini", 9_000, 0, 400),
                turn(C, "2026-10-07T14:01:30Z", "gpt-5-mini", 11_000 - 8_960, 8_960, 500));
        TokenCounts total = records.stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus);
        assertThat(total).isEqualTo(new TokenCounts(41_120, 4_300, 0, 58_880));
        assertThat(summary.get(0).filesRead()).isEqualTo(4);
        assertThat(summary.get(0).duplicateCopies()).as("the archived copy of session A").isEqualTo(3);
        assertThat(summary.get(0).skippedAnything()).isFalse();
    }

    @Test
    void readsACodexHomeThroughItsSessionsFolders() throws IOException {
        assertThat(read(SAMPLE.resolve("sessions"), new ArrayList<>())).hasSize(6);
        assertThat(new CodexSessionImporter().canRead(SAMPLE)).isTrue();
        assertThat(new CodexSessionImporter().canRead(Path.of("../samples/claude"))).isFalse();
    }

    @Test
    void reportsATornLineAndAnEventWithABadCountAndKeepsTheRest() throws IOException {
        Path file;
        try (Stream<Path> files = Files.walk(SAMPLE.resolve("sessions/2026/10/07"))) {
            file = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(2, lines.get(2).substring(0, 60));
        lines.set(3, lines.get(3).replace("\"output_tokens\":400", "\"output_tokens\":-4"));
        Path copy = dir.resolve("rollout-2026-10-07T14-00-00-" + C + ".jsonl");
        Files.write(copy, lines);
        List<ImportSummary> summary = new ArrayList<>();
        List<UsageRecord> records = read(copy, summary);
        assertThat(records).singleElement().extracting(UsageRecord::tokens)
                .as("the second turn, counted from its own last_token_usage").isEqualTo(new TokenCounts(2_040, 500, 0, 8_960));
        assertThat(summary.get(0).problems()).extracting(Object::toString).containsExactly(
                copy + ":3: line is not a whole JSON object (torn or cut off); it was skipped",
                copy + ":4: expected payload.info.total_token_usage.output_tokens to be a count >= 0 but was -4");
    }

    @Test
    void skipsEventsDatedBefore2023OrInTheFuture() throws IOException {
        Path file = dir.resolve("rollout-dates.jsonl");
        Files.writeString(file, """
                {"timestamp":"2026-10-06T10:00:00.000Z","type":"session_meta","payload":{"id":"s-dates","cwd":"/w"}}
                {"timestamp":"2031-01-01T00:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":7}}}}
                {"timestamp":"1999-01-01T00:00:00.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":7}}}}
                {"timestamp":"2026-10-06T10:01:00.000Z","type":"event_msg","payload":{"type":"token_count","info":{"last_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":7}}}}
                """);
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary summary = new CodexSessionImporter(java.time.Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"),
                java.time.ZoneOffset.UTC), 1).read(List.of(file), records::add);
        assertThat(records).singleElement().extracting(UsageRecord::timestamp).isEqualTo(Instant.parse("2026-10-06T10:01:00Z"));
        assertThat(summary.skippedLines()).isEqualTo(java.util.Map.of(ImportProblem.Kind.ABSURD_DATE, 2L));
        assertThat(summary.problems()).extracting(Object::toString).containsExactly(
                file + ":2: timestamp 2031-01-01T00:00:00.000Z is before 2023-01-01 or in the future",
                file + ":3: timestamp 1999-01-01T00:00:00.000Z is before 2023-01-01 or in the future");
    }

    @Test
    void namesTheModelUnknownWhenNoTurnContextCameFirst() throws IOException {
        Path file = dir.resolve("rollout-old.jsonl");
        Files.writeString(file, """
                {"timestamp":"2025-09-08T10:00:00.000Z","type":"session_meta","payload":{"id":"s-old","cwd":"/w"}}
                {"timestamp":"2025-09-08T10:01:00.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":7}}}}
                """);
        assertThat(read(file, new ArrayList<>())).singleElement().satisfies(r -> {
            assertThat(r.model()).isEqualTo(CodexSessionImporter.UNKNOWN_MODEL);
            assertThat(r.tokens()).isEqualTo(new TokenCounts(60, 7, 0, 40));
        });
    }
}
