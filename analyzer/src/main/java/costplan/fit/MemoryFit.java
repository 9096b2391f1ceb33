package costplan.fit;

import costplan.importers.CostplanException;
import costplan.catalog.Device;
import costplan.catalog.Engine;
import costplan.catalog.KvCacheType;
import costplan.catalog.ModelChoice;
import costplan.catalog.OpenModel;
import costplan.catalog.Quantization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans memory on one device: weights, KV caches (only the layers that keep one; sliding windows stop growing at
 * their window; MLA caches the latent, or the decompressed K and V where the engine keeps those; linear-attention layers keep a fixed state per session), engine buffers and
 * a reserve for other apps, against the memory the device lets models use.
 */
public final class MemoryFit {
    private final Device device;
    private final KvCacheType kvType;
    private final Engine engine;
    private final long reserveBytes;

    /** @param engine the engine, to keep the best-quantization search to what it loads; null for any */
    public MemoryFit(Device device, KvCacheType kvType, Engine engine, long reserveBytes) {
        if (reserveBytes < 0) throw CostplanException.badUsage("the reserve must be >= 0 but was " + reserveBytes);
        if (reserveBytes > device.memoryBytes())
            throw CostplanException.badUsage("the reserve (" + reserveBytes / 1e9 + " GB) is more than the device's memory");
        if (engine != null && !engine.supports(kvType))
            throw CostplanException.badUsage(engine.id() + " cannot store a KV cache as " + kvType.id() + "; it supports "
                    + String.join(", ", engine.kvCacheTypes().stream().map(KvCacheType::id).toList()));
        if (engine != null && !engine.runsOn(device))
            throw CostplanException.badUsage(engine.id() + " does not run on " + device.id() + " (" + device.platform() + ")");
        this.device = device;
        this.kvType = kvType;
        this.engine = engine;
        this.reserveBytes = reserveBytes;
    }

    /** Whether the engine caches multi-head latent attention decompressed (llama.cpp does; unknown engine: the latent). */
    public boolean decompressedMla() {
        return engine != null && engine.decompressedMlaCache();
    }

    public FitResult fit(List<ResidentModel> residents) {
        if (residents.isEmpty()) throw CostplanException.badUsage("name at least one model");
        long required = reserveBytes + residents.stream().mapToLong(this::bytes).sum();
        List<ModelFit> fits = new ArrayList<>();
        for (ResidentModel r : residents) {
            long others = required - bytes(r);
            OpenModel m = r.model().model();
            long state = (long) r.sessions() * m.kvCacheBytes(0, kvType, decompressedMla());
            long kv = (long) r.sessions() * m.kvCacheBytes(r.contextTokens(), kvType, decompressedMla()) - state;
            fits.add(new ModelFit(r.model(), r.sessions(), r.contextTokens(), r.model().weightBytes(), kv, state,
                    EngineOverhead.bytes(r.model()), maxContext(r, others), maxSessions(r, others), bestQuantization(r, others)));
        }
        return new FitResult(device, kvType, decompressedMla(), fits, device.usableBytes(), reserveBytes, required);
    }

    private long bytes(ResidentModel r) {
        return EngineOverhead.fixedBytes(r.model()) + (long) r.sessions() * r.model().model().kvCacheBytes(r.contextTokens(), kvType, decompressedMla());
    }

    private long maxContext(ResidentModel r, long others) {
        long budget = device.usableBytes() - others - EngineOverhead.fixedBytes(r.model());
        OpenModel m = r.model().model();
        long low = 0;
        long high = m.maxContextLength();
        if ((long) r.sessions() * m.kvCacheBytes(0, kvType, decompressedMla()) > budget) return 0;
        while (low < high) {
            long mid = (low + high + 1) >>> 1;
            if ((long) r.sessions() * m.kvCacheBytes(mid, kvType, decompressedMla()) <= budget) low = mid;
            else high = mid - 1;
        }
        return low;
    }

    private int maxSessions(ResidentModel r, long others) {
        long budget = device.usableBytes() - others - EngineOverhead.fixedBytes(r.model());
        long perSession = r.model().model().kvCacheBytes(r.contextTokens(), kvType, decompressedMla());
        return (int) Math.max(0, Math.min(4096, budget / perSession));
    }

    private String bestQuantization(ResidentModel r, long others) {
        return r.model().model().quantizations().values().stream()
                .filter(q -> engine == null || engine.loads(q))
                .sorted(Comparator.comparingDouble(Quantization::bitsPerWeight).reversed())
                .filter(q -> others + bytes(new ResidentModel(new ModelChoice(r.model().model(), q), r.sessions(), r.contextTokens()))
                        <= device.usableBytes())
                .map(Quantization::id).findFirst().orElse(null);
    }
}
