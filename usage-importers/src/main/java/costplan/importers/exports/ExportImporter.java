package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.ImportSummary;
import costplan.importers.UsageImporter;
import costplan.importers.UsageRecord;
import costplan.importers.internal.CsvReader;
import costplan.importers.internal.LineProblem;
import costplan.importers.internal.LogFileFinder;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads export files (CSV or JSON downloads of a provider's usage or cost) one after another: the files named, and the
 * files directly inside the folders named. A file that cannot be read, or lacks a column the format needs, is
 * skipped and reported; the others are still read.
 */
abstract class ExportImporter implements UsageImporter {

    /** Reads {@code file}, handing each row to {@code reading}; a problem thrown here skips the rest of the file. */
    abstract void readFile(Path file, ExportReading reading) throws IOException, LineProblem;

    /** Reads one data row of a CSV export, found on {@code line}; a problem thrown here skips only that row. */
    interface CsvRowReader {
        void row(String[] row, long line) throws LineProblem;
    }

    /** Finds the columns a CSV format needs (a missing one skips the file) and returns what reads each row. */
    interface CsvFormat {
        CsvRowReader columns(CsvColumns columns) throws LineProblem;
    }

    /** Reads a CSV export row by row, as {@link JsonDataReader} reads a JSON one: a bad row is reported and skipped. */
    static void readCsvRows(Path file, ExportReading reading, CsvFormat format) throws IOException, LineProblem {
        try (CsvReader csv = CsvReader.open(file)) {
            CsvRowReader rows = format.columns(new CsvColumns(csv.header()));
            while (csv.next()) {
                reading.row(csv.line());
                try {
                    rows.row(csv.row(), csv.line());
                } catch (LineProblem p) {
                    reading.report(csv.line(), p.kind(), p.getMessage());
                }
            }
        }
    }

    /** Returns whether {@code head} is a JSON object with a field called each of {@code names}, not merely that text. */
    static boolean isJsonWithFields(String head, String... names) {
        if (!isJsonObject(head)) return false;
        for (String name : names) if (!hasField(head, name)) return false;
        return true;
    }

    /** Returns whether {@code head} starts with a CSV header that has a column called each of {@code names}. */
    static boolean isCsvWithColumns(String head, String... names) {
        return new CsvColumns(CsvReader.headerOf(head)).hasAll(names);
    }

    /** Returns whether {@code head} starts a JSON object. */
    static boolean isJsonObject(String head) {
        return head.stripLeading().startsWith("{");
    }

    private static boolean hasField(String head, String name) {
        return java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(name) + "\"\\s*:").matcher(head).find();
    }

    /** Reads every file; a file that cannot be read is reported in the summary, never thrown. */
    @Override
    public final ImportSummary read(List<Path> sources, Consumer<UsageRecord> sink) throws IOException {
        ExportReading reading = new ExportReading(sink);
        List<Path> files = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> inside = Files.list(source)) {
                    inside.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.exists(source)) {
                files.add(source);
            } else {
                reading.tally.report(new ImportProblem(source, 0, ImportProblem.Kind.UNREADABLE, "no such file or folder"));
            }
        }
        for (Path file : files) {
            reading.startFile(file);
            try {
                readFile(file, reading);
                reading.tally.filesRead++;
                reading.tally.bytesRead += Files.size(file);
            } catch (LineProblem p) {
                reading.report(p.kind().isLineProblem() ? reading.lastLine() : 1, p.kind(), p.getMessage());
                if (p.kind().isLineProblem()) {
                    reading.tally.filesRead++;
                    reading.tally.bytesRead += Files.size(file);
                }
            } catch (CharacterCodingException e) {
                reading.report(reading.lastLine() + 1, ImportProblem.Kind.INVALID_UTF8,
                        "is not valid UTF-8 from here on; the rest of the file was skipped");
            } catch (IOException e) {
                reading.report(0, ImportProblem.Kind.UNREADABLE,
                        "cannot be read (" + LogFileFinder.reason(e) + "); check its permissions");
            }
        }
        reading.pages.check(reading);
        return reading.summary();
    }
}
