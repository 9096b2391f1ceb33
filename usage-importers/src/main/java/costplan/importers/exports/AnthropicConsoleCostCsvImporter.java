package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Reads the cost CSV the Claude Console's Cost page exports ({@code claude_api_cost_*.csv}): one aggregated
 * {@link UsageRecord} per row, with no tokens and {@code cost_usd} (dollars, rounded to cents per row) as its
 * reported cost. Columns are matched by name (the 2024 layout has no {@code cost_type}). The model is the display
 * name the export writes ({@code Claude Sonnet 4.5}); rows without one (web search) read as {@code (<cost_type>)}.
 */
public final class AnthropicConsoleCostCsvImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "anthropic-console-cost-csv";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file's header has {@code usage_date_utc} and {@code cost_usd}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isCsvWithColumns(source.text(), "usage_date_utc", "cost_usd");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        readCsvRows(file, reading, c -> {
            int date = c.require("usage_date_utc");
            int cost = c.require("cost_usd");
            int model = c.require("model", "model_version");
            int workspace = c.find("workspace"), apiKey = c.find("api_key"), tokenType = c.find("token_type"),
                    costType = c.find("cost_type"), tier = c.find("usage_type"), context = c.find("context_window"),
                    geo = c.find("inference_geo"), speed = c.find("speed"), currency = c.find("currency");
            return (row, line) -> {
                ExportBucket b = ConsoleDates.parse(CsvColumns.cell(row, date), "usage_date_utc", false);
                BigDecimal dollars = ExportValues.decimal(CsvColumns.cell(row, cost), "cost_usd");
                if (dollars == null) throw ExportValues.bad("cost_usd", "an amount in dollars", "empty");
                ExportValues.checkUsd(currency < 0 ? null : CsvColumns.cell(row, currency), "USD");
                String name = CsvColumns.cell(row, model);
                String type = CsvColumns.cell(row, costType);
                String label = !name.isEmpty() ? name : !type.isEmpty() ? "(" + type + ")" : "(all models)";
                String space = CsvColumns.cell(row, workspace);
                UsageRecord record = UsageRecord.ofBucket(NAME, b.start(), b.width(), label,
                        space.isEmpty() ? "(default workspace)" : space, TokenCounts.ZERO, 0, 0, 0, null, null,
                        ExportValues.usd(dollars, "cost_usd"));
                reading.emit(record, String.join("|", b.start().toString(), b.width().toString(), label, space,
                        CsvColumns.cell(row, apiKey), CsvColumns.cell(row, tokenType), type, CsvColumns.cell(row, tier),
                        CsvColumns.cell(row, context), CsvColumns.cell(row, geo), CsvColumns.cell(row, speed)), line);
            };
        });
    }
}
