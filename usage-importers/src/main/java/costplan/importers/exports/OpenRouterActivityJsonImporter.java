package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;


import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads OpenRouter's activity API ({@code GET /api/v1/activity}, saved as JSON): one aggregated {@link UsageRecord}
 * per day, model and endpoint, with {@code usage} (dollars billed by OpenRouter) as the reported cost. The model is
 * {@code model} (the slug the daily CSV export also uses). No cached-token count is given, so all prompt tokens count
 * as uncached input.
 */
public final class OpenRouterActivityJsonImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "openrouter-activity";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file is JSON holding {@code date} items with {@code prompt_tokens} and {@code byok_usage_inference}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isJsonWithFields(source.text(), "prompt_tokens", "byok_usage_inference", "date");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        JsonDataReader.read(file, reading, (item, line, index) -> {
            String date = ExportValues.text(item, "date");
            LocalDate day;
            try {
                day = LocalDate.parse(date == null ? "" : date.substring(0, Math.min(10, date.length())));
            } catch (DateTimeParseException e) {
                throw ExportValues.bad("date", "a date like 2026-11-02", String.valueOf(date));
            }
            String model = ExportValues.text(item, "model");
            if (model == null) model = ExportValues.text(item, "model_permaslug");
            if (model == null) throw ExportValues.bad("model", "a model slug", "missing");
            BigDecimal dollars = ExportValues.decimal(item, "usage", "");
            UsageRecord record = UsageRecord.ofBucket(NAME, day.atStartOfDay(ZoneOffset.UTC).toInstant(), Duration.ofDays(1),
                    model, "(openrouter)", new TokenCounts(ExportValues.count(item, "prompt_tokens", ""),
                            ExportValues.count(item, "completion_tokens", ""), 0, 0),
                    0, 0, 0, null, ExportValues.count(item, "requests", ""), ExportValues.usd(dollars, "usage"));
            reading.emit(record, String.join("|", day.toString(), model, String.valueOf(ExportValues.text(item, "endpoint_id")),
                    String.valueOf(ExportValues.text(item, "provider_name"))), line);
        });
    }
}
