package costplan.calibration;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;

import java.util.Arrays;
import java.util.List;

/**
 * Fits an engine's efficiency factors on one device to llama-bench results, by the method of
 * {@code hardware-catalog/README.md}: decode efficiency = bytes read per token / ((1/tg - per-layer overhead) x
 * bandwidth); prefill efficiency = pp x 2 x active parameters / peak FLOPS (over the engine's MoE factor for a
 * mixture of experts); KV read efficiency from the extra time of generation tests at depth. Medians over the tests.
 */
public final class CalibrationFit {
    private CalibrationFit() {
    }

    public static ChipCalibration fit(List<BenchResult> results, Device device, Engine engine, ModelChoice model, String source) {
        double activeShare = model.model().activeParamsB() / model.model().totalParamsB();
        double bandwidth = device.memoryBandwidthGBps() * 1e9;
        double overhead = model.model().layers() * engine.efficiency().decodeOverheadMsPerLayer().of(device) / 1000;
        double moe = model.model().moe() ? engine.efficiency().moePrefillFactor() : 1;
        double[] decode = results.stream().filter(r -> r.decode() && r.depth() == 0)
                .mapToDouble(r -> r.modelBytes() * activeShare / ((1 / r.tokensPerSecond() - overhead) * bandwidth))
                .filter(e -> e > 0 && e < 1.5).toArray();
        double[] prefill = results.stream().filter(r -> r.prefill() && r.depth() == 0)
                .mapToDouble(r -> r.tokensPerSecond() * 2 * r.modelParams() * activeShare / (device.fp16Tflops() * 1e12 * moe))
                .toArray();
        if (decode.length == 0 && prefill.length == 0)
            throw new IllegalArgumentException("no usable test at depth 0 (need tg and pp tests, e.g. llama-bench -p 512 -n 128)");
        if (decode.length == 0) throw new IllegalArgumentException("no generation (tg) test at depth 0: add -n 128 to llama-bench");
        if (prefill.length == 0) throw new IllegalArgumentException("no prompt (pp) test at depth 0: add -p 512 to llama-bench");
        double decodeEfficiency = median(decode);
        double secondsAtZero = overhead + results.get(0).modelBytes() * activeShare / (decodeEfficiency * bandwidth);
        double[] kv = results.stream().filter(r -> r.decode() && r.depth() > 0)
                .mapToDouble(r -> model.model().kvCacheBytes(r.depth(), KvCacheType.F16)
                        / ((1 / r.tokensPerSecond() - secondsAtZero) * bandwidth))
                .filter(e -> e > 0 && e < 1.5).toArray();
        return new ChipCalibration(engine.id(), device.chip(), device.id(), model.toString(), decodeEfficiency, median(prefill),
                kv.length == 0 ? null : median(kv), decode.length, prefill.length, source);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
