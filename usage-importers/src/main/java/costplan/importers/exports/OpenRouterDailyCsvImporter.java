package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Reads OpenRouter's daily activity export (CSV: {@code Date, Slug, Usage, BYOK Usage, Requests, Prompt Tokens,
 * Completion Tokens, Reasoning Tokens}): one aggregated {@link UsageRecord} per day and model, with {@code Usage}
 * (dollars billed by OpenRouter; BYOK usage is not) as the reported cost. The export does not say how many prompt
 * tokens were cached, so all of them count as uncached input and a computed cost is an upper bound.
 */
public final class OpenRouterDailyCsvImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "openrouter-daily-csv";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file's header has {@code Slug}, {@code Prompt Tokens} and {@code BYOK Usage}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isCsvWithColumns(source.text(), "Slug", "Prompt Tokens", "BYOK Usage");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        readCsvRows(file, reading, c -> {
            int date = c.require("Date"), slug = c.require("Slug"), usage = c.require("Usage"),
                    requests = c.require("Requests"), prompt = c.require("Prompt Tokens"),
                    completion = c.require("Completion Tokens");
            return (row, line) -> {
                ExportBucket b = ConsoleDates.parse(CsvColumns.cell(row, date), "Date", true);
                String model = CsvColumns.cell(row, slug);
                if (model.isEmpty()) throw ExportValues.bad("Slug", "a model slug", "empty");
                BigDecimal dollars = ExportValues.decimal(CsvColumns.cell(row, usage), "Usage");
                UsageRecord record = UsageRecord.ofBucket(NAME, b.start(), b.width(), model, "(openrouter)",
                        new TokenCounts(ExportValues.count(CsvColumns.cell(row, prompt), "Prompt Tokens"),
                                ExportValues.count(CsvColumns.cell(row, completion), "Completion Tokens"), 0, 0),
                        0, 0, 0, null, ExportValues.count(CsvColumns.cell(row, requests), "Requests"),
                        ExportValues.usd(dollars, "Usage"));
                reading.emit(record, b.start() + "|" + model, line);
            };
        });
    }
}
