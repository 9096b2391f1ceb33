package costplan.importers.exports;

import costplan.importers.SourceHead;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;


import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads OpenAI organisation usage ({@code GET /v1/organization/usage/completions}, saved as JSON, one file or many
 * pages, any bucket width). Each result row becomes an aggregated {@link UsageRecord} with the row's
 * {@code num_model_requests}.
 *
 * <p>OpenAI's {@code input_tokens} include the cached ones ({@code input_cached_tokens}) and the cache writes
 * ({@code input_cache_write_tokens}), so the record's uncached input is {@code input_uncached_tokens} when the row
 * has it, else {@code input_tokens - input_cached_tokens - input_cache_write_tokens}. Reasoning tokens are inside
 * {@code output_tokens}. A null model reads as {@code (all models)}, a null project as {@code (default project)}.
 */
public final class OpenAiUsageJsonImporter extends ExportImporter {
    /** The importer's name. */
    public static final String NAME = "openai-usage";

    @Override
    public String name() {
        return NAME;
    }

    /** Returns whether the file is JSON holding completions usage buckets. */
    @Override
    public boolean canRead(SourceHead source) {
        String head = source.text();
        return isJsonObject(head) && head.contains("organization.usage.completions.result")
                || isJsonWithFields(head, "start_time", "num_model_requests");
    }

    @Override
    void readFile(Path file, ExportReading reading) throws IOException, LineProblem {
        JsonDataReader.readBuckets(file, reading, ExportBucket::ofUnixSeconds, (result, bucket, line) -> {
            OpenAiUsageRow row = OpenAiUsageRow.of(name -> ExportValues.text(result, name));
            if (!row.empty()) reading.emit(row.toRecord(NAME, bucket), row.naturalKey(bucket), line);
        });
    }
}
