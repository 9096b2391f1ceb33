package costplan.plan;

import costplan.replay.LocalOption;
import costplan.replay.ReplayResult;

import java.util.List;

/**
 * The plan's answer for one option: can it keep up with the trace, what it costs per month, and when (with what
 * spread) it pays back.
 *
 * @param quality which of the requests the local model can take over, from coding-benchmark scores
 * @param capableShare the share of requests the local model is taken to do: the person's own figure, else the
 *        scores' request-weighted share
 * @param feasible whether it keeps up: slowdown, local share and memory within the limits
 * @param infeasibleReason why not, or null
 * @param replay the replay at the expected engine efficiency
 * @param expected the money at the most likely value of every input
 * @param paybackMonths P10, P50 and P90 of the payback over the Monte Carlo samples (infinite = never)
 * @param monthlySavingsUsd P10, P50 and P90 of the average monthly savings over the machine's life
 * @param paybackWithinLifeProbability share of samples that pay back within the machine's life
 * @param sensitivity the inputs that move the payback most, largest swing first
 * @param crossoverTokensPerMonth the monthly volume (of this person's mix) at which the option costs as much as
 *                                pay-as-you-go; NaN when there is none
 * @param costLine the option's monthly cost against volume (1 = the trace's volume), at the most likely inputs
 * @param paybackSamples the sampled paybacks that were finite, in months, for the histogram
 * @param fallback whether the option keeps the subscription and serves only the work over its limits
 */
public record OptionPlan(LocalOption option, QualityEstimate quality, double capableShare, boolean feasible, String infeasibleReason, ReplayResult replay,
                         Economics.Outcome expected, Percentiles paybackMonths, Percentiles monthlySavingsUsd,
                         double paybackWithinLifeProbability, List<Sensitivity> sensitivity, double crossoverTokensPerMonth,
                         Economics.CostLine costLine, double[] paybackSamples, boolean fallback) {

    /** The share of requests answered locally: what the replay kept local, times the share the model can do. */
    public double localShare() {
        return replay.localShareOfRequests() * capableShare;
    }

    /** Low, middle and high of a sampled figure. */
    public record Percentiles(double p10, double p50, double p90) {
    }

    /** How far one input, moved to its low and its high value with all others at their most likely, moves the payback. */
    public record Sensitivity(String input, String lowValue, String highValue, double paybackAtLow, double paybackAtHigh,
                              double savingsAtLow, double savingsAtHigh) {
        /** Months between the payback at the low and at the high value (never counts as the search horizon). */
        public double paybackSwing() {
            return Math.abs(capped(paybackAtHigh) - capped(paybackAtLow));
        }

        public double savingsSwing() {
            return Math.abs(savingsAtHigh - savingsAtLow);
        }

        private static double capped(double months) {
            return Math.min(months, Economics.HORIZON_MONTHS);
        }
    }
}
