package costplan.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Fits an engine's speed-model factors to its calibration rows, by the method of {@code hardware-catalog/README.md}:
 * <ol>
 * <li>per-layer decode overhead per platform: on each chip with depth-0 decode rows of dense models whose bytes per
 * token differ (two sizes, or one size at two quantizations), least squares of
 * {@code 1/tg = overhead x layers + bytes / (efficiency x bandwidth)}; the median over the platform's chips;</li>
 * <li>prefill speed of each quantization relative to 16 bits: the median ratio of rows of one model on one chip
 * from one source (one build);</li>
 * <li>per chip: decode bandwidth efficiency from depth-0 decode rows with the platform's overhead, prefill compute
 * efficiency from dense rows, KV read efficiency from decode rows at depth;</li>
 * <li>MoE prefill per platform: on chips with a dense fit, the share of it the routed-expert FLOPs of MoE rows reach,
 * turned into the tokens per expert at which experts reach half the dense efficiency (share = tokens / (tokens +
 * half)); the median over the platform's rows;</li>
 * <li>per chip class of a platform and per platform: medians of their chips' values.</li>
 * </ol>
 * Rows whose chip has no catalog device or whose model is not in the catalog are left out. Fitting again from the
 * engine file's estimates gives the same factors, so leaving out one chip's rows and fitting again shows the error
 * on a chip the factors never saw.
 */
public final class EfficiencyFit {
    /** Decode efficiencies outside this band come from a row that does not fit the model (a typo or another build). */
    private static final double MIN_EFFICIENCY = 0.05;
    private static final double MAX_EFFICIENCY = 1.2;
    /** A 16-bit file stores a little under 16 bits per weight on average (15.99 for Llama 2 7B F16). */
    private static final double SIXTEEN_BITS = 15.5;

    private EfficiencyFit() {
    }

    /** One calibration row with its catalog device and model. */
    record Resolved(Engine.CalibrationRow row, Device device, ModelChoice model) {
        double bandwidth() {
            return device.memoryBandwidthGBps() * 1e9;
        }

        double peakFlops() {
            return device.fp16Tflops() * 1e12;
        }

        /** Tokens each routed expert got per batch in this run. */
        double tokensPerExpert(Engine engine) {
            return model.model().tokensPerExpert(row.batchTokens() != null ? row.batchTokens() : engine.efficiency().prefillBatchTokens());
        }

        /** Bytes one decode step reads and writes at depth 0: the weights, and the linear-attention state. */
        double bytesAtDepthZero() {
            return model.weightBytesReadPerStep(1) + model.model().stateBytesReadAndWrittenPerToken();
        }
    }

    /** {@code engine} with every factor fitted to its calibration rows, resolved against {@code devices} and {@code models}. */
    public static Engine fit(Engine engine, Iterable<Device> devices, Iterable<OpenModel> models) {
        Map<String, Device> byChip = new HashMap<>();
        for (Device d : devices) if (d.gpuCount() == 1) byChip.putIfAbsent(d.chip(), d);
        Map<String, OpenModel> byId = new HashMap<>();
        for (OpenModel m : models) byId.put(m.id(), m);
        List<Resolved> rows = new ArrayList<>();
        for (Engine.CalibrationRow row : engine.calibration()) {
            Device device = byChip.get(row.chip());
            ModelChoice model = resolve(row.catalogModel(), byId);
            if (device != null && model != null && engine.runsOn(device)) rows.add(new Resolved(row, device, model));
        }
        return engine.withEfficiency(fit(engine, rows));
    }

    private static ModelChoice resolve(String reference, Map<String, OpenModel> models) {
        if (reference == null) return null;
        int colon = reference.indexOf(':');
        OpenModel model = models.get(colon < 0 ? reference : reference.substring(0, colon));
        if (model == null || colon < 0) return null;
        return model.quantization(reference.substring(colon + 1)).map(q -> new ModelChoice(model, q)).orElse(null);
    }

