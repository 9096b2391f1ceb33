package costplan.plan;

import costplan.replay.ReplayResult;

/**
 * One option replayed at the low, expected and high engine efficiency. Figures at any efficiency in between are
 * interpolated, which lets the Monte Carlo sample efficiency without replaying the trace for every sample.
 *
 * @param cloudRoutedUsd API cost of the requests each replay sent to the cloud, over the whole trace
 */
public record OptionReplays(Uncertain efficiency, ReplayResult low, ReplayResult expected, ReplayResult high,
                            double lowCloudRoutedUsd, double expectedCloudRoutedUsd, double highCloudRoutedUsd) {

    public double busySeconds(double e) {
        return at(e, low.busySeconds(), expected.busySeconds(), high.busySeconds());
    }

    public double slowdown(double e) {
        return at(e, low.slowdown(), expected.slowdown(), high.slowdown());
    }

    public double cloudRoutedUsd(double e) {
        return at(e, lowCloudRoutedUsd, expectedCloudRoutedUsd, highCloudRoutedUsd);
    }

    public double localShareOfRequests(double e) {
        return at(e, low.localShareOfRequests(), expected.localShareOfRequests(), high.localShareOfRequests());
    }

    private double at(double e, double atLow, double atExpected, double atHigh) {
        if (efficiency.isFixed()) return atExpected;
        if (e <= efficiency.mode()) {
            double span = efficiency.mode() - efficiency.low();
            return span == 0 ? atExpected : atLow + (atExpected - atLow) * (e - efficiency.low()) / span;
        }
        double span = efficiency.high() - efficiency.mode();
        return span == 0 ? atExpected : atExpected + (atHigh - atExpected) * (e - efficiency.mode()) / span;
    }
}
