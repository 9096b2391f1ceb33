package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.IsoInstants;
import costplan.importers.internal.LineProblem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads OpenRouter's per-generation activity export (CSV): one {@link UsageRecord} per request, keyed by
 * {@code generation_id}, with {@code cost_total} (dollars) as the reported cost. {@code tokens_prompt} includes
 * {@code tokens_cached}, so the uncached input is their difference; {@code tokens_completion} includes the reasoning
 * tokens. The export has no cache-write column: cache writes count as input. The project is the API key's name
 * (else the app's name); OpenRouter knows no sessions.
 */
public final class OpenRouterGenerationsCsvImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "openrouter-generations-csv";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file's header has {@code generation_id} and {@code model_permaslug}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isCsvWithColumns(source.text(), "generation_id", "model_permaslug");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        readCsvRows(file, reading, c -> {
            int id = c.require("generation_id"), created = c.require("created_at"), cost = c.require("cost_total"),
                    prompt = c.require("tokens_prompt"), completion = c.require("tokens_completion"),
                    cached = c.find("tokens_cached"), model = c.require("model_permaslug");
            int keyName = c.find("api_key_name"), app = c.find("app_name");
            return (row, line) -> {
                String generation = CsvColumns.cell(row, id);
                if (generation.isEmpty()) throw ExportValues.bad("generation_id", "an id", "empty");
                String slug = CsvColumns.cell(row, model);
                if (slug.isEmpty()) throw ExportValues.bad("model_permaslug", "a model slug", "empty");
                long promptTokens = ExportValues.count(CsvColumns.cell(row, prompt), "tokens_prompt");
                long cachedTokens = ExportValues.count(CsvColumns.cell(row, cached), "tokens_cached");
                if (cachedTokens > promptTokens)
                    throw ExportValues.bad("tokens_cached", "at most tokens_prompt (" + promptTokens + ")",
                            Long.toString(cachedTokens));
                BigDecimal dollars = ExportValues.decimal(CsvColumns.cell(row, cost), "cost_total");
                String project = CsvColumns.cell(row, keyName).isEmpty() ? CsvColumns.cell(row, app)
                        : CsvColumns.cell(row, keyName);
                UsageRecord record = UsageRecord.ofRequest(NAME, time(CsvColumns.cell(row, created)), slug,
                        project.isEmpty() ? "(openrouter)" : project, UsageRecord.NO_SESSION, generation, null,
                        new TokenCounts(promptTokens - cachedTokens,
                                ExportValues.count(CsvColumns.cell(row, completion), "tokens_completion"), 0, cachedTokens),
                        0, 0, 0, null, false, false, List.of(), null, ExportValues.usd(dollars, "cost_total"));
                reading.emit(record, generation, line);
            };
        });
    }

    /** Reads {@code 2026-11-02 08:47:53.971} (UTC) or an ISO-8601 time. */
    static Instant time(String text) throws LineProblem {
        try {
            if (text.length() >= 19 && text.charAt(10) == ' ' && text.indexOf('+', 19) < 0 && !text.endsWith("Z"))
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            return IsoInstants.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw ExportValues.bad("created_at", "a UTC time like 2026-11-02 08:47:53.971", '"' + text + '"');
        }
    }
}
