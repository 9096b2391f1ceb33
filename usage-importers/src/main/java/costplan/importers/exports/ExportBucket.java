package costplan.importers.exports;

import costplan.importers.internal.IsoInstants;
import costplan.importers.internal.LineProblem;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The time bucket of an API report element: its start and its width, in the shapes Anthropic and OpenAI write. */
record ExportBucket(Instant start, Duration width) {

    /** Returns the end of the bucket (exclusive). */
    Instant end() {
        return start.plus(width);
    }

    /** Reads Anthropic's {@code starting_at} / {@code ending_at} (RFC 3339 strings, end exclusive). */
    static ExportBucket ofRfc3339(JsonNode bucket) throws LineProblem {
        return of(rfc3339(bucket, "starting_at"), rfc3339(bucket, "ending_at"), "ending_at");
    }

    /** Reads OpenAI's {@code start_time} / {@code end_time} (unix seconds, end exclusive). */
    static ExportBucket ofUnixSeconds(JsonNode bucket) throws LineProblem {
        return of(Instant.ofEpochSecond(seconds(bucket, "start_time")), Instant.ofEpochSecond(seconds(bucket, "end_time")),
                "end_time");
    }

    /** Returns the bucket from {@code start} to {@code end}, which must come after it. */
    static ExportBucket of(Instant start, Instant end, String endField) throws LineProblem {
        if (!end.isAfter(start))
            throw ExportValues.bad(endField, "after the bucket start " + start, end.toString());
        return new ExportBucket(start, Duration.between(start, end));
    }

    private static Instant rfc3339(JsonNode bucket, String field) throws LineProblem {
        String text = ExportValues.text(bucket, field);
        if (text == null) throw ExportValues.bad(field, "a time like 2026-11-02T00:00:00Z", "missing");
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            throw ExportValues.bad(field, "a time like 2026-11-02T00:00:00Z", '"' + text + '"');
        }
    }

    private static long seconds(JsonNode bucket, String field) throws LineProblem {
        JsonNode value = bucket.get(field);
        if (value == null || value.isNull()) throw ExportValues.bad(field, "unix seconds", "missing");
        return ExportValues.count(bucket, field, "");
    }
}