    static Engine.Efficiency fit(Engine engine, List<Resolved> rows) {
        Engine.Efficiency e = engine.efficiency();
        EfficiencyFactor overhead = e.decodeOverheadMsPerLayer().withFitted(new EfficiencyFactor.Fitted(Map.of(), Map.of(),
                overheadByPlatform(rows)));
        Map<String, Double> quant = quantizationPrefill(rows);
        Engine.Efficiency withQuant = new Engine.Efficiency(e.decodeBandwidth(), overhead, e.kvReadBandwidth(),
                e.prefillCompute(), e.moeExpertHalfTokens(), e.prefillBatchTokens(), e.quantizationPrefill(), quant);

        Map<String, Double> decode = perChip(rows, r -> r.row().depth() == 0 && r.row().decodeTokensPerSecond() != null,
                r -> decodeEfficiency(withQuant, r));
        Map<String, Double> prefill = perChip(rows, r -> !r.model().model().moe() && r.row().prefillTokensPerSecond() != null,
                r -> prefillEfficiency(withQuant, r, 1));
        EfficiencyFactor prefillFactor = fitted(e.prefillCompute(), prefill, rows);
        EfficiencyFactor moe = e.moeExpertHalfTokens().withFitted(new EfficiencyFactor.Fitted(Map.of(), Map.of(),
                moeByPlatform(engine, withQuant, rows, prefillFactor, prefill)));
        Engine.Efficiency withMoe = new Engine.Efficiency(e.decodeBandwidth(), overhead, e.kvReadBandwidth(), e.prefillCompute(),
                moe, e.prefillBatchTokens(), e.quantizationPrefill(), quant);
        Map<String, Double> prefillWithMoe = new LinkedHashMap<>(prefill);
        perChip(rows, r -> r.model().model().moe() && r.row().prefillTokensPerSecond() != null && !prefill.containsKey(r.row().chip()),
                r -> prefillEfficiency(withQuant, r, withMoe.moeExpertEfficiency(r.device(), r.tokensPerExpert(engine))))
                .forEach(prefillWithMoe::putIfAbsent);
        Engine.Efficiency decodeFitted = new Engine.Efficiency(fitted(e.decodeBandwidth(), decode, rows), overhead,
                e.kvReadBandwidth(), fitted(e.prefillCompute(), prefillWithMoe, rows), moe, e.prefillBatchTokens(),
                e.quantizationPrefill(), quant);
        Map<String, Double> kv = perChip(rows, r -> r.row().depth() > 0 && r.row().decodeTokensPerSecond() != null,
                r -> kvEfficiency(engine, decodeFitted, r));
        return new Engine.Efficiency(decodeFitted.decodeBandwidth(), overhead, fitted(e.kvReadBandwidth(), kv, rows),
                decodeFitted.prefillCompute(), moe, e.prefillBatchTokens(), e.quantizationPrefill(), quant);
    }

    /** Overhead in ms per layer per platform, from chips with dense decode rows of clearly different bytes per token. */
    private static Map<String, Double> overheadByPlatform(List<Resolved> rows) {
        Map<String, List<Double>> perPlatform = new HashMap<>();
        Map<String, List<Resolved>> byChip = rows.stream()
                .filter(r -> !r.model().model().moe() && r.row().depth() == 0 && r.row().decodeTokensPerSecond() != null)
                .collect(Collectors.groupingBy(r -> r.row().chip()));
        byChip.forEach((chip, chipRows) -> {
            double[] bytes = chipRows.stream().mapToDouble(Resolved::bytesAtDepthZero).toArray();
            if (Arrays.stream(bytes).max().orElse(0) < 1.3 * Arrays.stream(bytes).min().orElse(0)) return;
            // Least squares of t = a x layers + b x bytes, no intercept: the 2 x 2 normal equations.
            double sll = 0, slb = 0, sbb = 0, slt = 0, sbt = 0;
            for (Resolved r : chipRows) {
                double l = r.model().model().layers();
                double b = r.bytesAtDepthZero();
                double t = 1 / r.row().decodeTokensPerSecond();
                sll += l * l;
                slb += l * b;
                sbb += b * b;
                slt += l * t;
                sbt += b * t;
            }
            double det = sll * sbb - slb * slb;
            double perLayer = (slt * sbb - sbt * slb) / det;
            double perByte = (sll * sbt - slb * slt) / det;
            double efficiency = 1 / (perByte * chipRows.get(0).bandwidth());
            if (perLayer > 0 && efficiency > MIN_EFFICIENCY && efficiency < MAX_EFFICIENCY)
                perPlatform.computeIfAbsent(chipRows.get(0).device().platform(), p -> new ArrayList<>()).add(perLayer * 1000);
        });
        return medians(perPlatform);
    }

    /** Quantization id to the median ratio of its prefill speed to the same model's 16-bit speed on the same chip. */
    private static Map<String, Double> quantizationPrefill(List<Resolved> rows) {
        Map<String, List<Double>> ratios = new HashMap<>();
        for (Resolved r : rows) {
            if (r.row().prefillTokensPerSecond() == null || r.model().quantization().bitsPerWeight() >= SIXTEEN_BITS) continue;
            rows.stream().filter(s -> s.row().chip().equals(r.row().chip()) && s.model().model() == r.model().model()
                            && s.row().source().equals(r.row().source())
                            && s.row().depth() == r.row().depth() && s.model().quantization().bitsPerWeight() >= SIXTEEN_BITS
                            && s.row().prefillTokensPerSecond() != null)
                    .findFirst().ifPresent(s -> ratios.computeIfAbsent(r.model().quantization().id(), q -> new ArrayList<>())
                            .add(r.row().prefillTokensPerSecond() / s.row().prefillTokensPerSecond()));
        }
        return medians(ratios);
    }

