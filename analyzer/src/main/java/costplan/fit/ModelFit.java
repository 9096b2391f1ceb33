package costplan.fit;

import costplan.catalog.ModelChoice;

/**
 * One resident model's share of memory and how far it could stretch.
 *
 * @param kvCacheBytes KV cache of all its sessions at the asked context (growing layers, sliding windows)
 * @param stateBytes fixed per-session state of linear-attention layers (part of the KV cache figure's job, shown apart)
 * @param maxContextTokens the longest context per session that still fits, the other models unchanged (capped at the
 *                         model's longest supported context); 0 when not even one token fits
 * @param maxSessions the most sessions at the asked context that fit, the other models unchanged
 * @param bestQuantization the release with the most bits per weight that fits, everything else unchanged, or null
 */
public record ModelFit(ModelChoice model, int sessions, long contextTokens, long weightsBytes, long kvCacheBytes,
                       long stateBytes, long overheadBytes, long maxContextTokens, int maxSessions, String bestQuantization) {

    public long totalBytes() {
        return weightsBytes + kvCacheBytes + stateBytes + overheadBytes;
    }
}
