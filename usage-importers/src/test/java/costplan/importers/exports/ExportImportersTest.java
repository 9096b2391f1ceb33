package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.ImportSummary;
import costplan.importers.TokenCounts;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.Usd;
import costplan.importers.formats.SourceReconciler;
import costplan.importers.formats.UsageFormats;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden tests of the export importers on {@code samples/exports}: one made-up week, 2026-10-05 to 2026-10-11. */
public class ExportImportersTest {
    static final Path EXPORTS = Path.of("../samples/exports");
    // The week's totals, as samples/exports/truth.json states them
    public static final TokenCounts ANTHROPIC_TOKENS = new TokenCounts(8_781_654, 2_298_994, 1_269_838 + 5_571_336, 139_758_304);

    @TempDir
    Path dir;

    record Read(List<UsageRecord> records, ImportSummary summary) {
        TokenCounts tokens() {
            return records.stream().map(UsageRecord::tokens).reduce(TokenCounts.ZERO, TokenCounts::plus);
        }

        BigDecimal reportedCost() {
            return records.stream().map(r -> r.reportedCostUsd().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        long requests() {
            return records.stream().mapToLong(UsageRecord::requestCount).sum();
        }

        /** Tokens per UTC day and model id without its date suffix. */
        Map<String, TokenCounts> byDayAndModel() {
            Map<String, TokenCounts> map = new TreeMap<>();
            for (UsageRecord r : records)
                map.merge(r.timestamp().atOffset(ZoneOffset.UTC).toLocalDate() + " " + SourceReconciler.modelKey(r.model()),
                        r.tokens(), TokenCounts::plus);
            return map;
        }
    }

    static Read read(UsageImporter importer, Path... files) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary summary = importer.read(List.of(files), records::add);
        return new Read(records, summary);
    }

    public static Path sample(String name) {
        return EXPORTS.resolve(name);
    }

    public static List<Path> usageReportPages() {
        return List.of(sample("anthropic-usage-report.page1.json"), sample("anthropic-usage-report.page2.json"),
                sample("anthropic-usage-report.page3.json"));
    }

    /**
     * A sample with one row made hostile: that row is reported with its file and line and skipped, quickly, and the
     * other rows read as before.
     */
    @Nested
    @Timeout(10)
    class WhenARowIsOutOfBounds {
        private Path withReplaced(String sample, String from, String to) throws IOException {
            String text = Files.readString(sample(sample));
            int at = text.indexOf(from);
            assertThat(at).as(from + " in " + sample).isNotNegative();
            Path copy = dir.resolve(sample);
            Files.writeString(copy, text.substring(0, at) + to + text.substring(at + from.length()));
            return copy;
        }

        private void assertOneProblem(Read r, Path file, long line, String detail) {
            assertThat(r.summary().problems()).singleElement().hasToString(file + ":" + line + ": " + detail);
        }

        @Test
        void aCostReportAmountWithAHugeExponent() throws IOException {
            Path file = withReplaced("anthropic-cost-report.json", "\"177.0822\"", "\"1e20000000\"");
            Read r = read(new AnthropicCostReportImporter(), file);
            // the sample's 131 rows and $153.1313687, less the one row of 177.0822 cents
            assertThat(r.records()).hasSize(131 - 1);
            assertThat(r.reportedCost()).isEqualByComparingTo(new BigDecimal("153.1313687").subtract(new BigDecimal("1.770822")));
            assertOneProblem(r, file, 3, "data[0].results[0]: expected amount to be a number between 10^-40 and 10^20 but was 1e20000000");
        }

        @Test
        void aCostReportAmountBeyondEveryBound() throws IOException {
            Path file = withReplaced("anthropic-cost-report.json", "\"177.0822\"", "\"1e999999999\"");
            Read r = read(new AnthropicCostReportImporter(), file);
            assertThat(r.records()).hasSize(131 - 1);
            assertOneProblem(r, file, 3, "data[0].results[0]: expected amount to be a number between 10^-40 and 10^20 but was 1e999999999");
        }

