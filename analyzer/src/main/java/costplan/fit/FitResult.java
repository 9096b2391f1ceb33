package costplan.fit;

import costplan.catalog.Device;
import costplan.catalog.KvCacheType;

import java.util.List;

/**
 * Whether a set of resident models, their sessions' KV caches, engine buffers and a reserve for other apps fit in
 * a device's usable memory (memory less what the OS and driver keep), and by how much.
 *
 * @param decompressedMla whether multi-head latent attention caches were counted decompressed (the engine keeps
 *                        them so) rather than as the latent
 */
public record FitResult(Device device, KvCacheType kvType, boolean decompressedMla, List<ModelFit> models, long usableBytes,
                        long reserveBytes, long requiredBytes) {
    public FitResult {
        models = List.copyOf(models);
    }

    public boolean fits() {
        return requiredBytes <= usableBytes;
    }

    /** Memory left over; negative when short by that much. */
    public long headroomBytes() {
        return usableBytes - requiredBytes;
    }

    public long weightsBytes() {
        return models.stream().mapToLong(ModelFit::weightsBytes).sum();
    }

    public long kvCacheBytes() {
        return models.stream().mapToLong(m -> m.kvCacheBytes() + m.stateBytes()).sum();
    }
}
