package costplan.plan;

import costplan.catalog.Catalog;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.catalog.OpenModel;
import costplan.catalog.Quantization;
import costplan.fit.EngineOverhead;
import costplan.replay.CachePolicy;
import costplan.replay.LocalOption;
import costplan.replay.RouteRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the options a plan compares: for each device, the models that could do agentic coding work, each at the
 * best quantization whose weights, engine buffers and KV caches for the parallel sessions fit in usable memory.
 * {@link #capableModels()} is the size rule of {@code breakeven}; plans choose by coding scores ({@link QualityRule}).
 */
public final class OptionChooser {
    /** A model counts as capable of agentic coding from this size and context length. */
    static final double CAPABLE_PARAMS_B = 20;
    static final int CAPABLE_CONTEXT = 65_536;

    private final Catalog catalog;
    private final CachePolicy policy;
    private final KvCacheType kvType;
    private final List<RouteRule> routes;
    private final int slots;
    private final long contextPerSession;

    /**
     * @param contextPerSession tokens of KV each parallel session must be able to hold (e.g. the trace's P95 prompt)
     */
    public OptionChooser(Catalog catalog, CachePolicy policy, KvCacheType kvType, List<RouteRule> routes, int slots,
                         long contextPerSession) {
        if (slots < 1 || slots > 256) throw new IllegalArgumentException("slots must be 1 to 256 but was " + slots);
        this.catalog = catalog;
        this.policy = policy;
        this.kvType = kvType;
        this.routes = List.copyOf(routes);
        this.slots = slots;
        this.contextPerSession = contextPerSession;
    }

    /** Models the plan tries when none are named: at least 20B parameters and a 64K context. */
    public List<OpenModel> capableModels() {
        return catalog.models().stream()
                .filter(m -> m.totalParamsB() >= CAPABLE_PARAMS_B && m.contextLength() >= CAPABLE_CONTEXT).toList();
    }

    /**
     * The option of {@code model} on {@code device} under {@code engine}: the named quantization, or the one with
     * the most bits per weight that fits with room for every slot's KV cache. Empty when nothing fits.
     */
    public Optional<LocalOption> option(Device device, OpenModel model, String quantization, Engine engine) {
        if (!engine.runsOn(device)) return Optional.empty();
        List<Quantization> candidates = model.quantizations().values().stream()
                .filter(q -> quantization == null ? engine.loads(q) : q.id().equals(quantization))
                .sorted(Comparator.comparingDouble(Quantization::bitsPerWeight).reversed()).toList();
        long kvNeeded = slots * model.kvCacheBytes(Math.min(contextPerSession, model.contextLength()), kvType, engine.decompressedMlaCache());
        for (Quantization q : candidates) {
            ModelChoice choice = new ModelChoice(model, q);
            long budget = device.usableBytes() - EngineOverhead.fixedBytes(choice);
            if (budget >= kvNeeded && budget > 0)
                return Optional.of(new LocalOption(device, choice, engine, slots, policy, kvType, routes, budget, EngineOverhead.fixedBytes(choice)));
        }
        return Optional.empty();
    }

    /**
     * The options of one device: the named models ({@code id[:quant]}) that fit, or by default every model with a 64K
     * context that {@code candidate} accepts and that fits.
     */
    public List<LocalOption> options(Device device, List<String> modelRefs, Engine engine, Predicate<OpenModel> candidate) {
        if (modelRefs.isEmpty()) {
            List<LocalOption> fitting = new ArrayList<>();
            for (OpenModel model : catalog.models())
                if (model.contextLength() >= CAPABLE_CONTEXT && candidate.test(model))
                    option(device, model, null, engine).ifPresent(fitting::add);
            return fitting;
        }
        List<LocalOption> options = new ArrayList<>();
        for (String ref : modelRefs) {
            int colon = ref.indexOf(':');
            OpenModel model = catalog.model(colon < 0 ? ref : ref.substring(0, colon));
            String quant = colon < 0 ? null : catalog.modelChoice(ref).quantization().id();
            option(device, model, quant, engine).ifPresent(options::add);
        }
        return options;
    }
}
