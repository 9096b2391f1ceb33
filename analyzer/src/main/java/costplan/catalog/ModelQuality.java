package costplan.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What the catalog knows about how well each model codes and how it gets on with coding-agent harnesses: benchmark
 * scores of open and cloud models ({@code quality/*.json}), tool-calling problems per model and engine
 * ({@code tool-calling.json}) and tokenizer ratios ({@code tokenizers.json}).
 *
 * <p>Scores compare only within one harness. {@link #SHARED_HARNESSES} are the harnesses that ran open and cloud models
 * alike, most preferred first; {@link #onSharedHarness} picks the first that scored both models.
 *
 * <pre>{@code
 * ModelQuality q = Catalog.bundled().quality().withCloudIds(id -> prices.canonicalId(id).orElse(id));
 * q.onSharedHarness("glm-4.7", "claude-opus-4-5-20251101").map(HarnessComparison::scoreRatio);  // 73.4 / 76.6
 * q.toolCallingRisk("gemma-4-31b", "ollama");                                                 // KNOWN_ISSUES
 * }</pre>
 */
public final class ModelQuality {
    /**
     * Harnesses that ran open and closed models alike on SWE-bench Verified, most preferred first: the OpenHands
     * Index (2026, covers most current models), then the swebench.com bash-only board's mini-SWE-agent 2.0.0 re-runs
     * (February 2026) and its version-1 runs (2025).
     */
    public static final List<String> SHARED_HARNESSES = List.of("openhands-index", "mini-swe-agent-v2", "mini-swe-agent-v1");

    private final List<QualityScore> scores;
    private final Map<String, List<ToolCallingProblem>> problemsByModel;
    private final List<TokenizerRatio> tokenizers;
    private final UnaryOperator<String> cloudIds;

    ModelQuality(List<QualityScore> scores, Map<String, List<ToolCallingProblem>> problemsByModel, List<TokenizerRatio> tokenizers,
                 UnaryOperator<String> cloudIds) {
        this.scores = List.copyOf(scores);
        Map<String, List<ToolCallingProblem>> problems = new LinkedHashMap<>();
        problemsByModel.forEach((model, list) -> problems.put(model, List.copyOf(list)));
        this.problemsByModel = java.util.Collections.unmodifiableMap(problems);
        this.tokenizers = List.copyOf(tokenizers);
        this.cloudIds = cloudIds;
    }

    /** No scores, no tool-calling entries and only the default tokenizer ratio 1.0 (0.77-1.1). */
    static ModelQuality empty() {
        return new ModelQuality(List.of(), Map.of(), List.of(), UnaryOperator.identity());
    }

    /**
     * Returns a copy that matches model ids after passing them through {@code canonicalId}, so that a request's
     * {@code claude-opus-4-5-20251101} finds the scores filed under its alias {@code claude-opus-4-5}. Pass the price
     * book's {@code canonicalId}.
     */
    public ModelQuality withCloudIds(UnaryOperator<String> canonicalId) {
        return new ModelQuality(scores, problemsByModel, tokenizers, canonicalId);
    }

    /** Returns every score of every model, in file order. */
    public List<QualityScore> scores() {
        return scores;
    }

    /** Returns every score of {@code model} (an id or alias, matched as given or through the cloud-id mapping). */
    public List<QualityScore> scores(String model) {
        String wanted = cloudIds.apply(model);
        return scores.stream().filter(s -> s.model().equals(model) || cloudIds.apply(s.model()).equals(wanted)).toList();
    }

    /** Returns the most recent score of {@code model} by {@code harness}, if it has one. */
    public Optional<QualityScore> score(String model, String harness) {
        return scores(model).stream().filter(s -> s.harness().equals(harness)).max(Comparator.comparing(QualityScore::date));
    }

    /** Returns the score of {@code model} on the most preferred shared harness that scored it: its reference score. */
    public Optional<QualityScore> referenceScore(String model) {
        for (String harness : SHARED_HARNESSES) {
            Optional<QualityScore> score = score(model, harness);
            if (score.isPresent()) return score;
        }
        return Optional.empty();
    }

    /** Returns whether {@code model} has a score on a shared harness; without one its quality is unknown. */
    public boolean qualityKnown(String model) {
        return referenceScore(model).isPresent();
    }

    /**
     * Returns both models' scores on the most preferred shared harness that scored both, or empty when none did
     * (then the two cannot be compared).
     */
    public Optional<HarnessComparison> onSharedHarness(String localModel, String cloudModel) {
        for (String harness : SHARED_HARNESSES) {
            Optional<QualityScore> local = score(localModel, harness);
            Optional<QualityScore> cloud = score(cloudModel, harness);
            if (local.isPresent() && cloud.isPresent()) return Optional.of(new HarnessComparison(harness, local.get(), cloud.get()));
        }
        return Optional.empty();
    }

    /** Returns the tool-calling problems reported for the catalog model {@code modelId}, fixed ones included. */
    public List<ToolCallingProblem> toolCallingProblems(String modelId) {
        return problemsByModel.getOrDefault(modelId, List.of());
    }

    /**
     * Returns the tool-calling risk of {@code modelId} on {@code engine}: known issues when an unfixed problem applies
     * to that engine, none known when the model was looked up without one, unknown when it was not looked up.
     */
    public ToolCallingRisk toolCallingRisk(String modelId, String engine) {
        List<ToolCallingProblem> problems = problemsByModel.get(modelId);
        if (problems == null) return ToolCallingRisk.UNKNOWN;
        return problems.stream().anyMatch(p -> p.openOn(engine)) ? ToolCallingRisk.KNOWN_ISSUES : ToolCallingRisk.NONE_KNOWN;
    }

    /** Returns the tokenizer ratio of the family that lists {@code modelId}, else the {@code default} family's. */
    public TokenizerRatio tokenizer(String modelId) {
        return tokenizers.stream().filter(t -> t.models().contains(modelId)).findFirst()
                .orElseGet(() -> tokenizers.stream().filter(t -> t.family().equals("default")).findFirst()
                        .orElse(new TokenizerRatio("default", List.of(), 1.0, new Range(0.77, 1.1), true,
                                "no tokenizers.json: the same count as Claude's assumed")));
    }

    /** Returns the tokenizer families as read. */
    public List<TokenizerRatio> tokenizers() {
        return tokenizers;
    }

    /**
     * Returns a problem for every model id in the quality files that {@code known} does not accept (a catalog model
     * id or alias, or a cloud model the price books price), for {@code costplan catalog check}.
     */
    public List<CatalogProblem> unknownModelIds(Predicate<String> known) {
        List<CatalogProblem> problems = new ArrayList<>();
        for (QualityScore s : scores)
            if (!known.test(s.model()))
                problems.add(new CatalogProblem("quality", s.model(), "unknown model id (" + s.harness() + ", " + s.source()
                        + "); expected a catalog model id or alias, or a model id of the price books"));
        for (String model : problemsByModel.keySet())
            if (!known.test(model))
                problems.add(new CatalogProblem("tool-calling.json", model, "unknown model id; expected a catalog model id or alias"));
        for (TokenizerRatio t : tokenizers)
            for (String model : t.models())
                if (!known.test(model))
                    problems.add(new CatalogProblem("tokenizers.json", t.family(), "unknown model id '" + model + "'"));
        return problems;
    }

    /** Returns the counts, e.g. for JShell. */
    @Override
    public String toString() {
        return scores.size() + " scores of " + scores.stream().map(QualityScore::model).distinct().count() + " models, "
                + problemsByModel.size() + " models with tool-calling entries, " + tokenizers.size() + " tokenizer families";
    }
}
