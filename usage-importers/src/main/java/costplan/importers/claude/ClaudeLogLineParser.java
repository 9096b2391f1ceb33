package costplan.importers.claude;

import costplan.importers.ImportProblem;
import costplan.importers.Usd;
import costplan.importers.internal.FieldNames;
import costplan.importers.internal.InputBounds;
import costplan.importers.internal.JsonCursor;
import costplan.importers.internal.LastText;
import costplan.importers.internal.LineProblem;

/**
 * Reads the usage fields of one Claude Code JSONL line, checking the whole line is valid JSON but skipping all
 * content (prompts, code, tool input and output) without decoding it. Field names follow {@code message.usage} of
 * the Anthropic Messages API as Claude Code logs it.
 */
final class ClaudeLogLineParser {
    /** The fields read from a log line, or from the message embedded in a progress line. */
    private enum Envelope {
        TIMESTAMP("timestamp"), SESSION_ID("sessionId"), CWD("cwd"), VERSION("version"), REQUEST_ID("requestId"),
        IS_SIDECHAIN("isSidechain"), IS_API_ERROR("isApiErrorMessage"), COST_USD("costUSD"), MESSAGE("message"),
        DATA("data");

        final String json;

        Envelope(String json) {
            this.json = json;
        }
    }

    /** The fields read from {@code message}. */
    private enum Message {
        MODEL("model"), ID("id"), USAGE("usage"), CONTENT("content");

        final String json;

        Message(String json) {
            this.json = json;
        }
    }

    /** The fields read from {@code message.usage} and the objects in it. */
    private enum Usage {
        INPUT_TOKENS("input_tokens"), OUTPUT_TOKENS("output_tokens"), CACHE_CREATION_TOKENS("cache_creation_input_tokens"),
        CACHE_READ_TOKENS("cache_read_input_tokens"), SERVICE_TIER("service_tier"), SPEED("speed"),
        CACHE_CREATION("cache_creation"), EPHEMERAL_5M("ephemeral_5m_input_tokens"),
        EPHEMERAL_1H("ephemeral_1h_input_tokens"), SERVER_TOOL_USE("server_tool_use"),
        WEB_SEARCH_REQUESTS("web_search_requests");

        final String json;

        Usage(String json) {
            this.json = json;
        }
    }

    /** The fields read from a {@code message.content} block. */
    private enum Block {
        TYPE("type"), NAME("name");

        final String json;

        Block(String json) {
            this.json = json;
        }
    }

    private static final FieldNames<Envelope> ENVELOPE_FIELDS = new FieldNames<>(Envelope.class, f -> f.json);
    private static final FieldNames<Message> MESSAGE_FIELDS = new FieldNames<>(Message.class, f -> f.json);
    private static final FieldNames<Usage> USAGE_FIELDS = new FieldNames<>(Usage.class, f -> f.json);
    private static final FieldNames<Block> BLOCK_FIELDS = new FieldNames<>(Block.class, f -> f.json);

    /** The last value read of each repeated field, handed back when a line repeats it; one parser per thread. */
    private final LastText lastSessionId = new LastText(), lastCwd = new LastText(), lastVersion = new LastText(),
            lastModel = new LastText(), lastServiceTier = new LastText(), lastSpeed = new LastText(),
            lastRequestId = new LastText(), lastMessageId = new LastText(), lastBlockType = new LastText(),
            lastToolName = new LastText();

    /** Where the fields of a log line or of its embedded copy sit, for error messages; built once, not per line. */
    private record Paths(String envelope, String message, String usage, String cacheCreation, String serverToolUse) {
        static Paths under(String prefix) {
            return new Paths(prefix, prefix + "message.", prefix + "message.usage.", prefix + "message.usage.cache_creation.",
                    prefix + "message.usage.server_tool_use.");
        }
    }

    private static final Paths LINE = Paths.under("");
    private static final Paths EMBEDDED = Paths.under("data.message.");

    // The cursor and the entries are used again for every line: a large import parses a hundred thousand lines, and
    // making them anew for each was a third of what the parser allocated.
    private final JsonCursor json = new JsonCursor();
    private final ClaudeLogEntry entry = new ClaudeLogEntry();
    private final ClaudeLogEntry embeddedEntry = new ClaudeLogEntry();

