package costplan.importers.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an import's tasks on a few daemon threads and returns their results in task order. */
public final class ParallelTasks {
    private ParallelTasks() {
    }

    /**
     * Runs {@code tasks} on at most {@code threads} threads named {@code threadName}.
     *
     * @throws IOException when the import is interrupted
     * @throws IllegalStateException when a task fails, with the task's failure as its cause
     */
    public static <T> List<T> run(String threadName, int threads, List<Callable<T>> tasks) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) futures.add(pool.submit(task));
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("import failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
