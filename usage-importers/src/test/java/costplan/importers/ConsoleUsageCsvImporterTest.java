package costplan.importers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleUsageCsvImporterTest {
    private static final Path SAMPLES = Path.of("../samples/exports");

    @TempDir
    Path dir;

    static List<UsageRecord> read(UsageImporter importer, Path source, List<ImportProblem> problems) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        problems.addAll(importer.read(List.of(source), records::add).problems());
        return records;
    }

    static Map<String, List<Long>> byDayAndModel(List<UsageRecord> records) {
        Map<String, List<Long>> rows = new TreeMap<>();
        for (UsageRecord r : records)
            rows.merge(r.timestamp() + " " + r.model(), List.of(r.tokens().inputTokens(), r.cacheCreation5mTokens(),
                    r.cacheCreation1hTokens(), r.tokens().cacheReadTokens(), r.tokens().outputTokens(), (long) r.webSearchRequests()),
                    (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + b.get(1), a.get(2) + b.get(2), a.get(3) + b.get(3),
                            a.get(4) + b.get(4), a.get(5) + b.get(5)));
        return rows;
    }

    @Test
    void theConsoleCsvAndTheUsageReportOfTheSameDaysGiveTheSameTokens() throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        List<UsageRecord> csv = read(new ConsoleUsageCsvImporter(), SAMPLES.resolve("console"), problems);
        List<UsageRecord> report = read(new AnthropicUsageReportImporter(), SAMPLES, problems);
        assertThat(problems).isEmpty();
        assertThat(csv).hasSize(5).allSatisfy(r -> assertThat(r.bucket()).isEqualTo(Duration.ofDays(1)));
        assertThat(byDayAndModel(csv)).isEqualTo(byDayAndModel(report));
    }

    @Test
    void matchesColumnsByNameInOldHeadersWithOtherDelimiters() throws IOException {
        Path file = dir.resolve("old.csv");
        // 2025 layout: one cache-write column, no context window; semicolons; columns in another order.
        Files.writeString(file, "usage_output_tokens;model_version;usage_date_utc;usage_input_tokens_no_cache;"
                + "usage_input_tokens_cache_write;usage_input_tokens_cache_read\n"
                + "500;claude-sonnet-4-20250514;2025-06-10 14:00;1000;2000;30000\n");
        List<ImportProblem> problems = new ArrayList<>();
        List<UsageRecord> records = read(new ConsoleUsageCsvImporter(), file, problems);
        assertThat(problems).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.tokens()).isEqualTo(new TokenCounts(1000, 500, 2000, 30000));
            assertThat(r.cacheCreation5mTokens()).isEqualTo(2000);
            assertThat(r.bucket()).isEqualTo(Duration.ofHours(1));
            assertThat(r.timestamp()).hasToString("2025-06-10T14:00:00Z");
        });
    }

    @Test
    void missingColumnsAndBadCellsAreReportedWithFileAndLine() throws IOException {
        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, "usage_date_utc,model_version,usage_output_tokens\n2026-11-02,m,5\n");
        List<ImportProblem> problems = new ArrayList<>();
        read(new ConsoleUsageCsvImporter(), missing, problems);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("missing.csv:1").contains("missing columns usage_input_tokens_no_cache, usage_input_tokens_cache_read"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "usage_date_utc,model_version,usage_input_tokens_no_cache,usage_input_tokens_cache_read,usage_output_tokens\n"
                + "2026-11-02,m,10,20,30\n2026-11-03,m,ten,20,30\n");
        problems.clear();
        List<UsageRecord> kept = read(new ConsoleUsageCsvImporter(), bad, problems);
        assertThat(kept).hasSize(1);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("bad.csv:3").contains("expected usage_input_tokens_no_cache to be a whole number but was 'ten'"));
    }

    @Test
    void splitsQuotedCells() {
        assertThat(ConsoleUsageCsvImporter.split("a,\"b,c\",\"d \"\"e\"\"\",", ','))
                .containsExactly("a", "b,c", "d \"e\"", "");
    }
}
