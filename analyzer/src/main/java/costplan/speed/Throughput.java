package costplan.speed;

import costplan.catalog.Range;

/**
 * How fast one option processes tokens at one context depth: prompt processing (prefill) and generation (decode)
 * in tokens per second, as a point estimate and a P10-P90 range. With several parallel requests, the figures are
 * the aggregate over all of them.
 */
public record Throughput(double prefillTokensPerSecond, double decodeTokensPerSecond, Range prefillRange,
                         Range decodeRange) {
}
