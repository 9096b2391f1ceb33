package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.internal.LineProblem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Streams the {@code data} of an API response saved to a file ({@code {"data": [...], "has_more": …, "next_page": …}}
 * or {@code {"data": {...}}}): one element at a time, so a large download needs little memory. A file cut off or
 * broken part way is reported with its line; the elements before that point are kept.
 */
final class JsonDataReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Receives one element of {@code data} and the line it starts on. */
    interface ElementHandler {
        void element(JsonNode element, long line, int index) throws LineProblem;
    }

    /** Reads which time bucket an element of {@code data} covers. */
    interface BucketReader {
        ExportBucket bucket(JsonNode element) throws LineProblem;
    }

    /** Receives one result of a bucket and the line its bucket starts on. */
    interface ResultHandler {
        void result(JsonNode result, ExportBucket bucket, long line) throws LineProblem;
    }

    /**
     * What a page says about the pages after it.
     *
     * @param complete whether the whole file was read
     * @param hasMore the {@code has_more} flag, false when absent
     * @param nextPage the {@code next_page} token, or null
     * @param hasMoreLine the line of {@code has_more}, or 0
     */
    record Page(boolean complete, boolean hasMore, String nextPage, long hasMoreLine) {
    }

    private JsonDataReader() {
    }

    /** Reads {@code file}, handing each element to {@code handler}; element problems are reported and skipped. */
    static Page read(Path file, ExportReading reading, ElementHandler handler) throws IOException, LineProblem {
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            try {
                return readPage(p, reading, handler);
            } catch (NumberFormatException e) {   // Jackson's exact decimals refuse an exponent too large to hold
                reading.report(p.currentLocation().getLineNr(), ImportProblem.Kind.MALFORMED_LINE, "a number here cannot"
                        + " be read (" + firstLine(e.getMessage()) + "); what came before was read, the rest of the file"
                        + " was skipped");
                return new Page(false, false, null, 0);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? reading.lastLine() : e.getLocation().getLineNr();
            boolean cut = e.getMessage() != null && e.getMessage().contains("end-of-input");
            reading.report(line, cut ? ImportProblem.Kind.TRUNCATED : ImportProblem.Kind.MALFORMED_LINE,
                    (cut ? "the JSON is cut off here" : "the JSON is broken here (" + firstLine(e.getOriginalMessage()) + ")")
                            + "; what came before was read, the rest of the file was skipped");
            return new Page(false, false, null, 0);
        }
    }

    /**
     * Reads a bucketed response ({@code data[].results[]}, as the Anthropic and OpenAI admin APIs write them): each
     * result with its bucket, a bad result reported with its place and skipped, and the page added to
     * {@code reading}'s chain with the time it covers.
     */
    static void readBuckets(Path file, ExportReading reading, BucketReader buckets, ResultHandler handler)
            throws IOException, LineProblem {
        Instant[] span = new Instant[2];
        Page page = read(file, reading, (element, line, index) -> {
            ExportBucket bucket = buckets.bucket(element);
            if (span[0] == null) span[0] = bucket.start();
            span[1] = bucket.end();
            int r = 0;
            for (JsonNode result : element.path("results")) {
                try {
                    handler.result(result, bucket, line);
                } catch (LineProblem p) {
                    reading.report(line, p.kind(), "data[" + index + "].results[" + r + "]: " + p.getMessage());
                }
                r++;
            }
        });
        reading.pages.add(file, page, span[0], span[1]);
    }

    private static Page readPage(JsonParser p, ExportReading reading, ElementHandler handler) throws IOException, LineProblem {
        if (p.nextToken() != JsonToken.START_OBJECT)
            throw new LineProblem(ImportProblem.Kind.NOT_A_LOG, "is not a JSON object; expected an API response {\"data\": …}");
        boolean hasMore = false;
        String nextPage = null;
        long hasMoreLine = 0;
        boolean sawData = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "data" -> {
                    sawData = true;
                    if (value == JsonToken.START_ARRAY) {
                        int index = 0;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            long line = p.currentTokenLocation().getLineNr();
                            JsonNode element = JSON.readTree(p);
                            handle(handler, reading, element, line, index++);
                        }
                    } else if (value == JsonToken.START_OBJECT) {
                        long line = p.currentTokenLocation().getLineNr();
                        handle(handler, reading, JSON.readTree(p), line, 0);
                    } else {
                        p.skipChildren();
                    }
                }
                case "has_more" -> {
                    hasMore = value == JsonToken.VALUE_TRUE;
                    hasMoreLine = p.currentTokenLocation().getLineNr();
                }
                case "next_page" -> nextPage = value == JsonToken.VALUE_STRING ? p.getText() : null;
                default -> p.skipChildren();
            }
        }
        if (!sawData) throw new LineProblem(ImportProblem.Kind.NOT_A_LOG, "has no \"data\" field; expected an API response");
        return new Page(true, hasMore, nextPage, hasMoreLine);
    }

    private static void handle(ElementHandler handler, ExportReading reading, JsonNode element, long line, int index) {
        reading.row(line);
        try {
            handler.element(element, line, index);
        } catch (LineProblem problem) {
            reading.report(line, problem.kind(), "data[" + index + "]: " + problem.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
