package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code costplan analyze --by day --json} agrees token for token, on every day, with the saved output of
 * {@code ccusage claude daily --json --offline --breakdown} (ccusage 20.0.24) on the same generated trees.
 */
class CcusageAgreementTest {
    private static final Path TREES = Path.of("../usage-importers/src/test/resources/claude-trees");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> dailyTokensMatchCcusage() throws IOException {
        List<Path> trees;
        try (Stream<Path> dirs = Files.list(TREES)) {
            trees = dirs.filter(d -> Files.isRegularFile(d.resolve("ccusage-daily-utc.json"))).sorted().toList();
        }
        assertThat(trees).hasSizeGreaterThanOrEqualTo(5);
        return trees.stream().flatMap(tree -> Stream.of(
                DynamicTest.dynamicTest(tree.getFileName() + " UTC", () -> compare(tree, "UTC", "ccusage-daily-utc.json")),
                DynamicTest.dynamicTest(tree.getFileName() + " Asia/Tokyo", () -> compare(tree, "Asia/Tokyo", "ccusage-daily-tokyo.json"))));
    }

    private static void compare(Path tree, String zone, String ccusageFile) throws IOException {
        StringWriter out = new StringWriter();
        Environment env = new Environment(Map.of(), tree, Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC),
                ZoneOffset.UTC, false);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), env,
                "analyze", "--by", "day", "--json", "--timezone", zone, tree.toString());
        assertThat(code).isIn(0, 4);
        assertThat(dailyTokens(JSON.readTree(out.toString())))
                .isEqualTo(dailyTokens(JSON.readTree(tree.resolve(ccusageFile).toFile())));
    }

    private static Map<String, List<Long>> dailyTokens(JsonNode report) {
        Map<String, List<Long>> days = new TreeMap<>();
        for (JsonNode day : report.get("daily"))
            days.put(day.get("date").asText(), List.of(day.get("inputTokens").asLong(), day.get("outputTokens").asLong(),
                    day.get("cacheCreationTokens").asLong(), day.get("cacheReadTokens").asLong(),
                    day.get("totalTokens").asLong()));
        return days;
    }
}
