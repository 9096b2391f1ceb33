package costplan.speed;

import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;

/** Estimates prefill and decode speed of a model on a device under an engine. */
public interface SpeedModel {

    /**
     * Speed at {@code contextTokens} of context already in the KV cache, with {@code parallel} requests running at
     * once (aggregate tokens per second over all of them) and the KV cache stored as {@code kvType}.
     */
    Throughput at(Device device, ModelChoice model, Engine engine, long contextTokens, int parallel, KvCacheType kvType);
}
