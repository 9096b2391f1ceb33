package costplan.speed;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.EfficiencyFactor;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.catalog.OpenModel;
import costplan.catalog.Range;

/**
 * The roofline speed model of {@code hardware-catalog/README.md}, with the engine's efficiency factors for the
 * device's chip (else its platform, else the engine default):
 * <ul>
 * <li>decode: one step reads the weights a token needs once (for a mixture of experts, the always-read part and the
 * routed experts picked) and each running request's KV cache and linear-attention state, plus a fixed time per
 * layer; K parallel requests share the weight read (the union of the experts they pick), and the step cannot beat
 * the compute roof;</li>
 * <li>prefill: compute-bound, 2 FLOPs per active parameter per token plus attention FLOPs growing with depth; the
 * routed experts' FLOPs run at a share of the efficiency that falls with the tokens each expert gets per batch,
 * and quantized weights at the engine's prefill factor of their quantization.</li>
 * </ul>
 * Several GPUs: vLLM splits every layer across them (tensor parallel: bandwidth and compute add up, at an
 * estimated 85 % scaling); llama.cpp and Ollama split by layers, so the GPUs work one after another and a single
 * request runs at one GPU's speed.
 */
final class RooflineSpeedModel implements SpeedModel {
    /** Estimated scaling of tensor parallelism across GPUs (communication and imbalance). */
    static final double TENSOR_PARALLEL_SCALING = 0.85;

    @Override
    public Throughput at(Device device, ModelChoice model, Engine engine, long contextTokens, int parallel, KvCacheType kvType) {
        if (!engine.runsOn(device))
            throw new IllegalArgumentException(engine.id() + " does not run on " + device.id() + " (" + device.platform()
                    + "); it runs on " + String.join(", ", engine.runsOn()));
        if (parallel < 1) throw new IllegalArgumentException("parallel requests must be at least 1 but was " + parallel);
        if (contextTokens < 0) throw new IllegalArgumentException("context must be >= 0 but was " + contextTokens);
        Engine.Efficiency e = engine.efficiency();
        double decode = decode(device, model, engine, contextTokens, parallel, kvType, e.decodeBandwidth().of(device),
                e.kvReadBandwidth().of(device), e.prefillCompute().of(device));
        double prefill = prefill(device, model, engine, contextTokens, e.prefillCompute().of(device));
        Range decodeFactor = e.decodeBandwidth().rangeOf(device);
        Range prefillFactor = e.prefillCompute().rangeOf(device);
        return new Throughput(prefill, decode,
                new Range(prefill(device, model, engine, contextTokens, prefillFactor.low()),
                        prefill(device, model, engine, contextTokens, prefillFactor.high())),
                new Range(decode(device, model, engine, contextTokens, parallel, kvType, decodeFactor.low(),
                        scaled(e.kvReadBandwidth(), device, decodeFactor.low() / e.decodeBandwidth().of(device)), e.prefillCompute().of(device)),
                        decode(device, model, engine, contextTokens, parallel, kvType, decodeFactor.high(),
                                scaled(e.kvReadBandwidth(), device, decodeFactor.high() / e.decodeBandwidth().of(device)),
                                e.prefillCompute().of(device))));
    }

    private static double scaled(EfficiencyFactor factor, Device device, double ratio) {
        return Math.min(1, factor.of(device) * ratio);
    }

    /**
     * Aggregate decode tokens per second of {@code parallel} requests at {@code depth}: a fixed time per layer, the
     * weights read once for all requests, and each request's KV cache read and linear-attention state read and
     * written, unless compute is the slower roof.
     */
    static double decode(Device device, ModelChoice model, Engine engine, long depth, int parallel, KvCacheType kvType,
                         double bandwidthEfficiency, double kvEfficiency, double computeEfficiency) {
        OpenModel m = model.model();
        double bandwidth = device.memoryBandwidthGBps() * 1e9 * gpuScale(device, engine);
        double overhead = m.layers() * engine.efficiency().decodeOverheadMsPerLayer().of(device) / 1000;
        double weights = model.weightBytesReadPerStep(parallel) / (bandwidthEfficiency * bandwidth);
        double perRequest = m.attentionKvBytes(depth, kvType, engine.decompressedMlaCache()) / (kvEfficiency * bandwidth)
                + m.stateBytesReadAndWrittenPerToken() / (bandwidthEfficiency * bandwidth);
        double memoryStep = overhead + weights + parallel * perRequest;
        // Batched decode runs matrix-vector kernels, not the grouped expert matmuls of prefill: no expert penalty.
        double computeStep = parallel * (m.denseFlopsPerToken(depth) + m.expertFlopsPerToken())
                / (device.fp16Tflops() * 1e12 * gpuScale(device, engine) * computeEfficiency);
        return parallel / Math.max(memoryStep, computeStep);
    }

    /** Prefill tokens per second of one chunk at {@code depth}. */
    static double prefill(Device device, ModelChoice model, Engine engine, long depth, double computeEfficiency) {
        return 1 / prefillSecondsPerToken(device, model, engine, depth, computeEfficiency);
    }

    /**
     * Seconds of compute per prompt token: the dense FLOPs (attention, linear attention, always-active weights) at
     * the compute efficiency, the routed experts' FLOPs at that times the experts' share (small matmuls when a
     * batch spreads over many experts), both slowed by the quantization's prefill factor (dequantizing costs compute).
     */
    private static double prefillSecondsPerToken(Device device, ModelChoice model, Engine engine, long depth, double computeEfficiency) {
        Engine.Efficiency e = engine.efficiency();
        double flops = device.fp16Tflops() * 1e12 * gpuScale(device, engine) * computeEfficiency
                * e.quantizationPrefillFactor(model.quantization().id());
        double expertFlops = model.model().expertFlopsPerToken();
        double expertSeconds = expertFlops == 0 ? 0
                : expertFlops / (flops * e.moeExpertEfficiency(device, model.model().tokensPerExpert(e.prefillBatchTokens())));
        return model.model().denseFlopsPerToken(depth) / flops + expertSeconds;
    }

    private static double gpuScale(Device device, Engine engine) {
        if (device.gpuCount() == 1 || !engine.id().equals("vllm")) return 1;
        return device.gpuCount() * TENSOR_PARALLEL_SCALING;
    }
}