    private static double decodeEfficiency(Engine.Efficiency e, Resolved r) {
        double overhead = r.model().model().layers() * e.decodeOverheadMsPerLayer().of(r.device()) / 1000;
        return r.bytesAtDepthZero() / ((1 / r.row().decodeTokensPerSecond() - overhead) * r.bandwidth());
    }

    /** The compute efficiency that gives the row's prefill speed, with the experts' FLOPs at {@code moeFactor} of it. */
    private static double prefillEfficiency(Engine.Efficiency e, Resolved r, double moeFactor) {
        OpenModel m = r.model().model();
        double flops = m.denseFlopsPerToken(r.row().depth()) + m.expertFlopsPerToken() / moeFactor;
        return r.row().prefillTokensPerSecond() * flops / (r.peakFlops() * e.quantizationPrefillFactor(r.model().quantization().id()));
    }

    /**
     * Tokens per expert at which experts reach half the dense efficiency, per platform: from the share s of the
     * chip's dense prefill efficiency that a MoE row's expert FLOPs reach with t tokens per expert, t x (1 - s) / s.
     */
    private static Map<String, Double> moeByPlatform(Engine engine, Engine.Efficiency e, List<Resolved> rows,
                                                     EfficiencyFactor dense, Map<String, Double> denseByChip) {
        Map<String, List<Double>> perPlatform = new HashMap<>();
        for (Resolved r : rows) {
            OpenModel m = r.model().model();
            if (!m.moe() || r.row().prefillTokensPerSecond() == null || !denseByChip.containsKey(r.row().chip())) continue;
            double seconds = 1 / r.row().prefillTokensPerSecond();
            double denseSeconds = m.denseFlopsPerToken(r.row().depth())
                    / (dense.of(r.device()) * r.peakFlops() * e.quantizationPrefillFactor(r.model().quantization().id()));
            double factor = m.expertFlopsPerToken() / ((seconds - denseSeconds) * dense.of(r.device()) * r.peakFlops()
                    * e.quantizationPrefillFactor(r.model().quantization().id()));
            double tokens = r.tokensPerExpert(engine);
            if (seconds > denseSeconds && factor > 0.01 && factor < 1)
                perPlatform.computeIfAbsent(r.device().platform(), p -> new ArrayList<>()).add(tokens * (1 - factor) / factor);
        }
        return medians(perPlatform);
    }

    private static double kvEfficiency(Engine engine, Engine.Efficiency e, Resolved r) {
        double overhead = r.model().model().layers() * e.decodeOverheadMsPerLayer().of(r.device()) / 1000;
        double atZero = overhead + r.bytesAtDepthZero() / (e.decodeBandwidth().of(r.device()) * r.bandwidth());
        double kv = r.model().model().attentionKvBytes(r.row().depth(), KvCacheType.F16, engine.decompressedMlaCache());
        return kv / ((1 / r.row().decodeTokensPerSecond() - atZero) * r.bandwidth());
    }

    /** Median per chip of {@code value} over the rows {@code use} keeps, values outside the plausible band dropped. */
    private static Map<String, Double> perChip(List<Resolved> rows, Predicate<Resolved> use,
                                               Function<Resolved, Double> value) {
        Map<String, List<Double>> values = new HashMap<>();
        for (Resolved r : rows) {
            if (!use.test(r)) continue;
            double v = value.apply(r);
            if (v > MIN_EFFICIENCY && v < MAX_EFFICIENCY) values.computeIfAbsent(r.row().chip(), c -> new ArrayList<>()).add(v);
        }
        return medians(values);
    }

    /** {@code factor} with these chip values and the medians of its chip classes and platforms. */
    private static EfficiencyFactor fitted(EfficiencyFactor factor, Map<String, Double> byChip, List<Resolved> rows) {
        Map<String, Device> devices = new HashMap<>();
        for (Resolved r : rows) devices.putIfAbsent(r.row().chip(), r.device());
        Map<String, List<Double>> byClass = new HashMap<>();
        Map<String, List<Double>> byPlatform = new HashMap<>();
        byChip.forEach((chip, value) -> {
            Device d = devices.get(chip);
            byClass.computeIfAbsent(EfficiencyFactor.classKey(d), k -> new ArrayList<>()).add(value);
            byPlatform.computeIfAbsent(d.platform(), k -> new ArrayList<>()).add(value);
        });
        return factor.withFitted(new EfficiencyFactor.Fitted(byChip, medians(byClass), medians(byPlatform)));
    }

    private static Map<String, Double> medians(Map<String, List<Double>> values) {
        Map<String, Double> medians = new HashMap<>();
        values.forEach((key, list) -> medians.put(key, median(list)));
        return medians;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
