package costplan.report;

import costplan.importers.ImportProgress;
import costplan.importers.ImportSummary;
import costplan.importers.UsageRecord;
import costplan.importers.claude.ClaudeCodeLogImporter;
import costplan.ledger.UsageLedger;
import costplan.pricing.PriceBook;
import costplan.usage.Usage;
import costplan.usage.UsageQuery;
import costplan.pricing.SubscriptionPlans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Report inputs made from the checked-in log trees, in UTC, at a fixed time. */
final class ReportFixtures {
    /** A Claude Code 2.1 tree: 2 projects, 3 sessions, sub-agents, a fast-mode request, a web search. */
    static final Path ERA_2026 = Path.of("../usage-importers/src/test/resources/claude-trees/era-2026-02-01");
    static final Instant MADE_AT = Instant.parse("2026-11-22T10:00:00Z");
    static final Path GOLDEN = Path.of("src/test/resources/costplan/report");

    private ReportFixtures() {
    }

    static ReportInputs inputs(Path tree, boolean redact) throws IOException {
        List<UsageRecord> records = new ArrayList<>();
        ImportSummary imported = new ClaudeCodeLogImporter(Clock.fixed(MADE_AT, ZoneOffset.UTC), 1, ImportProgress.NONE)
                .read(List.of(tree), records::add);
        PriceBook prices = PriceBook.bundled("anthropic");
        return new ReportInputs(UsageLedger.of(records, prices, ZoneId.of("UTC")), prices, SubscriptionPlans.bundled(),
                imported, "costplan report " + tree.getFileName() + " --timezone UTC --out usage.html", redact, MADE_AT);
    }

    /** Returns the usage of {@code inputs}, to plan it as {@code costplan report} does. */
    static Usage usage(ReportInputs inputs) {
        return Usage.of(inputs.ledger().records(), UsageQuery.of().withPrices(inputs.prices())
                .withSubscriptions(inputs.subscriptions()).withZone(inputs.ledger().zone()));
    }

    /** Returns the golden file's text; writes the actual text beside the build output to diff when they differ. */
    static String golden(String name, String actual) throws IOException {
        Path out = Path.of("target/golden-actual", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        return Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8);
    }

    /** Writes a minimal Claude Code log: one assistant request per line, in project folder {@code cwd}. */
    static Path logTree(Path root, String cwd, String... timestamps) throws IOException {
        Path folder = root.resolve("projects").resolve("p" + Math.abs(cwd.hashCode()));
        Files.createDirectories(folder);
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (String t : timestamps) {
            n++;
            lines.append("{\"cwd\":").append(json(cwd)).append(",\"sessionId\":\"s-").append(Math.abs(cwd.hashCode()))
                    .append("\",\"version\":\"2.1.39\",\"message\":{\"model\":\"claude-sonnet-4-5-20250929\",\"id\":\"m")
                    .append(Math.abs(cwd.hashCode())).append('-').append(n)
                    .append("\",\"content\":[],\"usage\":{\"input_tokens\":100,\"cache_creation_input_tokens\":1000,"
                            + "\"cache_read_input_tokens\":10000,\"output_tokens\":500}},\"requestId\":\"r")
                    .append(Math.abs(cwd.hashCode())).append('-').append(n)
                    .append("\",\"type\":\"assistant\",\"timestamp\":\"").append(t).append("\"}\n");
        }
        Files.writeString(folder.resolve("session.jsonl"), lines, StandardCharsets.UTF_8);
        return root;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
