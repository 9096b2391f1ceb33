package costplan.cli;

import costplan.internal.TextTable;
import costplan.ledger.CacheStats;
import costplan.ledger.UsageGroup;

import java.io.PrintWriter;
import java.util.List;

import static costplan.cli.Formats.count;
import static costplan.cli.Formats.percent;

/** Prints an {@link Analysis} as terminal tables. */
final class AnalyzeTextView {
    private AnalyzeTextView() {
    }

    static void print(Analysis a, PrintWriter out) {
        var imported = a.imported();
        var records = a.ledger().records();
        out.printf("Usage from %s files (%s, %s lines)", count(imported.filesRead()),
                Formats.megabytes(imported.bytesRead()), count(imported.linesRead()));
        if (!records.isEmpty())
            out.printf(", %s to %s", a.ledger().day(records.get(0).timestamp()),
                    a.ledger().day(records.get(records.size() - 1).timestamp()));
        out.printf(", days in %s%n", a.ledger().zone());
        out.printf("Prices: %s, checked %s; API-equivalent cost = tokens x list price, what pay-as-you-go would bill%n%n",
                a.prices().name(), a.prices().asOf());

        UsageGroup t = a.total();
        out.println("Summary");
        new TextTable("What", ">Amount", "Detail")
                .row("Requests", count(t.requests()), count(t.subAgentRequests()) + " by sub-agents, "
                        + count(t.fastRequests()) + " in fast mode")
                .row("Input tokens", count(t.tokens().inputTokens()), "uncached")
                .row("Output tokens", count(t.tokens().outputTokens()), "")
                .row("Cache writes", count(t.tokens().cacheCreationTokens()), "5m " + count(t.cacheCreation5mTokens())
                        + ", 1h " + count(t.cacheCreation1hTokens()))
                .row("Cache reads", count(t.tokens().cacheReadTokens()), "")
                .row("Total tokens", count(t.tokens().totalTokens()), "")
                .row("Cache-hit rate", percent(t.cacheHitRate()), "cache reads / (input + cache writes + cache reads)")
                .row("API-equivalent cost", t.computedCost().toString(), t.unpricedRecords() == 0 ? ""
                        : "excludes " + count(t.unpricedRequests()) + " unpriced requests"
                        + (t.unpricedRecords() == t.unpricedRequests() ? "" : " (" + count(t.unpricedRecords()) + " records)"))
                .row("Reported cost", t.reportedCost().toString(), "stated by the sources on " + count(t.reportedRequests())
                        + " records (export amounts; costUSD of Claude Code < 1.0.9)")
                .row("Web searches", count(t.webSearchRequests()), "")
                .print(out);
        if (t.aggregatedRecords() > 0)
            out.printf("%s of %s records are rows of aggregated exports (time buckets, not requests); requests count only"
                    + " what those exports report%n", count(t.aggregatedRecords()), count(t.records()));
        var reconciled = a.reconciled();
        if (reconciled.joinedCostRows() + reconciled.costOnlyRecords() + reconciled.duplicateRequests() > 0)
            out.printf("Sources reconciled: %s cost rows joined to their usage rows, %s cost rows without usage kept as"
                    + " cost only, %s requests seen in two sources counted once%n", count(reconciled.joinedCostRows()),
                    count(reconciled.costOnlyRecords()), count(reconciled.duplicateRequests()));

        List<UsageGroup> unpriced = a.unpricedModels();
        if (!unpriced.isEmpty()) {
            out.println();
            out.println("Unpriced models (not counted as $0; add them to a price file and pass --pricing DIR)");
            TextTable table = new TextTable("Model", ">Requests", ">Tokens", "Closest priced ids");
            for (UsageGroup g : unpriced)
                table.row(g.key(), count(g.unpricedRequests()), count(g.unpricedTokens()),
                        String.join(", ", a.prices().closestIds(g.key())));
            table.print(out);
        }

        CacheStats c = a.cache();
        out.println();
        if (c.perRequestRecords() == 0 && t.aggregatedRecords() > 0) {
            out.println("Prompt cache and sessions: unavailable, the sources are aggregated exports without requests");
        } else {
            out.println(t.aggregatedRecords() == 0 ? "Prompt cache and sessions" : "Prompt cache and sessions (from the "
                    + count(c.perRequestRecords()) + " per-request records; aggregated exports have no requests)");
            printCache(c, out);
        }

        if (!a.costComparisons().isEmpty()) {
            out.println();
            out.println("Reported vs computed cost, by day and model (computed = tokens x price book)");
            TextTable table = new TextTable("date", "Model", ">Reported", ">Computed", ">Difference");
            for (Analysis.CostComparison k : a.costComparisons())
                table.row(k.date(), k.model(), k.reported().toString(), k.computed() == null ? "unpriced"
                        : k.computed().toString(), k.difference() == null ? "" : k.difference().toString());
            table.print(out);
        }

        out.println();
        out.println("By " + a.grouping().cliName());
        TextTable groups = new TextTable(a.grouping().jsonKeyName(), ">Requests", ">Input", ">Output", ">Cache write",
                ">Cache read", ">Total tokens", ">Hit rate", ">Cost", "Models");
        for (UsageGroup g : a.groups())
            groups.row(g.key(), count(g.requests()), count(g.tokens().inputTokens()), count(g.tokens().outputTokens()),
                    count(g.tokens().cacheCreationTokens()), count(g.tokens().cacheReadTokens()),
                    count(g.tokens().totalTokens()), percent(g.cacheHitRate()), cost(g), String.join(", ", g.models()));
        groups.row("Total", count(t.requests()), count(t.tokens().inputTokens()), count(t.tokens().outputTokens()),
                count(t.tokens().cacheCreationTokens()), count(t.tokens().cacheReadTokens()),
                count(t.tokens().totalTokens()), percent(t.cacheHitRate()), cost(t), "");
        groups.print(out);
    }

    private static void printCache(CacheStats c, PrintWriter out) {
        new TextTable("What", ">Amount", "Detail")
                .row("Prompt size p50", count(c.promptP50()), "tokens per request (input + cache writes + cache reads)")
                .row("Prompt size p90", count(c.promptP90()), "")
                .row("Prompt size p99", count(c.promptP99()), "")
                .row("Mostly cached requests", percent(c.mostlyCachedShare()), "more than half of the prompt read from cache")
                .row("Cache writes 1h share", percent(shareOf(c.cacheWrite1hTokens(), c.cacheWrite5mTokens())),
                        "1h writes cost 2x input, 5m writes 1.25x")
                .row("Sessions", count(c.activity().sessions()), count(c.activity().agentThreads()) + " main and sub-agent threads")
                .row("Peak parallel sessions", count(c.activity().peakParallelSessions()), "sessions active at one moment; "
                        + count(c.activity().peakParallelAgentThreads()) + " main and sub-agent threads")
                .row("Hours with 2+ sessions", String.format(java.util.Locale.ROOT, "%.1f", c.activity().hoursWithParallelSessions()),
                        String.format(java.util.Locale.ROOT, "of %.1f active hours", c.activity().activeHours()))
                .print(out);
    }

    private static double shareOf(long part, long rest) {
        return part + rest == 0 ? 0 : (double) part / (part + rest);
    }

    private static String cost(UsageGroup g) {
        if (g.unpricedRecords() == 0) return g.computedCost().toString();
        if (g.unpriced()) return "unpriced";
        return g.computedCost() + " + unpriced";
    }
}
