package costplan.replay;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.speed.SpeedModel;
import costplan.speed.Throughput;

import java.util.ArrayList;
import java.util.List;

/**
 * Prefill and decode speed of one option at a grid of context depths and numbers of parallel requests, taken
 * once from the speed model so that a replay of a million requests only interpolates.
 */
public final class SpeedTable {
    private final long[] depths;
    private final double[][] prefillPerRequest;
    private final double[][] decodePerRequest;

    private SpeedTable(long[] depths, double[][] prefillPerRequest, double[][] decodePerRequest) {
        this.depths = depths;
        this.prefillPerRequest = prefillPerRequest;
        this.decodePerRequest = decodePerRequest;
    }

    /**
     * Tabulates {@code speeds} for depths up to {@code maxDepth} and 1 to {@code slots} parallel requests, each
     * figure times {@code efficiencyScale} (1 for the point estimate).
     */
    public static SpeedTable of(SpeedModel speeds, Device device, ModelChoice model, Engine engine, KvCacheType kvType,
                                int slots, long maxDepth, double efficiencyScale) {
        List<Long> grid = new ArrayList<>(List.of(0L));
        for (long d = 512; d < maxDepth; d *= 2) grid.add(d);
        grid.add(Math.max(1, maxDepth));
        long[] depths = grid.stream().mapToLong(Long::longValue).toArray();
        double[][] prefill = new double[slots + 1][depths.length];
        double[][] decode = new double[slots + 1][depths.length];
        for (int p = 1; p <= slots; p++) {
            for (int i = 0; i < depths.length; i++) {
                Throughput t = speeds.at(device, model, engine, depths[i], p, kvType);
                prefill[p][i] = t.prefillTokensPerSecond() * efficiencyScale / p;
                decode[p][i] = t.decodeTokensPerSecond() * efficiencyScale / p;
            }
        }
        return new SpeedTable(depths, prefill, decode);
    }

    /** Seconds to prefill {@code tokens} more tokens on top of {@code fromDepth}, with {@code parallel} requests running. */
    public double prefillSeconds(long fromDepth, long tokens, int parallel) {
        if (tokens <= 0) return 0;
        return tokens / interpolate(prefillPerRequest[parallel], fromDepth + tokens / 2);
    }

    /** Seconds to decode {@code tokens} at context {@code depth}, with {@code parallel} requests running. */
    public double decodeSeconds(long depth, long tokens, int parallel) {
        if (tokens <= 0) return 0;
        return tokens / interpolate(decodePerRequest[parallel], depth + tokens / 2);
    }

    public int slots() {
        return prefillPerRequest.length - 1;
    }

    private double interpolate(double[] values, long depth) {
        if (depth <= depths[0]) return values[0];
        for (int i = 1; i < depths.length; i++) {
            if (depth <= depths[i]) {
                double f = (double) (depth - depths[i - 1]) / (depths[i] - depths[i - 1]);
                return values[i - 1] + f * (values[i] - values[i - 1]);
            }
        }
        return values[depths.length - 1];
    }
}
