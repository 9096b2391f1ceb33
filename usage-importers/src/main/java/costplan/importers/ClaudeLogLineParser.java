package costplan.importers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;

/**
 * Reads the usage fields of one Claude Code JSONL line with a streaming parser, skipping all content
 * (prompts, code, tool input and output) without decoding it. Field names follow
 * {@code message.usage} of the Anthropic Messages API as Claude Code logs it.
 */
final class ClaudeLogLineParser {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(JsonlScanner.MAX_LINE_BYTES).build())
            .build();

    /** Where the fields of a log line or of its embedded copy sit, for error messages; built once, not per line. */
    private record Paths(String envelope, String message, String usage, String cacheCreation, String serverToolUse) {
        static Paths under(String prefix) {
            return new Paths(prefix, prefix + "message.", prefix + "message.usage.", prefix + "message.usage.cache_creation.",
                    prefix + "message.usage.server_tool_use.");
        }
    }

    private static final Paths LINE = Paths.under("");
    private static final Paths EMBEDDED = Paths.under("data.message.");

    /** Parses a line; for {@code agent_progress} lines the embedded entry is in {@link ClaudeLogEntry#embedded}. */
    ClaudeLogEntry parse(byte[] buffer, int start, int end) throws LineProblem {
        try (JsonParser parser = JSON.createParser(buffer, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT)
                throw new LineProblem(ImportProblem.Kind.MALFORMED_LINE, "line is not a JSON object");
            ClaudeLogEntry entry = new ClaudeLogEntry();
            readEnvelope(parser, entry, true, LINE);
            if (parser.nextToken() != null)
                throw new LineProblem(ImportProblem.Kind.MALFORMED_LINE, "unexpected text after the JSON object");
            if (entry.embedded != null) entry.embedded.inheritFrom(entry);
            return entry;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            boolean encoding = message != null && message.contains("UTF-8");
            throw new LineProblem(encoding ? ImportProblem.Kind.INVALID_UTF8 : ImportProblem.Kind.MALFORMED_LINE,
                    (encoding ? "line is not valid UTF-8 (" : "line is not valid JSON (")
                            + firstSentence(message) + " at column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new LineProblem(ImportProblem.Kind.MALFORMED_LINE, "line could not be read: " + e.getMessage());
        }
    }

    private static String firstSentence(String message) {
        if (message == null) return "unknown error";
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** Reads a log line object, or the {@code data.message} object embedded in a progress line. */
    private void readEnvelope(JsonParser p, ClaudeLogEntry e, boolean outer, Paths paths)
            throws IOException, LineProblem {
        String path = paths.envelope();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "timestamp" -> e.timestamp = text(p, value, path, "timestamp");
                case "sessionId" -> e.sessionId = text(p, value, path, "sessionId");
                case "cwd" -> e.cwd = text(p, value, path, "cwd");
                case "version" -> e.version = text(p, value, path, "version");
                case "requestId" -> e.requestId = text(p, value, path, "requestId");
                case "isSidechain" -> e.sidechain = value == JsonToken.VALUE_TRUE;
                case "isApiErrorMessage" -> e.apiError = value == JsonToken.VALUE_TRUE;
                case "costUSD" -> {
                    if (value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT)
                        e.costUsd = new Usd(p.getDecimalValue());
                    else if (value != JsonToken.VALUE_NULL)
                        throw badField(path, "costUSD", "a number", p);
                }
                case "message" -> {
                    if (value == JsonToken.START_OBJECT) readMessage(p, e, paths);
                    else p.skipChildren();
                }
                case "data" -> {
                    if (value == JsonToken.START_OBJECT && outer) readProgressData(p, e);
                    else p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
    }

    private void readProgressData(JsonParser p, ClaudeLogEntry outer) throws IOException, LineProblem {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("message") && value == JsonToken.START_OBJECT) {
                ClaudeLogEntry inner = new ClaudeLogEntry();
                inner.embeddedProgressCopy = true;
                readEnvelope(p, inner, false, EMBEDDED);
                outer.embedded = inner;
            } else {
                p.skipChildren();
            }
        }
    }

    private void readMessage(JsonParser p, ClaudeLogEntry e, Paths paths) throws IOException, LineProblem {
        String path = paths.message();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "model" -> e.model = text(p, value, path, "model");
                case "id" -> e.messageId = text(p, value, path, "id");
                case "usage" -> {
                    if (value == JsonToken.START_OBJECT) {
                        e.hasUsage = true;
                        readUsage(p, e, paths);
                    } else {
                        p.skipChildren();
                    }
                }
                case "content" -> {
                    if (value == JsonToken.START_ARRAY) readContent(p, e);
                    else p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
    }

    private void readUsage(JsonParser p, ClaudeLogEntry e, Paths paths) throws IOException, LineProblem {
        String path = paths.usage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "input_tokens" -> e.inputTokens = count(p, value, path, field, 0);
                case "output_tokens" -> e.outputTokens = count(p, value, path, field, 0);
                case "cache_creation_input_tokens" -> e.cacheCreationTokens = count(p, value, path, field, ClaudeLogEntry.ABSENT);
                case "cache_read_input_tokens" -> e.cacheReadTokens = count(p, value, path, field, 0);
                case "service_tier" -> e.serviceTier = text(p, value, path, field);
                case "speed" -> e.speed = text(p, value, path, field);
                case "cache_creation" -> readObject(p, value, (name, v) -> {
                    if (name.equals("ephemeral_5m_input_tokens"))
                        e.cacheCreation5mTokens = count(p, v, paths.cacheCreation(), name, ClaudeLogEntry.ABSENT);
                    else if (name.equals("ephemeral_1h_input_tokens"))
                        e.cacheCreation1hTokens = count(p, v, paths.cacheCreation(), name, ClaudeLogEntry.ABSENT);
                    else p.skipChildren();
                });
                case "server_tool_use" -> readObject(p, value, (name, v) -> {
                    if (name.equals("web_search_requests"))
                        e.webSearchRequests = Math.toIntExact(count(p, v, paths.serverToolUse(), name, 0));
                    else p.skipChildren();
                });
                default -> p.skipChildren();
            }
        }
    }

    private void readContent(JsonParser p, ClaudeLogEntry e) throws IOException, LineProblem {
        JsonToken element;
        while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            if (element != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String type = null;
            String name = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("type") && value == JsonToken.VALUE_STRING) type = p.getText();
                else if (field.equals("name") && value == JsonToken.VALUE_STRING) name = p.getText();
                else p.skipChildren();
            }
            if (name != null && "tool_use".equals(type)) e.toolNames.add(name);
        }
    }

    private interface FieldReader {
        void read(String name, JsonToken value) throws IOException, LineProblem;
    }

    private static void readObject(JsonParser p, JsonToken value, FieldReader reader) throws IOException, LineProblem {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            reader.read(name, p.nextToken());
        }
    }

    // The field's path is passed in two parts and joined only for an error message: joining it for every field
    // of every line costs more than the parsing itself before the JIT has warmed up.
    private static String text(JsonParser p, JsonToken value, String path, String name) throws IOException, LineProblem {
        if (value == JsonToken.VALUE_STRING) return p.getText();
        if (value == JsonToken.VALUE_NULL) return null;
        throw badField(path, name, "a string", p);
    }

    private static long count(JsonParser p, JsonToken value, String path, String name, long whenNull)
            throws IOException, LineProblem {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            long n = p.getLongValue();
            if (n < 0) throw new LineProblem(ImportProblem.Kind.BAD_FIELD,
                    "expected " + path + name + " to be a count >= 0 but was " + n);
            return n;
        }
        if (value == JsonToken.VALUE_NULL) return whenNull;
        throw badField(path, name, "a whole number", p);
    }

    private static LineProblem badField(String path, String name, String expected, JsonParser p) throws IOException {
        String field = path + name;
        String found = p.currentToken().isScalarValue() ? p.getText() : p.currentToken().asString();
        if (p.currentToken() == JsonToken.VALUE_STRING) found = '"' + abbreviate(found) + '"';
        p.skipChildren();
        return new LineProblem(ImportProblem.Kind.BAD_FIELD,
                "expected " + field + " to be " + expected + " but was " + found);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
