package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.TokenCounts;
import costplan.importers.UsageRecord;
import costplan.importers.internal.LineProblem;

/**
 * One row of OpenAI completions usage, as the API and the dashboard CSV both write it, with the input split into
 * uncached input, cache writes and cache reads.
 */
record OpenAiUsageRow(String model, String project, String userId, String apiKeyId, boolean batch, String serviceTier,
                      long uncachedInput, long cacheWrite, long cachedInput, long output, long requests) {

    /** A row's fields by name: the text of a JSON field or CSV cell, null when absent or blank. */
    interface Fields {
        String get(String field);
    }

    static OpenAiUsageRow of(Fields fields) throws LineProblem {
        long input = count(fields, "input_tokens");
        long cached = count(fields, "input_cached_tokens");
        long write = count(fields, "input_cache_write_tokens");
        boolean hasUncached = fields.get("input_uncached_tokens") != null;
        long uncached = hasUncached ? count(fields, "input_uncached_tokens") : input - cached - write;
        if (uncached < 0 || uncached + cached + write != input)
            throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected input_tokens (" + input + ") to equal uncached ("
                    + uncached + ") + cached (" + cached + ") + cache-write (" + write + ") tokens");
        return new OpenAiUsageRow(fields.get("model"), fields.get("project_id"), fields.get("user_id"),
                fields.get("api_key_id"), "true".equalsIgnoreCase(fields.get("batch")), fields.get("service_tier"),
                uncached, write, cached, count(fields, "output_tokens"), count(fields, "num_model_requests"));
    }

    private static long count(Fields fields, String name) throws LineProblem {
        String text = fields.get(name);
        return ExportValues.count(text == null ? "" : text.strip(), name);
    }

    /** Returns whether the row holds no usage at all, as the dashboard writes for days without any. */
    boolean empty() {
        return uncachedInput + cacheWrite + cachedInput + output + requests == 0;
    }

    UsageRecord toRecord(String source, ExportBucket bucket) {
        return UsageRecord.ofBucket(source, bucket.start(), bucket.width(), model == null ? "(all models)" : model,
                project == null ? "(default project)" : project, new TokenCounts(uncachedInput, output, cacheWrite, cachedInput),
                cacheWrite, 0, 0, batch ? "batch" : serviceTier, requests, null);
    }

    String naturalKey(ExportBucket bucket) {
        return String.join("|", bucket.start().toString(), bucket.end().toString(), String.valueOf(model),
                String.valueOf(project), String.valueOf(userId), String.valueOf(apiKeyId), String.valueOf(batch),
                String.valueOf(serviceTier));
    }
}
