package costplan.speed;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.catalog.Range;

/** The speed model the commands use. */
public final class SpeedModels {
    private SpeedModels() {
    }

    /**
     * The roofline model of {@code hardware-catalog/README.md}: decode time per token is the per-layer overhead plus
     * the active weight bytes and the KV bytes read at that depth over the reached share of memory bandwidth; prefill
     * is the reached share of FP16 compute over 2 FLOPs per active parameter per token. Parallel requests share one
     * read of the weights per step.
     */
    public static SpeedModel standard() {
        return SpeedModels::roofline;
    }

    private static Throughput roofline(Device device, ModelChoice model, Engine engine, long context, int parallel,
                                       KvCacheType kvType) {
        Engine.Efficiency e = engine.efficiency();
        double bandwidth = device.memoryBandwidthGBps() * 1e9;
        double overhead = model.model().layers() * e.decodeOverheadMsPerLayer().of(device) / 1000;
        double kvBytes = model.model().kvCacheBytes(context, kvType);
        double weightsSeconds = model.activeWeightBytes() / (e.decodeBandwidth().of(device) * bandwidth);
        double kvSeconds = kvBytes / (e.kvReadBandwidth().of(device) * bandwidth);
        double step = overhead + weightsSeconds + parallel * kvSeconds;
        double decode = parallel / step;
        double prefillFactor = e.prefillCompute().of(device) * (model.model().moe() ? e.moePrefillFactor() : 1);
        double prefill = prefillFactor * device.fp16Tflops() * 1e12 / (2 * model.model().activeParamsB() * 1e9);
        Range decodeSpread = e.decodeBandwidth().rangeOf(device);
        Range prefillSpread = e.prefillCompute().rangeOf(device);
        double decodePoint = e.decodeBandwidth().of(device);
        double prefillPoint = e.prefillCompute().of(device);
        return new Throughput(prefill, decode,
                new Range(prefill * prefillSpread.low() / prefillPoint, prefill * prefillSpread.high() / prefillPoint),
                new Range(decode * decodeSpread.low() / decodePoint, decode * decodeSpread.high() / decodePoint));
    }
}
