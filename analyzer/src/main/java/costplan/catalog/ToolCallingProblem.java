package costplan.catalog;

import java.util.List;

/**
 * A reported problem of a model's tool calls with coding-agent harnesses, from {@code tool-calling.json}.
 *
 * @param model     catalog model id
 * @param engines   the engines it was seen on; empty means every engine (a property of the model's format)
 * @param harnesses the harnesses it was seen with (may be empty)
 * @param summary   what goes wrong
 * @param source    the issue threads or pull requests
 * @param date      when it was reported
 * @param fixedIn   the engine release or pull request that fixed it, or null while it is open
 */
public record ToolCallingProblem(String model, List<String> engines, List<String> harnesses, String summary, String source,
                                 String date, String fixedIn) {
    public ToolCallingProblem {
        engines = List.copyOf(engines);
        harnesses = List.copyOf(harnesses);
    }

    /** Returns whether the problem applies to {@code engine} and has no fix. */
    public boolean openOn(String engine) {
        return fixedIn == null && (engines.isEmpty() || engines.contains(engine));
    }
}