    /**
     * Parses a line; for {@code agent_progress} lines the embedded entry is in {@link ClaudeLogEntry#embedded}. The
     * entries returned are this parser's own and hold the line's values until the next call.
     */
    ClaudeLogEntry parse(byte[] buffer, int start, int end) throws LineProblem {
        json.reset(buffer, start, end);
        if (json.peek() != JsonCursor.Kind.OBJECT)
            throw new LineProblem(ImportProblem.Kind.MALFORMED_LINE, "line is not a JSON object");
        entry.clear();
        readEnvelope(json, entry, true, LINE);
        json.end();
        if (entry.embedded != null) entry.embedded.inheritFrom(entry);
        return entry;
    }

    /** Reads a log line object, or the {@code data.message} object embedded in a progress line. */
    private void readEnvelope(JsonCursor json, ClaudeLogEntry e, boolean outer, Paths paths) throws LineProblem {
        String path = paths.envelope();
        json.startObject();
        while (json.nextField()) {
            Envelope field = json.field(ENVELOPE_FIELDS);
            if (field == null) {
                json.skipValue();
                continue;
            }
            switch (field) {
                case TIMESTAMP -> e.timestamp = text(json, path, field.json, null);
                case SESSION_ID -> e.sessionId = text(json, path, field.json, lastSessionId);
                case CWD -> e.cwd = text(json, path, field.json, lastCwd);
                case VERSION -> e.version = text(json, path, field.json, lastVersion);
                case REQUEST_ID -> e.requestId = text(json, path, field.json, lastRequestId);
                case IS_SIDECHAIN -> e.sidechain = isTrue(json);
                case IS_API_ERROR -> e.apiError = isTrue(json);
                case COST_USD -> {
                    JsonCursor.Kind kind = json.peek();
                    if (kind == JsonCursor.Kind.NUMBER) e.costUsd = cost(json, path + field.json);
                    else if (kind == JsonCursor.Kind.NULL) json.skipValue();
                    else throw badField(json, path, field.json, "a number");
                }
                case MESSAGE -> {
                    if (json.peek() == JsonCursor.Kind.OBJECT) readMessage(json, e, paths);
                    else json.skipValue();
                }
                case DATA -> {
                    if (outer && json.peek() == JsonCursor.Kind.OBJECT) readProgressData(json, e);
                    else json.skipValue();
                }
            }
        }
    }

    private void readProgressData(JsonCursor json, ClaudeLogEntry outer) throws LineProblem {
        json.startObject();
        while (json.nextField()) {
            if (json.field(ENVELOPE_FIELDS) == Envelope.MESSAGE && json.peek() == JsonCursor.Kind.OBJECT) {
                embeddedEntry.clear();
                embeddedEntry.embeddedProgressCopy = true;
                readEnvelope(json, embeddedEntry, false, EMBEDDED);
                outer.embedded = embeddedEntry;
            } else {
                json.skipValue();
            }
        }
    }

    private void readMessage(JsonCursor json, ClaudeLogEntry e, Paths paths) throws LineProblem {
        String path = paths.message();
        json.startObject();
        while (json.nextField()) {
            Message field = json.field(MESSAGE_FIELDS);
            if (field == Message.MODEL) e.model = text(json, path, field.json, lastModel);
            else if (field == Message.ID) e.messageId = text(json, path, field.json, lastMessageId);
            else if (field == Message.USAGE && json.peek() == JsonCursor.Kind.OBJECT) {
                e.hasUsage = true;
                readUsage(json, e, paths);
            } else if (field == Message.CONTENT && json.peek() == JsonCursor.Kind.ARRAY) readContent(json, e);
            else json.skipValue();
        }
    }

    private void readUsage(JsonCursor json, ClaudeLogEntry e, Paths paths) throws LineProblem {
        String path = paths.usage();
        json.startObject();
        while (json.nextField()) {
            Usage field = json.field(USAGE_FIELDS);
            if (field == null) {
                json.skipValue();
                continue;
            }
            switch (field) {
                case INPUT_TOKENS -> e.inputTokens = count(json, path, field.json, 0);
                case OUTPUT_TOKENS -> e.outputTokens = count(json, path, field.json, 0);
                case CACHE_CREATION_TOKENS -> e.cacheCreationTokens = count(json, path, field.json, ClaudeLogEntry.ABSENT);
                case CACHE_READ_TOKENS -> e.cacheReadTokens = count(json, path, field.json, 0);
                case SERVICE_TIER -> e.serviceTier = text(json, path, field.json, lastServiceTier);
                case SPEED -> e.speed = text(json, path, field.json, lastSpeed);
                case CACHE_CREATION -> {
                    if (json.peek() == JsonCursor.Kind.OBJECT) readCacheCreation(json, e, paths.cacheCreation());
                    else json.skipValue();
                }
                case SERVER_TOOL_USE -> {
                    if (json.peek() == JsonCursor.Kind.OBJECT) readServerToolUse(json, e, paths.serverToolUse());
                    else json.skipValue();
                }
                default -> json.skipValue();   // a field of the nested objects, out of place here
            }
        }
    }

