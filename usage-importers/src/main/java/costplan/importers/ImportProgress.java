package costplan.importers;

/** Receives progress while an import runs; called from worker threads. */
@FunctionalInterface
public interface ImportProgress {
    /** Ignores progress. */
    ImportProgress NONE = (bytesDone, bytesTotal) -> { };

    /** Called after each file with the bytes read so far and the bytes to read in all. */
    void bytesRead(long bytesDone, long bytesTotal);
}
