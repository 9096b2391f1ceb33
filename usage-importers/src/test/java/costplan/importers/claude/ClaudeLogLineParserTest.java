package costplan.importers.claude;

import costplan.importers.Usd;
import costplan.importers.internal.LineProblem;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeLogLineParserTest {
    private static final String FULL_LINE = "{\"parentUuid\":\"p\",\"isSidechain\":true,\"cwd\":\"/src/app\",\"sessionId\":\"s1\","
            + "\"version\":\"2.0.1\",\"costUSD\":0.25,\"isApiErrorMessage\":true,\"message\":{\"model\":\"claude-opus-4-1\","
            + "\"id\":\"msg_1\",\"content\":[{\"type\":\"tool_use\",\"name\":\"Bash\"}],\"usage\":{\"input_tokens\":5,"
            + "\"output_tokens\":7,\"cache_creation_input_tokens\":11,\"cache_read_input_tokens\":13,\"service_tier\":\"priority\","
            + "\"speed\":\"fast\",\"cache_creation\":{\"ephemeral_5m_input_tokens\":3,\"ephemeral_1h_input_tokens\":8},"
            + "\"server_tool_use\":{\"web_search_requests\":2}}},\"requestId\":\"req_1\",\"timestamp\":\"2026-01-02T03:04:05.006Z\","
            + "\"data\":{\"message\":{\"timestamp\":\"2026-01-02T03:04:06Z\",\"message\":{\"model\":\"claude-haiku-4-5\","
            + "\"id\":\"msg_2\",\"usage\":{\"input_tokens\":1}}}}}";
    private static final String BARE_LINE = "{\"type\":\"assistant\",\"message\":{\"usage\":{}}}";

    private static ClaudeLogEntry parse(ClaudeLogLineParser parser, String line) throws LineProblem {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }

    @Test
    void readsEveryUsageFieldOfALineAndOfTheMessageItCarries() throws LineProblem {
        ClaudeLogEntry e = parse(new ClaudeLogLineParser(), FULL_LINE);
        assertThat(e.model).isEqualTo("claude-opus-4-1");
        assertThat(e.messageId).isEqualTo("msg_1");
        assertThat(e.requestId).isEqualTo("req_1");
        assertThat(e.sidechain).isTrue();
        assertThat(e.apiError).isTrue();
        assertThat(e.costUsd).isEqualTo(Usd.of("0.25"));
        assertThat(new long[]{e.inputTokens, e.outputTokens, e.cacheCreationTokens, e.cacheReadTokens,
                e.cacheCreation5mTokens, e.cacheCreation1hTokens, e.webSearchRequests}).containsExactly(5, 7, 11, 13, 3, 8, 2);
        assertThat(e.serviceTier).isEqualTo("priority");
        assertThat(e.speed).isEqualTo("fast");
        assertThat(e.toolNames).containsExactly("Bash");
        assertThat(e.embedded.model).isEqualTo("claude-haiku-4-5");
        assertThat(e.embedded.embeddedProgressCopy).isTrue();
        assertThat(e.embedded.sessionId).isEqualTo("s1");
        assertThat(e.embedded.timestamp).isEqualTo("2026-01-02T03:04:06Z");
    }

    @Test
    void aParserUsedBeforeGivesTheSameEntryAsANewOne() throws Exception {
        ClaudeLogLineParser used = new ClaudeLogLineParser();
        parse(used, FULL_LINE);
        ClaudeLogEntry again = parse(used, BARE_LINE);
        ClaudeLogEntry fresh = parse(new ClaudeLogLineParser(), BARE_LINE);
        // Every field, so that a field added later and not cleared between lines fails here.
        for (Field field : ClaudeLogEntry.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) continue;
            field.setAccessible(true);
            assertThat(field.get(again)).as(field.getName()).isEqualTo(field.get(fresh));
        }
    }
}
