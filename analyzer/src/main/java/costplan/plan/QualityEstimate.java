package costplan.plan;

import costplan.catalog.TokenizerRatio;
import costplan.catalog.ToolCallingRisk;

import java.util.List;

/**
 * Which of a person's requests a local model can take over, judged from coding-benchmark scores: per cloud model
 * that served requests, its score, the local model's on the same harness, and the share of its requests the local
 * model is taken to do ({@link QualityRule} says how).
 *
 * @param benchmark the benchmark the scores are on, e.g. {@code swe-bench-verified}
 * @param harness the harness the local score is from (a shared harness, or the source of an estimate)
 * @param localScore the local model's score on it, or null when it has none (quality unknown)
 * @param localBasis where the local score comes from: "shared harness", or how it was estimated
 * @param byCloudModel one row per cloud model of the trace, most requests first
 * @param capableShare the request-weighted share of the trace the local model can take over
 * @param costShare the cost-weighted share, with its range: what moves the money, sampled in the Monte Carlo
 * @param toolCallingRisk known problems of the model with coding-agent harnesses on the option's engine
 * @param tokenizer the model's tokens per Claude token, which scales the replayed work
 */
public record QualityEstimate(String benchmark, String harness, Double localScore, String localBasis,
                              List<CloudModelShare> byCloudModel, double capableShare, Uncertain costShare,
                              ToolCallingRisk toolCallingRisk, TokenizerRatio tokenizer) {

    public QualityEstimate {
        byCloudModel = List.copyOf(byCloudModel);
    }

    /**
     * The requests of one cloud model and the share of them the local model can take over.
     *
     * @param cloudScore the cloud model's score on the harness compared, or null when it has none
     * @param localScore the local model's score on that harness (converted or estimated: see {@code basis})
     * @param basis how the two scores were compared
     */
    public record CloudModelShare(String model, Double cloudScore, Double localScore, String harness, long requests,
                                  double capableShare, String basis) {
    }

    /** Whether the local model has a score on a harness that also ran cloud models. */
    public boolean known() {
        return localScore != null && localBasis.equals(QualityRule.SHARED);
    }

    /** The cloud model that served the most requests, or null for an empty trace. */
    public CloudModelShare mainCloudModel() {
        return byCloudModel.isEmpty() ? null : byCloudModel.get(0);
    }
}
