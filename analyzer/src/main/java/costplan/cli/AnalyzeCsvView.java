package costplan.cli;

import costplan.ledger.UsageGroup;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an {@link Analysis} as CSV with one kind of row, so that summing a column gives the total: one row per group,
 * or with {@code breakdown} one row per group and model (as ccusage's {@code --breakdown}). No subtotal or total rows.
 */
final class AnalyzeCsvView {
    private AnalyzeCsvView() {
    }

    static void print(Analysis a, boolean breakdown, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of(a.grouping().jsonKeyName()));
        if (breakdown) header.add("model");
        header.addAll(List.of("requests", "inputTokens", "outputTokens",
                "cacheCreationTokens", "cacheCreation5mTokens", "cacheCreation1hTokens", "cacheReadTokens",
                "totalTokens", "cacheHitRate", "computedCostUsd", "unpricedRequests", "reportedCostUsd",
                "webSearchRequests", "subAgentRequests", "fastRequests"));
        out.println(String.join(",", header));
        for (UsageGroup g : a.groups()) {
            // A per-model group is its own breakdown.
            if (breakdown) for (UsageGroup m : g.byModel().isEmpty() ? List.of(g) : g.byModel()) row(out, List.of(g.key(), m.key()), m);
            else row(out, List.of(g.key()), g);
        }
    }

    private static void row(PrintWriter out, List<String> keys, UsageGroup g) {
        List<String> cells = new ArrayList<>(keys.stream().map(AnalyzeCsvView::quote).toList());
        cells.addAll(List.of(Long.toString(g.requests()),
                Long.toString(g.tokens().inputTokens()), Long.toString(g.tokens().outputTokens()),
                Long.toString(g.tokens().cacheCreationTokens()), Long.toString(g.cacheCreation5mTokens()),
                Long.toString(g.cacheCreation1hTokens()), Long.toString(g.tokens().cacheReadTokens()),
                Long.toString(g.tokens().totalTokens()), Double.toString(g.cacheHitRate()),
                g.unpriced() ? "" : g.computedCost().amount().toPlainString(),
                Long.toString(g.unpricedRequests()), g.reportedCost().amount().toPlainString(),
                Long.toString(g.webSearchRequests()), Long.toString(g.subAgentRequests()), Long.toString(g.fastRequests())));
        out.println(String.join(",", cells));
    }

    /** Quotes a cell when it holds a comma, quote or line break (RFC 4180). */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0)
            return cell;
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
