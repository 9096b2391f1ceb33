package costplan.importers.formats;

import costplan.importers.TokenCounts;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.claude.ClaudeCodeLogImporter;
import costplan.importers.exports.AnthropicConsoleCostCsvImporter;
import costplan.importers.exports.AnthropicConsoleUsageCsvImporter;
import costplan.importers.exports.AnthropicCostReportImporter;
import costplan.importers.exports.AnthropicUsageReportImporter;
import costplan.importers.exports.ExportImportersTest;
import costplan.importers.exports.OpenRouterGenerationJsonImporter;
import costplan.importers.exports.OpenRouterGenerationsCsvImporter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static costplan.importers.exports.ExportImportersTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

class SourceReconcilerTest {

    private static List<UsageRecord> read(UsageImporter importer, Path... files) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        importer.read(List.of(files), records::add);
        return records;
    }

    private static BigDecimal reported(List<UsageRecord> records) {
        return records.stream().filter(r -> r.reportedCostUsd() != null).map(r -> r.reportedCostUsd().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void joinsTheCostReportToTheUsageReportInsteadOfAddingIt() throws IOException {
        List<UsageRecord> all = new ArrayList<>(read(new AnthropicUsageReportImporter(),
                ExportImportersTest.usageReportPages().toArray(Path[]::new)));
        all.addAll(read(new AnthropicCostReportImporter(), sample("anthropic-cost-report.json")));
        SourceReconciler.Result r = SourceReconciler.reconcile(all);
        assertThat(r.records()).hasSize(28 + 5).as("28 usage rows, 5 web-search cost rows without a model");
        assertThat(r.joinedCostRows()).isEqualTo(126);
        assertThat(r.costOnlyRecords()).isEqualTo(5);
        assertThat(reported(r.records())).isEqualByComparingTo("153.1313687");
        assertThat(r.records().stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus))
                .isEqualTo(ExportImportersTest.ANTHROPIC_TOKENS);
        assertThat(r.overlaps()).isEmpty();
    }

    @Test
    void joinsConsoleCostsByDisplayNameToTheUsageRowsOfTheSameModel() throws IOException {
        List<UsageRecord> all = new ArrayList<>(read(new AnthropicConsoleUsageCsvImporter(), sample("anthropic-console-usage.csv")));
        all.addAll(read(new AnthropicConsoleCostCsvImporter(), sample("anthropic-console-cost.csv")));
        SourceReconciler.Result r = SourceReconciler.reconcile(all);
        assertThat(reported(r.records())).isEqualByComparingTo("153.14");
        assertThat(r.records()).filteredOn(x -> x.model().startsWith("Claude ")).isEmpty();
    }

    @Test
    void flagsTwoExportsOfTheSameUsage() throws IOException {
        List<UsageRecord> all = new ArrayList<>(read(new AnthropicConsoleUsageCsvImporter(), sample("anthropic-console-usage.csv")));
        all.addAll(read(new AnthropicUsageReportImporter(), ExportImportersTest.usageReportPages().toArray(Path[]::new)));
        assertThat(SourceReconciler.reconcile(all).overlaps()).containsExactly(new SourceOverlap("anthropic",
                "anthropic-console-usage-csv", "anthropic-usage-report", true, LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 11), List.of("claude-haiku-4-5", "claude-opus-4-5", "claude-sonnet-4-5")));
    }

    @Test
    void flagsClaudeCodeLogsGivenWithAnOrganisationExportOfTheSameDays() throws IOException {
        List<UsageRecord> all = new ArrayList<>(read(new AnthropicUsageReportImporter(),
                ExportImportersTest.usageReportPages().toArray(Path[]::new)));
        all.add(UsageRecord.ofRequest(ClaudeCodeLogImporter.NAME, java.time.Instant.parse("2026-10-07T09:00:00Z"),
                "claude-opus-4-5-20251101", "/home/rui/src/harbor-api", "s1", "req_1", "msg_1",
                new TokenCounts(3, 200, 1_000, 40_000), 0, 1_000, 0, null, false, false, List.of(), "2.1.39", null));
        SourceReconciler.Result r = SourceReconciler.reconcile(all);
        assertThat(r.records()).hasSize(29);
        assertThat(r.overlaps()).singleElement().satisfies(o -> {
            assertThat(o.sameExport()).isFalse();
            assertThat(o.message()).isEqualTo("anthropic-usage-report and claude-code both hold anthropic usage of"
                    + " [claude-opus-4-5] from 2026-10-07 to 2026-10-07; if the local sessions ran on the organisation's"
                    + " API keys, the export already includes them and the totals count them twice: analyze them separately");
        });
    }

    @Test
    void countsAGenerationSeenInTwoOpenRouterExportsOnce() throws IOException {
        List<UsageRecord> all = new ArrayList<>(read(new OpenRouterGenerationsCsvImporter(), sample("openrouter-activity.csv")));
        all.addAll(read(new OpenRouterGenerationJsonImporter(), sample("openrouter-generation.json")));
        SourceReconciler.Result r = SourceReconciler.reconcile(all);
        assertThat(r.records()).hasSize(13);
        assertThat(r.duplicateRequests()).isEqualTo(1);
        assertThat(reported(r.records())).isEqualByComparingTo("0.584086525");
    }
}
