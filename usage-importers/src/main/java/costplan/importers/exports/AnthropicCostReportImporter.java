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
 * Reads Anthropic Admin API cost reports ({@code GET /v1/organizations/cost_report}, saved as JSON, one file or many
 * pages). Each result row becomes an aggregated {@link UsageRecord} with no tokens and the row's amount as its
 * reported cost. Amounts are strings in cents, possibly with decimals ({@code "178.1553"} is $1.781553); they are
 * converted exactly. A row in another currency than USD is reported and skipped.
 *
 * <p>Rows are per model and token type when the report is grouped by {@code description}; a row without a model
 * (web search, code execution, or a report not grouped so) reads as {@code (<cost_type>)} or {@code (all models)}.
 * {@link costplan.importers.formats.SourceReconciler} joins these amounts to the usage report's rows of the same day,
 * workspace and model.
 */
public final class AnthropicCostReportImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "anthropic-cost-report";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file is JSON holding {@code starting_at} buckets with {@code amount} and {@code currency}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isJsonWithFields(source.text(), "starting_at", "amount", "currency");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        JsonDataReader.readBuckets(file, reading, ExportBucket::ofRfc3339, (result, bucket, line) -> emit(result, bucket, line, reading));
    }

    private static void emit(JsonNode r, ExportBucket b, long line, ExportReading reading) throws LineProblem {
        BigDecimal cents = ExportValues.decimal(r, "amount", "");
        if (cents == null) throw ExportValues.bad("amount", "an amount in cents such as \"123.45\"", "missing");
        ExportValues.checkUsd(ExportValues.currency(r), "USD");
        String model = ExportValues.text(r, "model");
        String costType = ExportValues.text(r, "cost_type");
        String label = model != null ? model : costType != null && !costType.equals("tokens") ? "(" + costType + ")"
                : "(all models)";
        String workspace = ExportValues.text(r, "workspace_id");
        UsageRecord record = UsageRecord.ofBucket(NAME, b.start(), b.width(), label,
                workspace == null ? "(default workspace)" : workspace, TokenCounts.ZERO, 0, 0, 0,
                ExportValues.text(r, "service_tier"), null, ExportValues.usd(cents.movePointLeft(2), "amount"));
        String key = String.join("|", b.start().toString(), b.end().toString(), label, String.valueOf(workspace),
                String.valueOf(costType), String.valueOf(ExportValues.text(r, "token_type")),
                String.valueOf(ExportValues.text(r, "description")), String.valueOf(ExportValues.text(r, "service_tier")),
                String.valueOf(ExportValues.text(r, "context_window")), String.valueOf(ExportValues.text(r, "inference_geo")),
                String.valueOf(ExportValues.text(r, "speed")));
        reading.emit(record, key, line);
    }
}
