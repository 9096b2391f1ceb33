package costplan.calibration;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.catalog.OpenModel;

import java.util.Arrays;
import java.util.List;

/**
 * Fits an engine's efficiency factors on one device to llama-bench results, by the method of
 * {@code hardware-catalog/README.md}: decode efficiency = bytes read per token / ((1/tg - per-layer overhead) x
 * bandwidth); prefill efficiency = pp x FLOPs per token / (peak FLOPS x the quantization's prefill factor), with the
 * routed experts' FLOPs of a mixture of experts over their share of the efficiency at llama-bench's batch; KV read efficiency from the extra time
 * of generation tests at depth. Medians over the tests. The benchmarked file stands for the catalog model: its
 * bytes per token are the model's, scaled by the file's size over the catalog's.
 */
public final class CalibrationFit {
    private CalibrationFit() {
    }

    public static ChipCalibration fit(List<BenchResult> results, Device device, Engine engine, ModelChoice model, String source) {
        OpenModel m = model.model();
        Engine.Efficiency e = engine.efficiency();
        double bandwidth = device.memoryBandwidthGBps() * 1e9;
        double overhead = m.layers() * e.decodeOverheadMsPerLayer().of(device) / 1000;
        double bytesShare = model.weightBytesReadPerStep(1) / model.weightBytes();
        double state = m.stateBytesReadAndWrittenPerToken();
        double quant = e.quantizationPrefillFactor(model.quantization().id());
        double[] decode = results.stream().filter(r -> r.decode() && r.depth() == 0)
                .mapToDouble(r -> (r.modelBytes() * bytesShare + state) / ((1 / r.tokensPerSecond() - overhead) * bandwidth))
                .filter(x -> x > 0 && x < 1.5).toArray();
        double[] prefill = results.stream().filter(r -> r.prefill() && r.depth() == 0)
                .mapToDouble(r -> r.tokensPerSecond() * flopsPerToken(m, e, device, r) / (device.fp16Tflops() * 1e12 * quant))
                .toArray();
        if (decode.length == 0 && prefill.length == 0)
            throw new IllegalArgumentException("no usable test at depth 0 (need tg and pp tests, e.g. llama-bench -p 512 -n 128)");
        if (decode.length == 0) throw new IllegalArgumentException("no generation (tg) test at depth 0: add -n 128 to llama-bench");
        if (prefill.length == 0) throw new IllegalArgumentException("no prompt (pp) test at depth 0: add -p 512 to llama-bench");
        double decodeEfficiency = median(decode);
        double secondsAtZero = overhead + (results.get(0).modelBytes() * bytesShare + state) / (decodeEfficiency * bandwidth);
        double[] kv = results.stream().filter(r -> r.decode() && r.depth() > 0)
                .mapToDouble(r -> m.attentionKvBytes(r.depth(), KvCacheType.F16, engine.decompressedMlaCache())
                        / ((1 / r.tokensPerSecond() - secondsAtZero) * bandwidth))
                .filter(x -> x > 0 && x < 1.5).toArray();
        return new ChipCalibration(engine.id(), device.chip(), device.id(), model.toString(), decodeEfficiency, median(prefill),
                kv.length == 0 ? null : median(kv), decode.length, prefill.length, source);
    }

    /** Prefill FLOPs per token, the experts' over their share at the run's physical batch. */
    private static double flopsPerToken(OpenModel m, Engine.Efficiency e, Device device, BenchResult r) {
        if (!m.moe()) return m.denseFlopsPerToken(0);
        double batch = Math.min(r.promptTokens(), r.ubatch());
        return m.denseFlopsPerToken(0) + m.expertFlopsPerToken() / e.moeExpertEfficiency(device, batch * m.experts().pickedShare());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
