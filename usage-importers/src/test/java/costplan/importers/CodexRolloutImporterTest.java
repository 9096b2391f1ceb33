package costplan.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CodexRolloutImporterTest {
    private static final Path SAMPLE = Path.of("../samples/codex");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private record Result(List<UsageRecord> records, ImportSummary summary) {
    }

    private static Result read(Path... sources) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary summary = new CodexRolloutImporter(CLOCK).read(List.of(sources), records::add);
        return new Result(records, summary);
    }

    @Test
    void theSampleGivesTheTurnsWorkedOutByHand() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(SAMPLE.resolveSibling("codex-truth.json").toFile());
        Result r = read(SAMPLE);
        assertThat(r.records()).hasSize(truth.get("requests").asInt());
        for (int i = 0; i < r.records().size(); i++) {
            UsageRecord record = r.records().get(i);
            JsonNode expected = truth.get("perRequest").get(i);
            assertThat(record.sessionId()).isEqualTo(expected.get("session").asText());
            assertThat(record.model()).isEqualTo(expected.get("model").asText());
            assertThat(record.tokens()).isEqualTo(new TokenCounts(expected.get("input").asLong(), expected.get("output").asLong(),
                    0, expected.get("cacheRead").asLong()));
            assertThat(record.source()).isEqualTo("codex");
            assertThat(record.project()).isEqualTo("/home/kim/src/api");
        }
        assertThat(r.summary().skippedLines()).isEqualTo(Map.of(ImportProblem.Kind.MALFORMED_LINE, 1L));
        assertThat(r.summary().problems().get(0).toString()).contains("rollout-2026-03-02T09-05-00-sess-b.jsonl:5");
        // Two active rollouts read; the archived copy of the first is left out because the active one exists.
        assertThat(r.summary().filesRead()).isEqualTo(2);
    }

    @Test
    void aRolloutWithoutTurnContextFallsBackToGpt5AndUsesTheFolderAsProject() throws IOException {
        Path file = dir.resolve("proj/rollout-2026-03-03T10-00-00-x.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"timestamp\":\"2026-03-03T10:00:05Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\","
                + "\"info\":{\"total_token_usage\":{\"input_tokens\":100,\"cached_input_tokens\":40,\"output_tokens\":7}}}}\n");
        Result r = read(dir);
        assertThat(r.records()).singleElement().satisfies(record -> {
            assertThat(record.model()).isEqualTo("gpt-5");
            assertThat(record.project()).isEqualTo("proj");
            assertThat(record.tokens()).isEqualTo(new TokenCounts(60, 7, 0, 40));
        });
    }

    @Test
    void impossibleCountsAndDatesAreReportedAndSkipped() throws IOException {
        Path file = dir.resolve("rollout-2026-03-03T10-00-00-y.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"timestamp\":\"2026-03-03T10:00:05Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":"
                        + "{\"last_token_usage\":{\"input_tokens\":10,\"cached_input_tokens\":40,\"output_tokens\":7}}}}",
                "{\"timestamp\":\"2031-01-01T00:00:00Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":"
                        + "{\"last_token_usage\":{\"input_tokens\":10,\"cached_input_tokens\":0,\"output_tokens\":7}}}}") + "\n");
        Result r = read(file);
        assertThat(r.records()).isEmpty();
        assertThat(r.summary().skippedLines()).isEqualTo(Map.of(ImportProblem.Kind.BAD_FIELD, 1L, ImportProblem.Kind.ABSURD_DATE, 1L));
    }

    @Test
    void tellsACodexFolderFromAClaudeOne() {
        CodexRolloutImporter codex = new CodexRolloutImporter(CLOCK);
        assertThat(codex.canRead(SAMPLE)).isTrue();
        assertThat(codex.canRead(SAMPLE.resolve("sessions/2026/03/02/rollout-2026-03-02T09-00-00-sess-a.jsonl"))).isTrue();
        assertThat(codex.canRead(Path.of("../samples/claude"))).isFalse();
    }

    @Test
    void codexHomeMayListSeveralFolders() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        assertThat(CodexRolloutImporter.defaultLocations(Map.of("CODEX_HOME", dir.resolve("a") + "," + dir.resolve("b") + ",/nope"), dir))
                .containsExactly(dir.resolve("a"), dir.resolve("b"));
        assertThat(CodexRolloutImporter.defaultLocations(Map.of(), dir)).isEmpty();
    }
}
