package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Reads OpenAI organisation costs ({@code GET /v1/organization/costs}, saved as JSON, one file or many pages). Each
 * result row becomes an aggregated {@link UsageRecord} with no tokens and {@code amount.value} (dollars, a number or
 * a decimal string) as its reported cost; a row in another currency than {@code usd} is reported and skipped.
 *
 * <p>The model is the part of {@code line_item} before its first comma ({@code "gpt-5-2025-08-07, cached input"});
 * OpenAI does not document that text, so it is only used to join costs to usage rows of the same model.
 */
public final class OpenAiCostsJsonImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "openai-costs";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file is JSON holding cost buckets. */
    @Override
    public boolean canRead(SourceHead source) {
        String head = source.text();
        return isJsonObject(head) && head.contains("organization.costs.result")
                || isJsonWithFields(head, "start_time", "amount", "line_item");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        JsonDataReader.readBuckets(file, reading, ExportBucket::ofUnixSeconds, (result, bucket, line) -> {
            JsonNode amount = result.path("amount");
            emit(bucket, ExportValues.decimal(amount, "value", "amount."), ExportValues.currency(amount),
                    ExportValues.text(result, "line_item"), ExportValues.text(result, "project_id"),
                    ExportValues.text(result, "api_key_id"), NAME, line, reading);
        });
    }

    /** Hands on one cost row; shared with the dashboard's cost CSV, which has the same fields. */
    static void emit(ExportBucket b, BigDecimal dollars, String currency, String lineItem, String project, String apiKey,
                     String source, long line, ExportReading reading) throws LineProblem {
        if (dollars == null) throw ExportValues.bad("amount.value", "an amount in dollars", "missing");
        ExportValues.checkUsd(currency, "usd");
        String model = lineItem == null ? "(all models)" : lineItem.split(",", 2)[0].strip();
        UsageRecord record = UsageRecord.ofBucket(source, b.start(), b.width(), model,
                project == null ? "(default project)" : project, TokenCounts.ZERO, 0, 0, 0, null, null,
                ExportValues.usd(dollars, "amount.value"));
        reading.emit(record, String.join("|", b.start().toString(), b.end().toString(), String.valueOf(lineItem),
                String.valueOf(project), String.valueOf(apiKey)), line);
    }
}
