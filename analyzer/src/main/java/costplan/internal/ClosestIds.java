package costplan.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests the known ids closest to one that is not known: first those that start with what was typed, then those
 * that contain it (any case; {@code haiku} finds {@code claude-haiku-4-5}), then those spelled most like it.
 */
public final class ClosestIds {
    private ClosestIds() {
    }

    /**
     * Returns up to three of {@code known}: those starting with {@code wanted}, then containing it, then the rest;
     * in each, by edit distance, ties alphabetical.
     */
    public static List<String> to(String wanted, Collection<String> known) {
        String typed = wanted.toLowerCase(Locale.ROOT);
        return known.stream()
                .sorted(Comparator.comparingInt((String id) -> match(id.toLowerCase(Locale.ROOT), typed))
                        .thenComparingInt(id -> editDistance(id, wanted)).thenComparing(id -> id))
                .limit(3).toList();
    }

    /** 0 when {@code id} starts with {@code typed}, 1 when it contains it, 2 otherwise. */
    private static int match(String id, String typed) {
        if (typed.isEmpty()) return 2;
        return id.startsWith(typed) ? 0 : id.contains(typed) ? 1 : 2;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