    private void readCacheCreation(JsonCursor json, ClaudeLogEntry e, String path) throws LineProblem {
        json.startObject();
        while (json.nextField()) {
            Usage field = json.field(USAGE_FIELDS);
            if (field == Usage.EPHEMERAL_5M) e.cacheCreation5mTokens = count(json, path, field.json, ClaudeLogEntry.ABSENT);
            else if (field == Usage.EPHEMERAL_1H) e.cacheCreation1hTokens = count(json, path, field.json, ClaudeLogEntry.ABSENT);
            else json.skipValue();
        }
    }

    private void readServerToolUse(JsonCursor json, ClaudeLogEntry e, String path) throws LineProblem {
        json.startObject();
        while (json.nextField()) {
            if (json.field(USAGE_FIELDS) == Usage.WEB_SEARCH_REQUESTS)
                e.webSearchRequests = (int) count(json, path, Usage.WEB_SEARCH_REQUESTS.json, 0, InputBounds.REQUEST_SEARCHES);
            else json.skipValue();
        }
    }

    private void readContent(JsonCursor json, ClaudeLogEntry e) throws LineProblem {
        json.startArray();
        while (json.nextElement()) {
            if (json.peek() != JsonCursor.Kind.OBJECT) {
                json.skipValue();
                continue;
            }
            String type = null;
            String name = null;
            json.startObject();
            while (json.nextField()) {
                Block field = json.field(BLOCK_FIELDS);
                if (field == Block.TYPE && json.peek() == JsonCursor.Kind.STRING) type = json.string(lastBlockType);
                else if (field == Block.NAME && json.peek() == JsonCursor.Kind.STRING) name = json.string(lastToolName);
                else json.skipValue();
            }
            if (name != null && "tool_use".equals(type)) e.toolNames.add(name);
        }
    }

    /** Reads any value and returns whether it was {@code true}. */
    private static boolean isTrue(JsonCursor json) throws LineProblem {
        JsonCursor.Kind kind = json.peek();
        json.skipValue();
        return kind == JsonCursor.Kind.TRUE;
    }

    /** Reads a string or null; {@code last}, when not null, hands back the previous text when the value repeats it. */
    // The field's path is passed in two parts and joined only for an error message: joining it for every field
    // of every line costs more than the parsing itself before the JIT has warmed up.
    private static String text(JsonCursor json, String path, String name, LastText last) throws LineProblem {
        JsonCursor.Kind kind = json.peek();
        if (kind == JsonCursor.Kind.STRING) return last == null ? json.string() : json.string(last);
        if (kind == JsonCursor.Kind.NULL) {
            json.skipValue();
            return null;
        }
        throw badField(json, path, name, "a string");
    }

    /** Reads a count of tokens, at most {@link InputBounds#REQUEST_TOKENS}. */
    private static long count(JsonCursor json, String path, String name, long whenNull) throws LineProblem {
        return count(json, path, name, whenNull, InputBounds.REQUEST_TOKENS);
    }

    private static long count(JsonCursor json, String path, String name, long whenNull, long max) throws LineProblem {
        if (json.nextIsWholeNumber()) {
            long n = json.wholeNumber();
            if (n < 0 || n > max) InputBounds.count(n, max, path + name);
            return n;
        }
        if (json.peek() == JsonCursor.Kind.NULL) {
            json.skipValue();
            return whenNull;
        }
        throw badField(json, path, name, "a whole number");
    }

    /** Reads the cost a line states: a number of US dollars from 0 to {@link InputBounds#REQUEST_USD}. */
    private static Usd cost(JsonCursor json, String field) throws LineProblem {
        return new Usd(InputBounds.amount(json.decimal(field), InputBounds.REQUEST_USD, false, field));
    }

    private static LineProblem badField(JsonCursor json, String path, String name, String expected) throws LineProblem {
        return new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected " + path + name + " to be " + expected + " but was "
                + json.describeValue());
    }
}
