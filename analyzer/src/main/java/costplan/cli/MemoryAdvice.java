package costplan.cli;

/**
 * What to say when Java runs out of memory: how much costplan had and what to give it, so that the user can run it
 * again with more instead of reading an internal error.
 */
final class MemoryAdvice {
    private static final long MIB = 1024 * 1024;

    private MemoryAdvice() {
    }

    /** Returns whether {@code e} is, or was caused by, an {@link OutOfMemoryError}. */
    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    /**
     * Returns the message for a run that had at most {@code maxHeapBytes}: it suggests twice that, rounded up to
     * 256 MiB, e.g. {@code -Xmx512m} after a 200 MiB heap.
     */
    static String message(long maxHeapBytes) {
        long suggestedMib = Math.max(512, ((2 * maxHeapBytes / MIB + 255) / 256) * 256);
        String suggested = suggestedMib % 1024 == 0 ? suggestedMib / 1024 + "g" : suggestedMib + "m";
        return "costplan: error: costplan needs more memory: it had " + maxHeapBytes / MIB + " MiB; run it again with"
                + " COSTPLAN_JAVA_OPTS=-Xmx" + suggested + " (or more)";
    }
}
