package costplan.importers.codex;

import costplan.importers.ImportProblem;
import costplan.importers.internal.InputBounds;
import costplan.importers.internal.JsonlScanner;
import costplan.importers.internal.LineProblem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;

/**
 * Reads the usage fields of one Codex CLI rollout line ({@code {"timestamp", "type", "payload"}}) with a streaming
 * parser, skipping instructions, messages and tool output without decoding them.
 */
final class CodexLineParser {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(JsonlScanner.MAX_LINE_BYTES).build())
            .build();
    static final String[] USAGE_FIELDS = {"input_tokens", "cached_input_tokens", "output_tokens",
            "reasoning_output_tokens"};

    CodexLine parse(byte[] buffer, int start, int end) throws LineProblem {
        try (JsonParser p = JSON.createParser(buffer, start, end - start)) {
            if (p.nextToken() != JsonToken.START_OBJECT)
                throw new LineProblem(ImportProblem.Kind.MALFORMED_LINE, "line is not a JSON object");
            CodexLine line = new CodexLine();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "timestamp" -> line.timestamp = text(p, value, "timestamp");
                    case "type" -> line.type = text(p, value, "type");
                    case "payload" -> {
                        if (value == JsonToken.START_OBJECT) readPayload(p, line);
                        else p.skipChildren();
                    }
                    default -> p.skipChildren();
                }
            }
            return line;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            boolean encoding = message != null && message.contains("UTF-8");
            throw new LineProblem(encoding ? ImportProblem.Kind.INVALID_UTF8 : ImportProblem.Kind.MALFORMED_LINE,
                    (encoding ? "line is not valid UTF-8" : "line is not valid JSON") + " (at column "
                            + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new LineProblem(ImportProblem.Kind.MALFORMED_LINE, "line could not be read: " + e.getMessage());
        }
    }

    private void readPayload(JsonParser p, CodexLine line) throws IOException, LineProblem {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "type" -> line.payloadType = text(p, value, "payload.type");
                case "id" -> line.id = text(p, value, "payload.id");
                case "cwd" -> line.cwd = text(p, value, "payload.cwd");
                case "cli_version" -> line.cliVersion = text(p, value, "payload.cli_version");
                case "forked_from_id" -> line.forkedFromId = text(p, value, "payload.forked_from_id");
                case "model" -> line.model = text(p, value, "payload.model");
                case "source" -> {
                    if (value == JsonToken.VALUE_STRING) line.subAgentSource = p.getText().startsWith("subagent");
                    else if (value == JsonToken.START_OBJECT) line.subAgentSource = objectHasField(p, "subagent");
                    else p.skipChildren();
                }
                case "info" -> {
                    if (value == JsonToken.START_OBJECT) readInfo(p, line);
                    else p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
    }

    private void readInfo(JsonParser p, CodexLine line) throws IOException, LineProblem {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT && field.equals("total_token_usage"))
                line.total = usage(p, "info.total_token_usage.", InputBounds.ROW_TOKENS);
            else if (value == JsonToken.START_OBJECT && field.equals("last_token_usage"))
                line.last = usage(p, "info.last_token_usage.", InputBounds.REQUEST_TOKENS);
            else p.skipChildren();
        }
    }

    /** Reads a turn's counts (each at most {@code max}), or a session's running totals. */
    private static long[] usage(JsonParser p, String path, long max) throws IOException, LineProblem {
        long[] counts = new long[USAGE_FIELDS.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            int i = java.util.Arrays.asList(USAGE_FIELDS).indexOf(field);
            if (i < 0) {
                p.skipChildren();
            } else if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                counts[i] = InputBounds.count(p.getLongValue(), max, "payload." + path + field);
            } else if (value != JsonToken.VALUE_NULL) {
                throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected payload." + path + field
                        + " to be a count >= 0 but was " + p.getText());
            }
        }
        return counts;
    }

    private static boolean objectHasField(JsonParser p, String name) throws IOException {
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            found |= p.currentName().equals(name);
            p.nextToken();
            p.skipChildren();
        }
        return found;
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException, LineProblem {
        if (value == JsonToken.VALUE_STRING) return p.getText();
        if (value == JsonToken.VALUE_NULL) return null;
        String found = value.isScalarValue() ? p.getText() : value.asString();
        p.skipChildren();
        throw new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected " + field + " to be a string but was " + found);
    }
}
