package costplan.cli;

import costplan.ledger.UsageGroup;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Writes an {@link Analysis} as CSV: one row per group and model, then one row per group, then the total. */
final class AnalyzeCsvView {
    private AnalyzeCsvView() {
    }

    static void print(Analysis a, PrintWriter out) {
        out.println(String.join(",", a.grouping().jsonKeyName(), "model", "requests", "inputTokens", "outputTokens",
                "cacheCreationTokens", "cacheCreation5mTokens", "cacheCreation1hTokens", "cacheReadTokens",
                "totalTokens", "cacheHitRate", "computedCostUsd", "unpricedRequests", "reportedCostUsd",
                "webSearchRequests", "subAgentRequests", "fastRequests"));
        for (UsageGroup g : a.groups()) {
            for (UsageGroup m : g.byModel()) row(out, g.key(), m.key(), m);
            row(out, g.key(), "", g);
        }
        row(out, "total", "", a.total());
    }

    private static void row(PrintWriter out, String key, String model, UsageGroup g) {
        List<String> cells = new ArrayList<>(List.of(quote(key), quote(model), Long.toString(g.requests()),
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
