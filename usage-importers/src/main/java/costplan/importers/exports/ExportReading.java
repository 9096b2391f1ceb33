package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.ImportSummary;
import costplan.importers.UsageRecord;
import costplan.importers.VisibleText;
import costplan.importers.internal.LineProblem;
import costplan.importers.internal.PlausibleTime;
import costplan.importers.internal.ProblemTally;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an {@link ExportImporter} has read so far: the counts and problems, and the natural key of every row handed
 * on, so that a row seen again (overlapping pages, the same file given twice) counts once. A row seen again with
 * other numbers is reported and the first copy kept.
 */
final class ExportReading {
    final ProblemTally tally = new ProblemTally();
    /** The pages read, for formats that come in pages. */
    final PageChain pages = new PageChain();
    private final Consumer<UsageRecord> sink;
    private final PlausibleTime plausible = PlausibleTime.asOf(Clock.systemUTC());
    /** 64-bit hashes of natural keys, to the hash of the row first seen under that key: bounded memory per row. */
    private final Map<Long, Integer> seen = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();
    private long records;
    private Path file;
    private long lastLine;

    ExportReading(Consumer<UsageRecord> sink) {
        this.sink = sink;
    }

    void startFile(Path file) {
        this.file = file;
        this.lastLine = 0;
        tally.startFile();
    }

    /** Returns the last line a row was read from, for problems that end a file early. */
    long lastLine() {
        return lastLine;
    }

    /** Counts one row (a CSV line, a JSON result) read at {@code line}. */
    void row(long line) {
        lastLine = line;
        tally.linesRead++;
    }

    /**
     * Hands {@code record} on unless a row with the same natural key was handed on before; a row dated before 2023 or
     * in the future is reported and skipped.
     */
    void emit(UsageRecord record, String naturalKey, long line) {
        tally.usageLines++;
        try {
            plausible.check(record.timestamp(), record.timestamp().toString());
        } catch (LineProblem p) {
            report(line, p.kind(), p.getMessage() + "; the row was skipped");
            return;
        }
        tally.requestCopies++;
        int hash = record.hashCode();
        Integer previous = seen.putIfAbsent(hash64(naturalKey), hash);
        if (previous == null) {
            records++;
            sink.accept(record);
        } else if (previous != hash) {
            report(line, ImportProblem.Kind.CONFLICTING_COPY, "holds the row " + naturalKey
                    + " again with other numbers; the copy read first was kept");
        }
    }

    /**
     * Returns the one copy of {@code text} this reading keeps, so that a value repeated on every row is held once;
     * made safe to print ({@link VisibleText}) the first time it is seen.
     */
    String shared(String text) {
        return texts.computeIfAbsent(text, VisibleText::of);
    }

    void report(long line, ImportProblem.Kind kind, String detail) {
        tally.report(new ImportProblem(file, line, kind, detail));
    }

    void report(Path otherFile, long line, ImportProblem.Kind kind, String detail) {
        tally.report(new ImportProblem(otherFile, line, kind, detail));
    }

    ImportSummary summary() {
        return tally.toSummary(records);
    }

    private static long hash64(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
