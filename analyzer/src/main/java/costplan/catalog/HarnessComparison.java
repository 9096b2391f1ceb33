package costplan.catalog;

/**
 * A local and a cloud model scored by the same harness on the same benchmark, so that the two scores compare.
 *
 * @param harness the shared harness
 * @param local   the local model's score
 * @param cloud   the cloud model's score
 */
public record HarnessComparison(String harness, QualityScore local, QualityScore cloud) {
    public HarnessComparison {
        if (!local.harness().equals(harness) || !cloud.harness().equals(harness) || !local.benchmark().equals(cloud.benchmark()))
            throw new IllegalArgumentException("scores from different harnesses or benchmarks: " + local + " and " + cloud);
    }

    /** Returns {@code min(1, local score / cloud score)}, the local model's score as a share of the cloud model's. */
    public double scoreRatio() {
        return cloud.score() == 0 ? 1 : Math.min(1, local.score() / cloud.score());
    }

    /** Returns the cloud score minus the local score, in points (negative when the local model scores higher). */
    public double pointsBelowCloud() {
        return cloud.score() - local.score();
    }
}
