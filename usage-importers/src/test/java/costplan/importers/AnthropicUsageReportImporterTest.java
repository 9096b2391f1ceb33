package costplan.importers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicUsageReportImporterTest {
    private static final Path SAMPLE = Path.of("../samples/exports");

    @TempDir
    Path dir;

    private record Result(List<UsageRecord> records, ImportSummary summary) {
    }

    private static Result read(Path... sources) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary summary = new AnthropicUsageReportImporter().read(List.of(sources), records::add);
        return new Result(records, summary);
    }

    @Test
    void pagesAreReadOnceEachAndTheCostReportIsJoinedNotAdded() throws IOException {
        JsonNode truth = new ObjectMapper().readTree(SAMPLE.resolveSibling("exports-truth.json").toFile());
        Result r = read(SAMPLE);
        assertThat(r.records()).hasSize(truth.get("records").asInt());
        TokenCounts total = r.records().stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus);
        assertThat(total).isEqualTo(new TokenCounts(truth.get("inputTokens").asLong(), truth.get("outputTokens").asLong(),
                truth.get("cacheCreation5mTokens").asLong() + truth.get("cacheCreation1hTokens").asLong(),
                truth.get("cacheReadTokens").asLong()));
        assertThat(r.records().stream().mapToLong(UsageRecord::cacheCreation1hTokens).sum())
                .isEqualTo(truth.get("cacheCreation1hTokens").asLong());
        assertThat(r.records().stream().mapToInt(UsageRecord::webSearchRequests).sum()).isEqualTo(truth.get("webSearchRequests").asInt());
        BigDecimal reported = r.records().stream().map(UsageRecord::reportedCostUsd).filter(c -> c != null)
                .map(Usd::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(reported).isEqualByComparingTo(truth.get("reportedCostUsd").asText());
        assertThat(r.records()).allSatisfy(record -> {
            assertThat(record.aggregated()).isTrue();
            assertThat(record.bucket()).isEqualTo(Duration.ofDays(1));
            assertThat(record.source()).isEqualTo("anthropic-usage-report");
        });
        assertThat(r.summary().skippedAnything()).isFalse();
    }

    @Test
    void aLastPageThatSaysMoreFollowsIsReported() throws IOException {
        Path page = dir.resolve("page1.json");
        Files.copy(SAMPLE.resolve("anthropic-usage-report.page1.json"), page);
        Result r = read(page);
        assertThat(r.records()).hasSize(4);
        assertThat(r.summary().problems()).singleElement().satisfies(p ->
                assertThat(p.toString()).contains("the last page says has_more but no next page was given"));
    }

    @Test
    void truncatedJsonAndOtherCurrenciesAreReportedAndTheRestIsKept() throws IOException {
        Files.copy(SAMPLE.resolve("anthropic-usage-report.page2.json"), dir.resolve("page2.json"));
        String page1 = Files.readString(SAMPLE.resolve("anthropic-usage-report.page1.json"));
        Files.writeString(dir.resolve("page1.json"), page1.substring(0, page1.length() / 2));
        Files.writeString(dir.resolve("cost.json"), "{\"data\":[{\"starting_at\":\"2026-11-04T00:00:00Z\",\"ending_at\":"
                + "\"2026-11-05T00:00:00Z\",\"results\":[{\"amount\":\"100\",\"currency\":\"EUR\",\"model\":\"m\"}]}],\"has_more\":false}");
        Result r = read(dir);
        assertThat(r.records()).hasSize(3);
        assertThat(r.summary().problems()).extracting(ImportProblem::toString).anySatisfy(p ->
                assertThat(p).contains("page1.json").contains("not valid JSON (the file may be cut off)"));
        assertThat(r.summary().problems()).extracting(ImportProblem::toString).anySatisfy(p ->
                assertThat(p).contains("currency EUR is not USD"));
    }

    @Test
    void tellsAReportFromLogs() {
        AnthropicUsageReportImporter importer = new AnthropicUsageReportImporter();
        assertThat(importer.canRead(SAMPLE)).isTrue();
        assertThat(importer.canRead(SAMPLE.resolve("anthropic-cost-report.json"))).isTrue();
        assertThat(importer.canRead(Path.of("../samples/claude"))).isFalse();
    }
}
