package costplan.catalog;

/**
 * One published score of a model on a benchmark, as in {@code hardware-catalog/quality/}: which benchmark, run by
 * which harness (agent and scaffold), when, whether the model's maker reported it, and where it comes from.
 *
 * <pre>{@code
 * QualityScore s = catalog.quality().score("qwen3-coder-next", "openhands-index").orElseThrow();
 * s.score();   // 66.6 (% of SWE-bench Verified tasks resolved)
 * }</pre>
 *
 * @param model         a catalog model id or alias, or a cloud model id of the price books
 * @param benchmark     e.g. {@code swe-bench-verified}
 * @param harness       e.g. {@code openhands-index}, {@code mini-swe-agent-v2}, {@code vendor}
 * @param score         percent of tasks resolved, 0-100
 * @param date          when the run was made or published ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD})
 * @param makerReported true when the model's maker published the figure (its own harness and settings)
 * @param source        where the figure comes from
 * @param verified      true when the figure was re-read at its source for the catalog
 * @param note          a caveat, or null
 */
public record QualityScore(String model, String benchmark, String harness, double score, String date,
                           boolean makerReported, String source, boolean verified, String note) {
    public QualityScore {
        if (!(score >= 0 && score <= 100)) throw new IllegalArgumentException("score must be 0-100 but was " + score);
    }
}
