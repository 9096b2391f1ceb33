package costplan.importers.claude;

import costplan.importers.ImportProgress;
import costplan.importers.ImportSummary;
import costplan.importers.UsageRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports the generated trees under {@code claude-trees/} (every format era, with torn lines) and compares
 * with the generator's exact ground truth: totals, per model, per session, per day in UTC and in Tokyo.
 */
class GeneratedTreesTest {
    private static final Path TREES = Path.of("src/test/resources/claude-trees");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> everyTreeMatchesItsGroundTruth() throws IOException {
        List<Path> trees;
        try (Stream<Path> dirs = Files.list(TREES)) {
            trees = dirs.filter(d -> Files.isRegularFile(d.resolve("truth-utc.json"))).sorted().toList();
        }
        assertThat(trees).as("generated fixture trees").hasSizeGreaterThanOrEqualTo(5);
        return trees.stream().map(tree -> DynamicTest.dynamicTest(tree.getFileName().toString(), () -> check(tree)));
    }

    private static void check(Path tree) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary summary = new ClaudeCodeLogImporter(CLOCK, 2, ImportProgress.NONE)
                .read(List.of(tree), records::add);
        JsonNode utc = JSON.readTree(tree.resolve("truth-utc.json").toFile());

        assertThat(figures(records)).isEqualTo(truthFigures(utc.get("totals")));
        assertThat(grouped(records, UsageRecord::model)).isEqualTo(truthGroups(utc.get("by_model")));
        assertThat(grouped(records, UsageRecord::sessionId)).isEqualTo(truthGroups(utc.get("by_session")));
        assertThat(grouped(records, r -> day(r, ZoneOffset.UTC))).isEqualTo(truthGroups(utc.get("by_day")));
        JsonNode tokyo = JSON.readTree(tree.resolve("truth-tokyo.json").toFile());
        assertThat(grouped(records, r -> day(r, ZoneId.of("Asia/Tokyo")))).isEqualTo(truthGroups(tokyo.get("by_day")));

        JsonNode files = utc.get("files");
        assertThat(summary.filesRead()).isEqualTo(files.get("files").asLong());
        assertThat(summary.bytesRead()).isEqualTo(files.get("bytes").asLong());
        assertThat(summary.linesRead()).isEqualTo(files.get("lines").asLong());
        assertThat(summary.skippedLineCount()).isEqualTo(files.get("malformed_lines").asLong());
        assertThat(summary.requests()).isEqualTo(records.size());
    }

    private static String day(UsageRecord r, ZoneId zone) {
        return r.timestamp().atZone(zone).toLocalDate().toString();
    }

    private static Map<String, List<Long>> grouped(List<UsageRecord> records, Function<UsageRecord, String> key) {
        Map<String, List<UsageRecord>> groups = new TreeMap<>();
        for (UsageRecord r : records) groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        Map<String, List<Long>> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, figures(v)));
        return out;
    }

    private static List<Long> figures(List<UsageRecord> records) {
        long input = 0, output = 0, cc = 0, cc5 = 0, cc1 = 0, read = 0, web = 0, fast = 0;
        for (UsageRecord r : records) {
            input += r.tokens().inputTokens();
            output += r.tokens().outputTokens();
            cc += r.tokens().cacheCreationTokens();
            cc5 += r.cacheCreation5mTokens();
            cc1 += r.cacheCreation1hTokens();
            read += r.tokens().cacheReadTokens();
            web += r.webSearchRequests();
            if (r.fast()) fast++;
        }
        return List.of(input, output, cc, cc5, cc1, read, web, (long) records.size(), fast);
    }

    private static Map<String, List<Long>> truthGroups(JsonNode groups) {
        Map<String, List<Long>> out = new TreeMap<>();
        groups.fields().forEachRemaining(e -> out.put(e.getKey(), truthFigures(e.getValue())));
        return out;
    }

    private static List<Long> truthFigures(JsonNode t) {
        return List.of(t.get("input_tokens").asLong(), t.get("output_tokens").asLong(),
                t.get("cache_creation_tokens").asLong(), t.get("cache_creation_5m_tokens").asLong(),
                t.get("cache_creation_1h_tokens").asLong(), t.get("cache_read_tokens").asLong(),
                t.get("web_search_requests").asLong(), t.get("messages").asLong(), t.get("fast_messages").asLong());
    }
}
