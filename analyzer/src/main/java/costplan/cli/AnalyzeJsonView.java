package costplan.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import costplan.importers.ImportProblem;
import costplan.importers.VisibleText;
import costplan.ledger.CacheStats;
import costplan.importers.UsageRecord;
import costplan.ledger.Grouping;
import costplan.ledger.UsageGroup;
import costplan.ledger.UsageLedger;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an {@link Analysis} as JSON. Groups use the field names of ccusage's {@code daily --json --breakdown}
 * ({@code inputTokens}, {@code totalCost}, {@code modelsUsed}, {@code modelBreakdowns[].modelName}, {@code totals}…)
 * so scripts written for it keep working; costplan's own fields come after them. Sessions also get ccusage's
 * {@code projectPath}, {@code firstActivity} and {@code lastActivity}.
 */
final class AnalyzeJsonView {
    /** ccusage's form of a session's first and last activity: UTC, milliseconds, {@code Z}. */
    private static final DateTimeFormatter ACTIVITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private AnalyzeJsonView() {
    }

    static void print(Analysis a, PrintWriter out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode groups = root.putArray(a.grouping().jsonArrayName());
        Map<String, SessionSpan> sessions = a.grouping() == Grouping.SESSION ? SessionSpan.of(a.ledger()) : Map.of();
        for (UsageGroup g : a.groups()) {
            ObjectNode node = groups.addObject();
            node.put(a.grouping().jsonKeyName(), g.key());
            SessionSpan span = sessions.get(g.key());
            if (span != null) {
                node.put("projectPath", span.project());
                node.put("firstActivity", ACTIVITY_TIME.format(span.first()));
                node.put("lastActivity", ACTIVITY_TIME.format(span.last()));
            }
            putFigures(node, g, "totalCost");
            ArrayNode models = node.putArray("modelsUsed");
            g.models().forEach(models::add);
            ArrayNode breakdowns = node.putArray("modelBreakdowns");
            for (UsageGroup m : g.byModel()) {
                ObjectNode b = breakdowns.addObject();
                b.put("modelName", m.key());
                putFigures(b, m, "cost");
            }
        }
        ObjectNode totals = root.putObject("totals");
        putFigures(totals, a.total(), "totalCost");

        CacheStats c = a.cache();
        ObjectNode cache = root.putObject("cache");
        cache.put("cacheHitRate", c.cacheHitRate());
        cache.put("cacheCreation5mTokens", c.cacheWrite5mTokens());
        cache.put("cacheCreation1hTokens", c.cacheWrite1hTokens());
        cache.put("mostlyCachedShare", c.mostlyCachedShare());
        cache.put("promptTokensP50", c.promptP50());
        cache.put("promptTokensP90", c.promptP90());
        cache.put("promptTokensP99", c.promptP99());
        cache.put("perRequestRecords", c.perRequestRecords());
        ArrayNode daily = cache.putArray("dailyCacheHitRate");
        c.dailyHitRates().forEach(d -> daily.addObject().put("date", d.date()).put("cacheHitRate", d.cacheHitRate()));

        root.set("activity", ActivityJson.node(c.activity()));

        ArrayNode unpriced = root.putArray("unpricedModels");
        for (UsageGroup g : a.unpricedModels()) {
            ObjectNode u = unpriced.addObject().put("model", g.key()).put("requests", g.unpricedRequests())
                    .put("tokens", g.unpricedTokens());
            a.prices().closestIds(g.key()).forEach(u.putArray("closestPricedIds")::add);
        }

        ArrayNode comparisons = root.putArray("costComparison");
        for (Analysis.CostComparison k : a.costComparisons()) {
            ObjectNode row = comparisons.addObject().put("date", k.date()).put("model", k.model())
                    .put("reportedCost", k.reported().amount());
            if (k.computed() == null) row.putNull("computedCost").putNull("difference");
            else row.put("computedCost", k.computed().amount()).put("difference", k.difference().amount());
        }

        ObjectNode meta = root.putObject("meta");
        meta.put("timezone", a.ledger().zone().getId());
        meta.put("grouping", a.grouping().cliName());
        meta.put("prices", a.prices().name());
        meta.put("pricesAsOf", a.prices().asOf().toString());
        var imported = a.imported();
        ObjectNode imp = root.putObject("import");
        imp.put("filesRead", imported.filesRead());
        imp.put("bytesRead", imported.bytesRead());
        imp.put("linesRead", imported.linesRead());
        imp.put("usageLines", imported.usageLines());
        imp.put("requests", imported.requests());
        imp.put("duplicateCopies", imported.duplicateCopies());
        imp.put("syntheticLines", imported.syntheticLines());
        imp.put("apiErrorLines", imported.apiErrorLines());
        imp.put("linesWithoutUsage", imported.linesWithoutUsage());
        imp.put("skippedFiles", imported.skippedFiles());
        imp.put("joinedCostRows", a.reconciled().joinedCostRows());
        imp.put("costOnlyRecords", a.reconciled().costOnlyRecords());
        imp.put("duplicateRequests", a.reconciled().duplicateRequests());
        ArrayNode overlaps = imp.putArray("overlaps");
        a.reconciled().overlaps().forEach(o -> overlaps.add(o.message()));
        ObjectNode skipped = imp.putObject("skippedLines");
        imported.skippedLines().forEach((k, v) -> skipped.put(k.label(), v));
        ArrayNode problems = imp.putArray("problems");
        for (ImportProblem p : imported.problems())
            problems.addObject().put("file", VisibleText.of(p.file().toString())).put("line", p.line())
                    .put("kind", p.kind().label()).put("detail", p.detail());
        JSON.writeValue(out, root);
        out.println();
    }

    /** A session's project (that of its first request) and the times of its first and last requests. */
    private record SessionSpan(String project, Instant first, Instant last) {
        static Map<String, SessionSpan> of(UsageLedger ledger) {
            Map<String, SessionSpan> spans = new HashMap<>();
            // Records are in time order, so the first one seen of a session is its first request.
            for (UsageRecord r : ledger.records())
                spans.merge(r.sessionId(), new SessionSpan(r.project(), r.timestamp(), r.timestamp()),
                        (was, next) -> new SessionSpan(was.project(), was.first(), next.last()));
            return spans;
        }
    }

    private static void putFigures(ObjectNode node, UsageGroup g, String costField) {
        node.put("inputTokens", g.tokens().inputTokens());
        node.put("outputTokens", g.tokens().outputTokens());
        node.put("cacheCreationTokens", g.tokens().cacheCreationTokens());
        node.put("cacheReadTokens", g.tokens().cacheReadTokens());
        node.put("totalTokens", g.tokens().totalTokens());
        if (g.unpriced()) node.putNull(costField);
        else node.put(costField, g.computedCost().amount());
        node.put("requests", g.requests());
        node.put("cacheCreation5mTokens", g.cacheCreation5mTokens());
        node.put("cacheCreation1hTokens", g.cacheCreation1hTokens());
        node.put("cacheHitRate", g.cacheHitRate());
        node.put("webSearchRequests", g.webSearchRequests());
        node.put("unpricedRequests", g.unpricedRequests());
        node.put("unpricedTokens", g.unpricedTokens());
        node.put("reportedCost", g.reportedCost().amount());
        node.put("reportedCostRequests", g.reportedRequests());
        node.put("subAgentRequests", g.subAgentRequests());
        node.put("fastRequests", g.fastRequests());
        node.put("records", g.records());
        node.put("aggregatedRecords", g.aggregatedRecords());
    }
}
