package costplan.importers;

import java.nio.charset.StandardCharsets;

/**
 * Reads the usage fields of one Claude Code JSONL line, checking the whole line is valid JSON but skipping all
 * content (prompts, code, tool input and output) without decoding it. Field names follow {@code message.usage} of
 * the Anthropic Messages API as Claude Code logs it.
 */
final class ClaudeLogLineParser {
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] SESSION_ID = ascii("sessionId");
    private static final byte[] CWD = ascii("cwd");
    private static final byte[] VERSION = ascii("version");
    private static final byte[] REQUEST_ID = ascii("requestId");
    private static final byte[] IS_SIDECHAIN = ascii("isSidechain");
    private static final byte[] IS_API_ERROR = ascii("isApiErrorMessage");
    private static final byte[] COST_USD = ascii("costUSD");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] DATA = ascii("data");
    private static final byte[] MODEL = ascii("model");
    private static final byte[] ID = ascii("id");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] INPUT_TOKENS = ascii("input_tokens");
    private static final byte[] OUTPUT_TOKENS = ascii("output_tokens");
    private static final byte[] CACHE_CREATION_TOKENS = ascii("cache_creation_input_tokens");
    private static final byte[] CACHE_READ_TOKENS = ascii("cache_read_input_tokens");
    private static final byte[] SERVICE_TIER = ascii("service_tier");
    private static final byte[] SPEED = ascii("speed");
    private static final byte[] CACHE_CREATION = ascii("cache_creation");
    private static final byte[] EPHEMERAL_5M = ascii("ephemeral_5m_input_tokens");
    private static final byte[] EPHEMERAL_1H = ascii("ephemeral_1h_input_tokens");
    private static final byte[] SERVER_TOOL_USE = ascii("server_tool_use");
    private static final byte[] WEB_SEARCH_REQUESTS = ascii("web_search_requests");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] NAME = ascii("name");

    /** The last value read of each repeated field, handed back when a line repeats it; one parser per thread. */
    private String lastSessionId, lastCwd, lastVersion, lastModel, lastServiceTier, lastSpeed, lastRequestId, lastMessageId;

    private static byte[] ascii(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

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
        JsonCursor json = new JsonCursor(buffer, start, end);
        if (json.peek() != JsonCursor.Kind.OBJECT)
            throw new LineProblem(ImportProblem.Kind.MALFORMED_LINE, "line is not a JSON object");
        ClaudeLogEntry entry = new ClaudeLogEntry();
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
            if (json.fieldIs(TIMESTAMP)) e.timestamp = text(json, path, TIMESTAMP, null);
            else if (json.fieldIs(SESSION_ID)) e.sessionId = lastSessionId = text(json, path, SESSION_ID, lastSessionId);
            else if (json.fieldIs(CWD)) e.cwd = lastCwd = text(json, path, CWD, lastCwd);
            else if (json.fieldIs(VERSION)) e.version = lastVersion = text(json, path, VERSION, lastVersion);
            else if (json.fieldIs(REQUEST_ID)) e.requestId = lastRequestId = text(json, path, REQUEST_ID, lastRequestId);
            else if (json.fieldIs(IS_SIDECHAIN)) e.sidechain = isTrue(json);
            else if (json.fieldIs(IS_API_ERROR)) e.apiError = isTrue(json);
            else if (json.fieldIs(COST_USD)) {
                JsonCursor.Kind kind = json.peek();
                if (kind == JsonCursor.Kind.NUMBER) e.costUsd = new Usd(json.decimal());
                else if (kind == JsonCursor.Kind.NULL) json.skipValue();
                else throw badField(json, path, COST_USD, "a number");
            } else if (json.fieldIs(MESSAGE) && json.peek() == JsonCursor.Kind.OBJECT) readMessage(json, e, paths);
            else if (json.fieldIs(DATA) && outer && json.peek() == JsonCursor.Kind.OBJECT) readProgressData(json, e);
            else json.skipValue();
        }
    }

    private void readProgressData(JsonCursor json, ClaudeLogEntry outer) throws LineProblem {
        json.startObject();
        while (json.nextField()) {
            if (json.fieldIs(MESSAGE) && json.peek() == JsonCursor.Kind.OBJECT) {
                ClaudeLogEntry inner = new ClaudeLogEntry();
                inner.embeddedProgressCopy = true;
                readEnvelope(json, inner, false, EMBEDDED);
                outer.embedded = inner;
            } else {
                json.skipValue();
            }
        }
    }

    private void readMessage(JsonCursor json, ClaudeLogEntry e, Paths paths) throws LineProblem {
        String path = paths.message();
        json.startObject();
        while (json.nextField()) {
            if (json.fieldIs(MODEL)) e.model = lastModel = text(json, path, MODEL, lastModel);
            else if (json.fieldIs(ID)) e.messageId = lastMessageId = text(json, path, ID, lastMessageId);
            else if (json.fieldIs(USAGE) && json.peek() == JsonCursor.Kind.OBJECT) {
                e.hasUsage = true;
                readUsage(json, e, paths);
            } else if (json.fieldIs(CONTENT) && json.peek() == JsonCursor.Kind.ARRAY) readContent(json, e);
            else json.skipValue();
        }
    }

    private void readUsage(JsonCursor json, ClaudeLogEntry e, Paths paths) throws LineProblem {
        String path = paths.usage();
        json.startObject();
        while (json.nextField()) {
            if (json.fieldIs(INPUT_TOKENS)) e.inputTokens = count(json, path, INPUT_TOKENS, 0);
            else if (json.fieldIs(OUTPUT_TOKENS)) e.outputTokens = count(json, path, OUTPUT_TOKENS, 0);
            else if (json.fieldIs(CACHE_CREATION_TOKENS))
                e.cacheCreationTokens = count(json, path, CACHE_CREATION_TOKENS, ClaudeLogEntry.ABSENT);
            else if (json.fieldIs(CACHE_READ_TOKENS)) e.cacheReadTokens = count(json, path, CACHE_READ_TOKENS, 0);
            else if (json.fieldIs(SERVICE_TIER))
                e.serviceTier = lastServiceTier = text(json, path, SERVICE_TIER, lastServiceTier);
            else if (json.fieldIs(SPEED)) e.speed = lastSpeed = text(json, path, SPEED, lastSpeed);
            else if (json.fieldIs(CACHE_CREATION) && json.peek() == JsonCursor.Kind.OBJECT) {
                json.startObject();
                while (json.nextField()) {
                    if (json.fieldIs(EPHEMERAL_5M))
                        e.cacheCreation5mTokens = count(json, paths.cacheCreation(), EPHEMERAL_5M, ClaudeLogEntry.ABSENT);
                    else if (json.fieldIs(EPHEMERAL_1H))
                        e.cacheCreation1hTokens = count(json, paths.cacheCreation(), EPHEMERAL_1H, ClaudeLogEntry.ABSENT);
                    else json.skipValue();
                }
            } else if (json.fieldIs(SERVER_TOOL_USE) && json.peek() == JsonCursor.Kind.OBJECT) {
                json.startObject();
                while (json.nextField()) {
                    if (json.fieldIs(WEB_SEARCH_REQUESTS))
                        e.webSearchRequests = Math.toIntExact(count(json, paths.serverToolUse(), WEB_SEARCH_REQUESTS, 0));
                    else json.skipValue();
                }
            } else json.skipValue();
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
                if (json.fieldIs(TYPE) && json.peek() == JsonCursor.Kind.STRING) type = json.string();
                else if (json.fieldIs(NAME) && json.peek() == JsonCursor.Kind.STRING) name = json.string();
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

    // The field's path is passed in two parts and joined only for an error message: joining it for every field
    // of every line costs more than the parsing itself before the JIT has warmed up.
    private static String text(JsonCursor json, String path, byte[] name, String previous) throws LineProblem {
        JsonCursor.Kind kind = json.peek();
        if (kind == JsonCursor.Kind.STRING) return json.string(previous);
        if (kind == JsonCursor.Kind.NULL) {
            json.skipValue();
            return null;
        }
        throw badField(json, path, name, "a string");
    }

    private static long count(JsonCursor json, String path, byte[] name, long whenNull) throws LineProblem {
        if (json.nextIsWholeNumber()) {
            long n = json.wholeNumber();
            if (n < 0) throw new LineProblem(ImportProblem.Kind.BAD_FIELD,
                    "expected " + path + new String(name, StandardCharsets.US_ASCII) + " to be a count >= 0 but was " + n);
            return n;
        }
        if (json.peek() == JsonCursor.Kind.NULL) {
            json.skipValue();
            return whenNull;
        }
        throw badField(json, path, name, "a whole number");
    }

    private static LineProblem badField(JsonCursor json, String path, byte[] name, String expected) throws LineProblem {
        return new LineProblem(ImportProblem.Kind.BAD_FIELD, "expected " + path + new String(name, StandardCharsets.US_ASCII)
                + " to be " + expected + " but was " + json.describeValue());
    }
}
