package costplan.replay;

import costplan.importers.CostplanException;
import costplan.workload.TraceRequest;

import java.util.Locale;

/**
 * A rule that sends a request to the cloud instead of the local machine. Written on the command line as
 * {@code model:opus}, {@code context>100000}, {@code wait>120} or {@code share:0.2}.
 */
public sealed interface RouteRule {

    /** The reason this rule gives for sending {@code request} to the cloud before it is queued, or null. */
    String reasonBeforeQueue(TraceRequest request);

    /** Requests of a model family kept in the cloud (the model id contains the text). */
    record ModelInCloud(String text) implements RouteRule {
        @Override
        public String reasonBeforeQueue(TraceRequest request) {
            return request.model().toLowerCase(Locale.ROOT).contains(text) ? "model kept in cloud" : null;
        }
    }

    /** Requests whose prompt is longer than a limit. */
    record MaxPrompt(long tokens) implements RouteRule {
        @Override
        public String reasonBeforeQueue(TraceRequest request) {
            return request.promptTokens() > tokens ? "prompt over " + tokens + " tokens" : null;
        }
    }

    /** Requests that would wait in the local queue longer than a limit go to the cloud when it passes. */
    record MaxQueueWait(double seconds) implements RouteRule {
        @Override
        public String reasonBeforeQueue(TraceRequest request) {
            return null;
        }
    }

    /**
     * The share of the work the person says the local model cannot do: that share of requests, picked by a
     * fixed hash of the request's position so that every option and every run sends the same ones.
     */
    record CloudShare(double share) implements RouteRule {
        @Override
        public String reasonBeforeQueue(TraceRequest request) {
            long h = request.index() * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
            return (h >>> 11) * 0x1.0p-53 < share ? "beyond the local model" : null;
        }
    }

    /** Parses one rule as written on the command line. */
    static RouteRule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("model:") && t.length() > 6) return new ModelInCloud(t.substring(6));
            if (t.startsWith("context>")) return new MaxPrompt(positive(Long.parseLong(t.substring(8).replace("_", "")), text));
            if (t.startsWith("wait>")) return new MaxQueueWait(positive(Double.parseDouble(t.substring(5)), text));
            if (t.startsWith("share:")) {
                double share = Double.parseDouble(t.substring(6));
                if (share < 0 || share > 1) throw CostplanException.badUsage("route " + text + ": the share must be between 0 and 1");
                return new CloudShare(share);
            }
        } catch (NumberFormatException e) {
            throw CostplanException.badUsage("route '" + text + "': not a number after the rule name");
        }
        throw CostplanException.badUsage("unknown route rule '" + text
                + "'; expected model:TEXT, context>TOKENS, wait>SECONDS or share:FRACTION");
    }

    private static <N extends Number> N positive(N value, String text) {
        if (value.doubleValue() <= 0) throw CostplanException.badUsage("route " + text + ": the limit must be above 0");
        return value;
    }
}
