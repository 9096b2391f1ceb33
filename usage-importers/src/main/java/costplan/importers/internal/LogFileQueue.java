package costplan.importers.internal;

import costplan.importers.ImportProblem;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands the files a walk finds to the reading threads while the walk goes on, the biggest waiting file first: reading
 * starts before the walk ends, and once it has ended the files left are read biggest first, so that no thread ends
 * long after the others on a big file taken last.
 */
public final class LogFileQueue {
    /** A file to read and the order the walk found it in, which tells its lines apart from other files' lines. */
    public record Queued(LogFileFinder.LogFile file, int order) {
    }

    /** Put once per reader after the walk; smaller than every file, so taken only when the files are all taken. */
    private static final Queued END = new Queued(new LogFileFinder.LogFile(Path.of(""), -1, "", false), -1);

    private final PriorityBlockingQueue<Queued> queue = new PriorityBlockingQueue<>(1024,
            Comparator.comparingLong((Queued q) -> q.file().sizeBytes()).reversed());
    private final int readers;
    private final AtomicLong bytesFound = new AtomicLong();
    private int filesFound;

    public LogFileQueue(int readers) {
        this.readers = readers;
    }

    /** Walks {@code sources}, queueing each file found, and returns what could not be listed; run on one thread. */
    public List<ImportProblem> fill(List<Path> sources) {
        try {
            return LogFileFinder.find(sources, file -> {
                bytesFound.addAndGet(file.sizeBytes());
                queue.add(new Queued(file, filesFound++));
            });
        } finally {
            for (int i = 0; i < readers; i++) queue.add(END);
        }
    }

    /** Returns the biggest file waiting, waiting for the walk when none is; null once the walk has ended and all are taken. */
    public Queued next() throws InterruptedException {
        Queued next = queue.take();
        return next == END ? null : next;
    }

    /** Returns how many files the walk has found; final once {@link #fill} has returned. */
    public int filesFound() {
        return filesFound;
    }

    /** Returns the size of the files found so far. */
    public long bytesFound() {
        return bytesFound.get();
    }
}
