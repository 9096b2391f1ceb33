package costplan.plan;

import costplan.replay.LocalOption;
import costplan.replay.RouteRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names options so that no two share a name: {@code device / model}, and for options that share those, what tells
 * them apart (engine, cache policy, slots, KV cache type, routes), only the parts that differ.
 *
 * <pre>{@code
 * OptionLabels.of(List.of(sessionCache, noCache));
 * // ["rtx-5090 / qwen3-coder-next:q4_k_m (session cache)", "rtx-5090 / qwen3-coder-next:q4_k_m (no cache reuse)"]
 * }</pre>
 */
public final class OptionLabels {
    private static final List<Function<LocalOption, String>> DETAILS = List.of(
            o -> o.engine().id(),
            o -> switch (o.policy()) {
                case NONE -> "no cache reuse";
                case SESSION -> "session cache";
                case PERSISTED -> "persisted cache";
            },
            o -> o.slots() + (o.slots() == 1 ? " slot" : " slots"),
            o -> "KV cache " + o.kvType().id(),
            o -> o.routes().isEmpty() ? "no routes" : o.routes().stream().map(OptionLabels::route).collect(Collectors.joining(", ")));

    private OptionLabels() {
    }

    /** Returns the short name of one option: {@code device / model}. */
    public static String shortLabel(LocalOption option) {
        return option.device().id() + " / " + option.model();
    }

    /** Returns a name for each of {@code options}, in order, unique where the options differ at all. */
    public static List<String> of(List<LocalOption> options) {
        List<String> labels = new ArrayList<>(options.size());
        for (LocalOption o : options) {
            List<LocalOption> alike = options.stream().filter(other -> shortLabel(other).equals(shortLabel(o))).toList();
            List<String> differs = new ArrayList<>();
            for (Function<LocalOption, String> detail : DETAILS) {
                Set<String> values = alike.stream().map(detail).collect(Collectors.toSet());
                if (values.size() > 1) differs.add(detail.apply(o));
            }
            labels.add(differs.isEmpty() ? shortLabel(o) : shortLabel(o) + " (" + String.join(", ", differs) + ")");
        }
        return labels;
    }

    /** Returns a route rule as written on the command line. */
    private static String route(RouteRule rule) {
        if (rule instanceof RouteRule.ModelInCloud m) return "model:" + m.text();
        if (rule instanceof RouteRule.MaxPrompt p) return "context>" + p.tokens();
        if (rule instanceof RouteRule.MaxQueueWait w) return "wait>" + w.seconds();
        return "share:" + ((RouteRule.CloudShare) rule).share();
    }

    /** Returns {@link #of} for the options of plans, a fallback option marked "(fallback)". */
    public static List<String> ofPlans(List<OptionPlan> plans) {
        List<String> labels = of(plans.stream().map(OptionPlan::option).toList());
        return java.util.stream.IntStream.range(0, labels.size())
                .mapToObj(i -> labels.get(i) + (plans.get(i).fallback() ? " (fallback)" : "")).toList();
    }
}
