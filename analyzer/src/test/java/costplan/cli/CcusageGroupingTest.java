package costplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects, sessions and 5-hour blocks against ccusage 20.0.24 on the same logs ({@code claude-subfolders/}: two
 * projects whose sessions work in sub-folders; ccusage's output beside them, made by the commands in its README),
 * and CSV rows that add up to the JSON totals.
 */
class CcusageGroupingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TREE = Path.of("../usage-importers/src/test/resources/claude-subfolders");

    private static JsonNode costplan(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("analyze", TREE.toString(), "--json", "--timezone", "UTC"));
        all.addAll(List.of(args));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static JsonNode ccusage(String file) throws IOException {
        return JSON.readTree(TREE.resolve(file).toFile());
    }

    @Test
    void countsTheProjectsCcusageCountsWhateverSubFolderASessionWorkedIn() throws IOException {
        JsonNode projects = costplan("--by", "project").get("projects");
        // ccusage: -home-kim-src-app (cwd app, app/web, app/api, app/web/ui) and -home-kim-src-lib (lib, lib/docs).
        assertThat(projects.size()).isEqualTo(ccusage("ccusage-daily-instances.json").get("projects").size()).isEqualTo(2);
        assertThat(projects.findValuesAsText("project")).containsExactly("/home/kim/src/app", "/home/kim/src/lib");
        assertThat(projects.get(0).get("totalTokens").asLong()).isEqualTo(
                (10 + 100 + 1_000) + (20 + 200 + 1_000) + (30 + 300 + 2_000) + (40 + 400 + 500 + 3_000));
    }

    @Test
    void givesEachSessionCcusagesProjectFirstAndLastActivity() throws IOException {
        JsonNode ours = costplan("--by", "session").get("sessions");
        JsonNode theirs = ccusage("ccusage-session.json").get("sessions");
        assertThat(ours.size()).isEqualTo(theirs.size());
        for (JsonNode t : theirs) {
            JsonNode o = find(ours, "sessionId", t.get("sessionId").asText());
            assertThat(o.get("firstActivity").asText()).isEqualTo(t.get("firstActivity").asText());
            assertThat(o.get("lastActivity").asText()).isEqualTo(t.get("lastActivity").asText());
            assertThat(o.get("totalTokens").asLong()).isEqualTo(t.get("totalTokens").asLong());
            // ccusage names the log folder; costplan the directory it stands for (the same characters, '/' as '-').
            assertThat(o.get("projectPath").asText().replaceAll("[^A-Za-z0-9]", "-")).isEqualTo(t.get("projectPath").asText());
        }
    }

    @Test
    void cutsTheBlocksCcusageCutsLeavingOutItsGapRows() throws IOException {
        JsonNode ours = costplan("--by", "block").get("blocks");
        List<String> theirs = new ArrayList<>();
        for (JsonNode b : ccusage("ccusage-blocks.json").get("blocks"))
            if (!b.get("isGap").asBoolean()) theirs.add(b.get("startTime").asText().replace(":00.000Z", "Z") + " " + b.get("totalTokens"));
        List<String> mine = new ArrayList<>();
        for (JsonNode b : ours) mine.add(b.get("blockStart").asText() + " " + b.get("totalTokens"));
        // 09:00 (requests at 09:00, 09:10, 11:00, 11:20), 15:00 (15:30: more than 5 h after 09:00), 10:00 next day.
        assertThat(mine).containsExactlyElementsOf(theirs)
                .containsExactly("2026-03-02T09:00Z 9540", "2026-03-02T15:00Z 2330", "2026-03-03T10:00Z 3940");
    }

    @Test
    void csvRowsOfEitherKindAddUpToTheJsonTotals() throws IOException {
        Path samples = Path.of("../samples");
        for (String by : List.of("day", "project", "model", "session", "source")) {
            for (boolean breakdown : List.of(false, true)) {
                List<String> args = new ArrayList<>(List.of("analyze", samples.toString(), "--timezone", "UTC", "--by", by));
                CliRun json = CliRun.of(args.toArray(String[]::new));
                args.add("--csv");
                if (breakdown) args.add("--breakdown");
                CliRun csv = CliRun.of(args.toArray(String[]::new));
                JsonNode totals = JSON.readTree(CliRun.of(concat(args.subList(0, 6), "--json")).out()).get("totals");
                List<String> lines = csv.out().lines().toList();
                List<String> header = List.of(lines.get(0).split(","));
                for (String column : List.of("inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens")) {
                    int at = header.indexOf(column);
                    long sum = lines.stream().skip(1).mapToLong(l -> Long.parseLong(cells(l).get(at))).sum();
                    assertThat(sum).as(by + (breakdown ? " --breakdown " : " ") + column).isEqualTo(totals.get(column).asLong());
                }
                assertThat(json.exitCode()).isEqualTo(csv.exitCode());
            }
        }
    }

    private static String[] concat(List<String> args, String more) {
        List<String> all = new ArrayList<>(args);
        all.add(more);
        return all.toArray(String[]::new);
    }

    /** Splits a CSV line, keeping quoted cells (a project path with a comma) whole. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else cell.append(c);
        }
        cells.add(cell.toString());
        return cells;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (n.get(field).asText().equals(value)) return n;
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
