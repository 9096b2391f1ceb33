package costplan.replay;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;

import java.util.List;

/**
 * One way of running the work locally: a device, a model at a quantization, an engine, how many requests it runs
 * at once, what it keeps of each session's KV cache, and which requests go to the cloud instead.
 *
 * @param kvBudgetBytes memory left for KV caches once weights, engine buffers and the OS share are taken out
 * @param fixedBytes weights plus engine buffers, for the memory high-water mark
 */
public record LocalOption(Device device, ModelChoice model, Engine engine, int slots, CachePolicy policy,
                          KvCacheType kvType, List<RouteRule> routes, long kvBudgetBytes, long fixedBytes) {
    public LocalOption {
        if (slots < 1) throw new IllegalArgumentException("an option needs at least 1 parallel slot but had " + slots);
        if (kvBudgetBytes <= 0)
            throw new IllegalArgumentException(model + " leaves no memory for a KV cache on " + device.id());
        routes = List.copyOf(routes);
    }

    /** The longest conversation the model takes (prompt plus answer). */
    public long contextTokens() {
        return model.model().contextLength();
    }

    /** KV bytes of one session holding {@code tokens}. */
    public long kvBytes(long tokens) {
        return model.model().kvCacheBytes(tokens, kvType, engine.decompressedMlaCache());
    }

    public String label() {
        return device.id() + " / " + model + " / " + engine.id() + " / " + policy.id() + " / " + slots + " slot" + (slots == 1 ? "" : "s");
    }
}