        @Test
        void aConsoleCellThatWouldOverflowTheSum() throws IOException {
            Path file = withReplaced("anthropic-console-usage.csv", ",590274,", ",9223372036854775807,");
            Read r = read(new AnthropicConsoleUsageCsvImporter(), file);
            // the week's tokens less the replaced row: 590,274 input, 112,407 output, 75,761 + 0 writes, 910,724 reads
            assertThat(r.tokens()).isEqualTo(new TokenCounts(8_781_654 - 590_274, 2_298_994 - 112_407,
                    1_269_838 + 5_571_336 - 75_761, 139_758_304 - 910_724));
            assertOneProblem(r, file, 2, "expected usage_input_tokens_no_cache to be a count of at most"
                    + " 1,000,000,000,000 but was 9223372036854775807");
        }

        @Test
        void rowsDatedIn1970Or9999() throws IOException {
            Path file = withReplaced("anthropic-console-usage.csv", "2026-10-05,claude-sonnet", "1970-01-01,claude-sonnet");
            String text = Files.readString(file).replaceFirst("2026-10-05,claude-haiku", "9999-12-31,claude-haiku");
            Files.writeString(file, text);
            Read r = read(new AnthropicConsoleUsageCsvImporter(), file);
            assertThat(r.records()).noneMatch(x -> x.timestamp().atOffset(ZoneOffset.UTC).getYear() != 2026);
            assertThat(r.summary().problems()).extracting(Object::toString).containsExactly(
                    file + ":2: timestamp 1970-01-01T00:00:00Z is before 2023-01-01 or in the future; the row was skipped",
                    file + ":3: timestamp 9999-12-31T00:00:00Z is before 2023-01-01 or in the future; the row was skipped");
        }

        @Test
        void aCostRowWithAnEmptyCurrency() throws IOException {
            Path file = dir.resolve("console-cost.csv");
            Files.writeString(file, "usage_date_utc,model,workspace,cost_usd,currency\n"
                    + "2026-10-05,Claude Sonnet 4.5,Default,1.77,USD\n"
                    + "2026-10-05,Claude Sonnet 4.5,Default,1.69,\n");
            Read r = read(new AnthropicConsoleCostCsvImporter(), file);
            assertThat(r.reportedCost()).isEqualByComparingTo("1.77");
            assertOneProblem(r, file, 3, "currency is empty; costplan adds up US dollars only, so this row was skipped");
        }

        @Test
        void aNumberWhoseExponentTheJsonReaderCannotHold() throws IOException {
            // found by ImportFuzzTest: Jackson threw a NumberFormatException, which stopped the run
            Path file = withReplaced("openai-costs.json", "\"value\": 0.", "\"value\": 0.002851e99999999944, \"was\": 0.");
            Read r = read(new OpenAiCostsJsonImporter(), file);
            assertThat(r.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.MALFORMED_LINE);
                assertThat(p.detail()).startsWith("a number here cannot be read (").endsWith(
                        "); what came before was read, the rest of the file was skipped");
            });
        }

