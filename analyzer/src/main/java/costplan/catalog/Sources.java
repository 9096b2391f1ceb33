package costplan.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code sources} object of a catalog file: JSON paths to the note that covers them. A key covers the
 * field it names and everything under it ({@code "resale"} covers {@code resale.afterYear2}).
 */
public record Sources(Map<String, SourceNote> byPath) {
    public Sources {
        byPath = Map.copyOf(byPath);
    }

    /** Returns the note of the longest key that covers {@code path}, if any. */
    public Optional<SourceNote> covering(String path) {
        String candidate = path;
        while (true) {
            SourceNote note = byPath.get(candidate);
            if (note != null) return Optional.of(note);
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            if (cut < 0) return Optional.empty();
            candidate = candidate.substring(0, cut);
        }
    }

    /** Returns whether the number at {@code path} is an estimate (true when it has no source at all). */
    public boolean isEstimate(String path) {
        return covering(path).map(SourceNote::estimate).orElse(true);
    }
}
