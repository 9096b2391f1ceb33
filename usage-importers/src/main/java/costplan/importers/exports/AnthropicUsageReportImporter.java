package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Anthropic Admin API usage reports ({@code GET /v1/organizations/usage_report/messages}, saved as JSON): one
 * file or many pages, any bucket width ({@code 1m}, {@code 1h}, {@code 1d}), any {@code group_by}. Each result row
 * of a bucket becomes one aggregated {@link UsageRecord}; the same row on two overlapping pages counts once.
 *
 * <p>Anthropic's input counts are disjoint: uncached input, 5-minute and 1-hour cache writes and cache reads add up
 * to the whole prompt. A dimension the report was not grouped by is null: a null model reads as
 * {@code (all models)}, a null workspace as {@code (default workspace)} (which is what it means when grouped).
 *
 * <pre>{@code
 * new AnthropicUsageReportImporter().read(List.of(Path.of("samples/exports/anthropic-usage-report.page1.json")), records::add);
 * }</pre>
 */
public final class AnthropicUsageReportImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "anthropic-usage-report";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file is JSON holding {@code starting_at} buckets with {@code uncached_input_tokens}. */
    @Override
    public boolean canRead(SourceHead source) {
        return isJsonWithFields(source.text(), "starting_at", "uncached_input_tokens");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        JsonDataReader.readBuckets(file, reading, ExportBucket::ofRfc3339, (result, bucket, line) -> emit(result, bucket, line, reading));
    }

    private static void emit(JsonNode r, ExportBucket b, long line, ExportReading reading) throws LineProblem {
        JsonNode cache = r.path("cache_creation");
        long cache5m = ExportValues.count(cache, "ephemeral_5m_input_tokens", "cache_creation.");
        long cache1h = ExportValues.count(cache, "ephemeral_1h_input_tokens", "cache_creation.");
        TokenCounts tokens = new TokenCounts(ExportValues.count(r, "uncached_input_tokens", ""),
                ExportValues.count(r, "output_tokens", ""), cache5m + cache1h,
                ExportValues.count(r, "cache_read_input_tokens", ""));
        int webSearches = ExportValues.searches(ExportValues.count(r.path("server_tool_use"), "web_search_requests",
                "server_tool_use."), "server_tool_use.web_search_requests");
        String model = ExportValues.text(r, "model");
        String workspace = ExportValues.text(r, "workspace_id");
        UsageRecord record = UsageRecord.ofBucket(NAME, b.start(), b.width(), model == null ? "(all models)" : model,
                workspace == null ? "(default workspace)" : workspace, tokens, cache5m, cache1h, webSearches,
                ExportValues.text(r, "service_tier"), null, null);
        String key = String.join("|", b.start().toString(), b.end().toString(), String.valueOf(model),
                String.valueOf(workspace), String.valueOf(ExportValues.text(r, "api_key_id")),
                String.valueOf(ExportValues.text(r, "service_tier")), String.valueOf(ExportValues.text(r, "context_window")),
                String.valueOf(ExportValues.text(r, "inference_geo")), String.valueOf(ExportValues.text(r, "speed")),
                String.valueOf(ExportValues.text(r, "account_id")), String.valueOf(ExportValues.text(r, "service_account_id")));
        reading.emit(record, key, line);
    }
}
