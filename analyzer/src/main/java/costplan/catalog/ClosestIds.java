package costplan.catalog;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Suggests the known ids spelled most like a mistyped one. */
public final class ClosestIds {
    private ClosestIds() {
    }

    /** Returns up to three of {@code known} closest to {@code wanted} by edit distance, ties alphabetical. */
    public static List<String> to(String wanted, Collection<String> known) {
        return known.stream()
                .sorted(Comparator.comparingInt((String id) -> editDistance(id, wanted)).thenComparing(id -> id))
                .limit(3).toList();
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
