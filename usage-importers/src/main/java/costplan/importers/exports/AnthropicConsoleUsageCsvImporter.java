package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the token CSV the Claude Console's Usage page exports ({@code claude_api_tokens_*.csv}): one aggregated
 * {@link UsageRecord} per row (a day, or an hour at hourly grain, of one model, API key and workspace). Columns are
 * matched by name, so the 2025 layouts (no {@code context_window}, one {@code usage_input_tokens_cache_write}
 * column, which counts as 5-minute writes, Anthropic's default) read as well as the current one. The project is the
 * workspace's name.
 */
public final class AnthropicConsoleUsageCsvImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "anthropic-console-usage-csv";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file's header has {@code usage_date_utc} and {@code usage_input_tokens_no_cache}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isCsvWithColumns(source.text(), "usage_date_utc", "usage_input_tokens_no_cache");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        readCsvRows(file, reading, c -> {
            int date = c.require("usage_date_utc");
            int model = c.require("model_version", "model");
            int input = c.require("usage_input_tokens_no_cache");
            int write5m = c.find("usage_input_tokens_cache_write_5m", "usage_input_tokens_cache_write");
            int write1h = c.find("usage_input_tokens_cache_write_1h");
            int read = c.require("usage_input_tokens_cache_read");
            int output = c.require("usage_output_tokens");
            int webSearch = c.find("web_search_count");
            int workspace = c.find("workspace"), apiKey = c.find("api_key"), tier = c.find("usage_type"),
                    context = c.find("context_window"), geo = c.find("inference_geo"), speed = c.find("speed");
            return new CsvRowReader() {
                private String lastDate;
                private ExportBucket b;

                @Override
                public void row(String[] row, long line) throws LineProblem {
                    // Rows come day by day (or hour by hour): a date is parsed once for all its rows.
                    String dateCell = CsvColumns.cell(row, date);
                    if (!dateCell.equals(lastDate)) {
                        b = ConsoleDates.parse(dateCell, "usage_date_utc", false);
                        lastDate = dateCell;
                    }
                    long cache5m = ExportValues.count(CsvColumns.cell(row, write5m), "usage_input_tokens_cache_write_5m");
                    long cache1h = ExportValues.count(CsvColumns.cell(row, write1h), "usage_input_tokens_cache_write_1h");
                    TokenCounts tokens = new TokenCounts(
                            ExportValues.count(CsvColumns.cell(row, input), "usage_input_tokens_no_cache"),
                            ExportValues.count(CsvColumns.cell(row, output), "usage_output_tokens"), cache5m + cache1h,
                            ExportValues.count(CsvColumns.cell(row, read), "usage_input_tokens_cache_read"));
                    String modelId = reading.shared(CsvColumns.cell(row, model));
                    if (modelId.isEmpty()) throw ExportValues.bad("model_version", "a model id", "empty");
                    String space = reading.shared(CsvColumns.cell(row, workspace));
                    UsageRecord record = UsageRecord.ofBucket(NAME, b.start(), b.width(), modelId,
                            space.isEmpty() ? "(default workspace)" : space, tokens, cache5m, cache1h,
                            ExportValues.searches(ExportValues.count(CsvColumns.cell(row, webSearch), "web_search_count"),
                                    "web_search_count"),
                            emptyToNull(reading.shared(CsvColumns.cell(row, tier))), null, null);
                    reading.emit(record, String.join("|", dateCell, modelId, space,
                            CsvColumns.cell(row, apiKey), CsvColumns.cell(row, tier), CsvColumns.cell(row, context),
                            CsvColumns.cell(row, geo), CsvColumns.cell(row, speed)), line);
                }
            };
        });
    }

    private static String emptyToNull(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