        @Test
        void aNegativeCost() throws IOException {
            Path file = withReplaced("anthropic-cost-report.json", "\"177.0822\"", "\"-177.0822\"");
            Read r = read(new AnthropicCostReportImporter(), file);
            assertThat(r.records()).hasSize(131 - 1);
            assertOneProblem(r, file, 3, "data[0].results[0]: expected amount to be an amount >= 0 but was -1.770822");
        }
    }

    @Nested
    class AnthropicUsageReport {
        @Test
        void readsEveryResultOfEveryPageAsADailyBucket() throws IOException {
            Read r = read(new AnthropicUsageReportImporter(), usageReportPages().toArray(Path[]::new));
            assertThat(r.records()).hasSize(28);
            assertThat(r.tokens()).isEqualTo(ANTHROPIC_TOKENS);
            assertThat(r.records().stream().mapToLong(UsageRecord::cacheCreation1hTokens).sum()).isEqualTo(5_571_336);
            assertThat(r.records().stream().mapToInt(UsageRecord::webSearchRequests).sum()).isEqualTo(23);
            UsageRecord first = r.records().get(0);
            assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-10-05T00:00:00Z"));
            assertThat(first.aggregation()).isEqualTo(new UsageRecord.Aggregation(Duration.ofDays(1), null));
            assertThat(first.model()).isEqualTo("claude-sonnet-4-5-20250929");
            assertThat(first.project()).isEqualTo("(default workspace)");
            assertThat(first.tokens()).isEqualTo(new TokenCounts(590_274, 112_407, 75_761, 910_724));
            assertThat(r.requests()).as("the usage report does not count requests").isZero();
            assertThat(r.summary().skippedAnything()).isFalse();
        }

        @Test
        void countsARowOnOverlappingPagesOnce() throws IOException {
            Read r = read(new AnthropicUsageReportImporter(), sample("anthropic-usage-report.page1.json"),
                    sample("anthropic-usage-report.page1.json"), sample("anthropic-usage-report.page2.json"),
                    sample("anthropic-usage-report.page3.json"));
            assertThat(r.tokens()).isEqualTo(ANTHROPIC_TOKENS);
            assertThat(r.summary().duplicateCopies()).isEqualTo(12);
        }

        @Test
        void reportsAPageWhoseNextPageWasNotGiven() throws IOException {
            Read r = read(new AnthropicUsageReportImporter(), sample("anthropic-usage-report.page1.json"));
            assertThat(r.records()).hasSize(12);
            assertThat(r.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.MISSING_PAGE);
                assertThat(p.line()).isEqualTo(lineOf(sample("anthropic-usage-report.page1.json"), "\"has_more\""));
                assertThat(p.detail()).startsWith("has_more is true but no page given starts after 2026-10-08T00:00:00Z;"
                        + " download the next page (next_page \"page_");
            });
        }

        @Test
        void reportsHasMoreWithoutANextPageToken() throws IOException {
            Path page = dir.resolve("page.json");
            Files.writeString(page, Files.readString(sample("anthropic-usage-report.page3.json"))
                    .replace("\"has_more\": false", "\"has_more\": true"));
            Read r = read(new AnthropicUsageReportImporter(), page);
            assertThat(r.records()).hasSize(4);
            assertThat(r.summary().problems()).singleElement().extracting(ImportProblem::detail).isEqualTo(
                    "has_more is true but next_page is null; the usage after 2026-10-12T00:00:00Z may be missing"
                            + " (fetch the report again)");
        }

        @Test
        void keepsTheBucketsBeforeTheCutOfATruncatedFile() throws IOException {
            String text = Files.readString(sample("anthropic-usage-report.page2.json"));
            Path cut = dir.resolve("cut.json");
            Files.writeString(cut, text.substring(0, text.indexOf("2026-10-10T00:00:00Z")));
            Read r = read(new AnthropicUsageReportImporter(), cut);
            assertThat(r.records()).as("the bucket of 2026-10-08; the next one is cut off at its end").hasSize(4);
            assertThat(r.records()).allMatch(x -> x.timestamp().equals(Instant.parse("2026-10-08T00:00:00Z")));
            assertThat(r.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.TRUNCATED);
                assertThat(p.line()).isEqualTo(text.substring(0, text.indexOf("2026-10-10T00:00:00Z")).lines().count());
                assertThat(p.detail()).isEqualTo("the JSON is cut off here; what came before was read, the rest of the file was skipped");
            });
        }

        @Test
        void reportsABadFieldWithItsPathAndKeepsTheOtherRows() throws IOException {
            Path page = dir.resolve("page.json");
            Files.writeString(page, Files.readString(sample("anthropic-usage-report.page3.json"))
                    .replaceFirst("\"output_tokens\": \\d+", "\"output_tokens\": \"lots\""));
            Read r = read(new AnthropicUsageReportImporter(), page);
            assertThat(r.records()).hasSize(3);
            assertThat(r.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.BAD_FIELD);
                assertThat(p.line()).as("the line where the bucket starts").isEqualTo(lineOf(page, "\"starting_at\"") - 1);
                assertThat(p.detail()).isEqualTo("data[0].results[0]: expected output_tokens to be a whole number but was \"lots\"");
            });
        }
    }

    @Nested
    class AnthropicCostReport {
        @Test
        void readsAmountsInCentsAsExactDollars() throws IOException {
            Read r = read(new AnthropicCostReportImporter(), sample("anthropic-cost-report.json"));
            assertThat(r.reportedCost()).isEqualByComparingTo("153.1313687");
            assertThat(r.tokens()).isEqualTo(TokenCounts.ZERO);
            UsageRecord first = r.records().get(0);
            assertThat(first.model()).isEqualTo("claude-sonnet-4-5-20250929");
            assertThat(first.reportedCostUsd().amount()).isEqualByComparingTo(new BigDecimal("590274").multiply(new BigDecimal("3"))
                    .movePointLeft(6));
            assertThat(r.records()).filteredOn(x -> x.model().equals("(web_search)")).hasSize(5);
        }

        @Test
        void skipsARowInAnotherCurrencyAndSaysSo() throws IOException {
            Path report = dir.resolve("cost.json");
            Files.writeString(report, Files.readString(sample("anthropic-cost-report.json"))
                    .replaceFirst("\"currency\": \"USD\"", "\"currency\": \"EUR\""));
            Read r = read(new AnthropicCostReportImporter(), report);
            BigDecimal firstRow = new BigDecimal("590274").multiply(new BigDecimal("3")).movePointLeft(6);
            assertThat(r.reportedCost()).isEqualByComparingTo(new BigDecimal("153.1313687").subtract(firstRow));
            assertThat(r.summary().problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(ImportProblem.Kind.OTHER_CURRENCY);
                assertThat(p.detail()).isEqualTo("data[0].results[0]: currency is EUR, not USD; costplan adds up US dollars"
                        + " only, so this row was skipped");
            });
            assertThat(r.summary().skippedAnything()).isTrue();
        }
    }

    @Nested
    class AnthropicConsoleCsv {
        @Test
        void givesTheSameTokensAsTheUsageReportOfTheSameWeek() throws IOException {
            Read report = read(new AnthropicUsageReportImporter(), usageReportPages().toArray(Path[]::new));
            Read csv = read(new AnthropicConsoleUsageCsvImporter(), sample("anthropic-console-usage.csv"));
            assertThat(csv.tokens()).isEqualTo(ANTHROPIC_TOKENS);
            assertThat(csv.byDayAndModel()).isEqualTo(report.byDayAndModel());
            assertThat(csv.records().stream().mapToInt(UsageRecord::webSearchRequests).sum()).isEqualTo(23);
            assertThat(csv.records()).extracting(UsageRecord::project).containsOnly("Default", "Claude Code");
        }

        @Test
        void readsAFileWithAByteOrderMarkAndSemicolons() throws IOException {
            Path file = dir.resolve("tokens.csv");
            String text = Files.readString(sample("anthropic-console-usage.csv"), StandardCharsets.UTF_8).replace(',', ';');
            Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
            Read r = read(new AnthropicConsoleUsageCsvImporter(), file);
            assertThat(r.tokens()).isEqualTo(ANTHROPIC_TOKENS);
            assertThat(new AnthropicConsoleUsageCsvImporter().canRead(file)).isTrue();
        }

        @Test
        void readsThe2025HeaderWithOneCacheWriteColumnAsFiveMinuteWrites() throws IOException {
            Path file = dir.resolve("old.csv");
            Files.writeString(file, """
                    usage_date_utc,model,api_key,workspace,usage_type,usage_input_tokens_no_cache,usage_input_tokens_cache_write,usage_input_tokens_cache_read,usage_output_tokens,web_search_count
                    2025-06-02,claude-sonnet-4-20250514,dev,Default,standard,100,2000,30000,400,1
                    """);
            UsageRecord r = read(new AnthropicConsoleUsageCsvImporter(), file).records().get(0);
            assertThat(r.tokens()).isEqualTo(new TokenCounts(100, 400, 2_000, 30_000));
            assertThat(r.cacheCreation5mTokens()).isEqualTo(2_000);
            assertThat(r.model()).isEqualTo("claude-sonnet-4-20250514");
        }

        @Test
        void readsAnHourlyExportAsHourBuckets() throws IOException {
            Path file = dir.resolve("hourly.csv");
            Files.writeString(file, """
                    usage_date_utc,model_version,usage_input_tokens_no_cache,usage_input_tokens_cache_read,usage_output_tokens
                    2026-03-31 02:00,claude-haiku-4-5-20251001,10,20,30
                    """);
            UsageRecord r = read(new AnthropicConsoleUsageCsvImporter(), file).records().get(0);
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-03-31T02:00:00Z"));
            assertThat(r.aggregation().width()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void skipsAFileWithoutANeededColumnAndNamesIt() throws IOException {
            Path file = dir.resolve("broken.csv");
            Files.writeString(file, "usage_date_utc,model_version,usage_input_tokens_no_cache,usage_output_tokens\n"
                    + "2026-10-05,claude-haiku-4-5-20251001,1,2\n");
            Read r = read(new AnthropicConsoleUsageCsvImporter(), file);
            assertThat(r.records()).isEmpty();
            assertThat(r.summary().skippedFiles()).isEqualTo(1);
            assertThat(r.summary().problems()).singleElement().hasToString(file + ":1: has no column"
                    + " usage_input_tokens_cache_read; the file was skipped (columns are matched by name, in any order)");
        }

        @Test
        void reportsABadCellWithItsLineAndKeepsTheOtherRows() throws IOException {
            Path file = dir.resolve("bad.csv");
            List<String> lines = new ArrayList<>(Files.readAllLines(sample("anthropic-console-usage.csv")));
            lines.set(3, lines.get(3).replaceFirst(",standard,≤ 200k,\\d+,", ",standard,≤ 200k,12x,"));
            Files.write(file, lines);
            Read r = read(new AnthropicConsoleUsageCsvImporter(), file);
            assertThat(r.records()).hasSize(27);
            assertThat(r.summary().problems()).singleElement().hasToString(file
                    + ":4: expected usage_input_tokens_no_cache to be a whole number but was \"12x\"");
        }

        @Test
        void readsTheCostExportInDollarsRoundedPerRow() throws IOException {
            Read r = read(new AnthropicConsoleCostCsvImporter(), sample("anthropic-console-cost.csv"));
            assertThat(r.reportedCost()).isEqualByComparingTo("153.14");
            assertThat(r.records().get(0).model()).isEqualTo("Claude Sonnet 4.5");
            assertThat(r.records().get(0).reportedCostUsd()).isEqualTo(Usd.of("1.77"));
        }
    }

    @Nested
    class OpenAi {
        // input 56,674,506 of which cached 30,084,864; output 13,892,569; requests 11,936 (truth.json)
        final TokenCounts tokens = new TokenCounts(56_674_506 - 30_084_864, 13_892_569, 0, 30_084_864);

        @Test
        void splitsCachedInputOutOfTheInputTokens() throws IOException {
            Read r = read(new OpenAiUsageJsonImporter(), sample("openai-usage-completions.json"));
            assertThat(r.records()).hasSize(25);
            assertThat(r.tokens()).isEqualTo(tokens);
            assertThat(r.requests()).isEqualTo(11_936);
            assertThat(r.records().get(0).model()).isEqualTo("gpt-5-2025-08-07");
        }

        @Test
        void readsTheDashboardCsvToTheSameNumbers() throws IOException {
            Read r = read(new OpenAiUsageCsvImporter(), sample("openai-dashboard-usage.csv"));
            assertThat(r.tokens()).isEqualTo(tokens);
            assertThat(r.requests()).isEqualTo(11_936);
            assertThat(r.byDayAndModel()).isEqualTo(read(new OpenAiUsageJsonImporter(), sample("openai-usage-completions.json")).byDayAndModel());
        }

        @Test
        void fallsBackToInputMinusCachedWithoutTheUncachedField() throws IOException {
            Path file = dir.resolve("old.json");
            Files.writeString(file, Files.readString(sample("openai-usage-completions.json"))
                    .replaceAll("\"input_uncached_tokens\": \\d+,", ""));
            assertThat(read(new OpenAiUsageJsonImporter(), file).tokens()).isEqualTo(tokens);
        }

        @Test
        void readsCostsInDollars() throws IOException {
            Read r = read(new OpenAiCostsJsonImporter(), sample("openai-costs.json"));
            assertThat(r.reportedCost()).isEqualByComparingTo("97.7233171");
            assertThat(r.records()).extracting(UsageRecord::model).containsOnly("gpt-5-2025-08-07", "gpt-5-mini-2025-08-07");
        }
    }

    @Nested
    class OpenRouter {
        @Test
        void readsOneRecordPerGenerationWithCachedTokensSplitOut() throws IOException {
            Read r = read(new OpenRouterGenerationsCsvImporter(), sample("openrouter-activity.csv"));
            assertThat(r.records()).hasSize(13);
            assertThat(r.tokens()).isEqualTo(new TokenCounts(453_795 - 163_410, 39_671, 0, 163_410));
            assertThat(r.reportedCost()).isEqualByComparingTo("0.584086525");
            UsageRecord first = r.records().get(0);
            assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-10-05T08:41:33.595Z"));
            assertThat(first.tokens()).isEqualTo(new TokenCounts(21_270 - 11_060, 1_951, 0, 11_060));
            assertThat(first.project()).isEqualTo("laptop-cli");
            assertThat(first.aggregated()).isFalse();
        }

        @Test
        void readsTheDailyExportAndTheActivityApiToTheSameTotals() throws IOException {
            for (Read r : List.of(read(new OpenRouterDailyCsvImporter(), sample("openrouter-activity-daily.csv")),
                    read(new OpenRouterActivityJsonImporter(), sample("openrouter-activity-api.json")))) {
                assertThat(r.records()).hasSize(9);
                assertThat(r.tokens()).isEqualTo(new TokenCounts(453_795, 39_671, 0, 0));
                assertThat(r.requests()).isEqualTo(13);
                assertThat(r.reportedCost()).isEqualByComparingTo("0.584086525");
            }
        }

        @Test
        void readsAGenerationRecord() throws IOException {
            Read r = read(new OpenRouterGenerationJsonImporter(), sample("openrouter-generation.json"));
            UsageRecord csvCopy = read(new OpenRouterGenerationsCsvImporter(), sample("openrouter-activity.csv")).records().get(1);
            assertThat(r.records()).singleElement().satisfies(g -> {
                assertThat(g.requestId()).isEqualTo("gen-1791190254-C22rf9zg6u9v2ZszZ29q").isEqualTo(csvCopy.requestId());
                assertThat(g.tokens()).isEqualTo(csvCopy.tokens());
                assertThat(g.reportedCostUsd().amount()).isEqualByComparingTo(csvCopy.reportedCostUsd().amount());
                assertThat(g.timestamp()).isEqualTo(csvCopy.timestamp());
            });
        }
    }

    @Nested
    class Detection {
        @Test
        void tellsEachFormatFromItsContentNotItsName() throws IOException {
            Map<String, String> expected = Map.ofEntries(
                    Map.entry("anthropic-usage-report.page1.json", AnthropicUsageReportImporter.NAME),
                    Map.entry("anthropic-cost-report.json", AnthropicCostReportImporter.NAME),
                    Map.entry("anthropic-console-usage.csv", AnthropicConsoleUsageCsvImporter.NAME),
                    Map.entry("anthropic-console-cost.csv", AnthropicConsoleCostCsvImporter.NAME),
                    Map.entry("openai-usage-completions.json", OpenAiUsageJsonImporter.NAME),
                    Map.entry("openai-costs.json", OpenAiCostsJsonImporter.NAME),
                    Map.entry("openai-dashboard-usage.csv", OpenAiUsageCsvImporter.NAME),
                    Map.entry("openrouter-activity.csv", OpenRouterGenerationsCsvImporter.NAME),
                    Map.entry("openrouter-activity-daily.csv", OpenRouterDailyCsvImporter.NAME),
                    Map.entry("openrouter-activity-api.json", OpenRouterActivityJsonImporter.NAME),
                    Map.entry("openrouter-generation.json", OpenRouterGenerationJsonImporter.NAME));
            for (var e : expected.entrySet()) {
                Path renamed = dir.resolve("download-" + e.getKey().hashCode() + ".dat");
                Files.copy(sample(e.getKey()), renamed);
                assertThat(UsageFormats.detect(renamed)).as(e.getKey()).get().extracting(UsageImporter::name).isEqualTo(e.getValue());
            }
            assertThat(UsageFormats.detect(Path.of("../samples/codex"))).get().extracting(UsageImporter::name).isEqualTo("codex");
            assertThat(UsageFormats.detect(Path.of("../samples/claude"))).get().extracting(UsageImporter::name).isEqualTo("claude-code");
        }

        @Test
        void readsAFolderOfExportsFileByFileAndIgnoresTheRest() {
            UsageFormats.Assignment a = UsageFormats.assign(List.of(EXPORTS), null);
            assertThat(a.byFormat().keySet()).extracting(UsageImporter::name).hasSize(11);
            assertThat(a.ignored()).containsExactly(EXPORTS.resolve("README.md"), EXPORTS.resolve("truth.json"));
        }
    }

    static long lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }
}
