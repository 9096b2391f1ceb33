package costplan.importers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import read, kept and skipped.
 *
 * @param filesRead files opened and read to the end
 * @param bytesRead bytes in those files
 * @param linesRead lines in those files
 * @param usageLines lines that carried a usage object (streamed copies included)
 * @param requests distinct requests produced
 * @param duplicateCopies usage lines that were further copies of a request already counted
 * @param syntheticLines lines the client made itself ({@code <synthetic>} model), which carry no usage
 * @param apiErrorLines lines recording an API error, which carry no usage
 * @param skippedLines lines skipped because of a problem, by kind
 * @param skippedFiles files or folders that could not be read at all
 * @param problems every problem reported, in file and line order (at most a few per file, see {@code moreProblems})
 * @param moreProblems problems counted but not listed one by one
 */
public record ImportSummary(
        long filesRead,
        long bytesRead,
        long linesRead,
        long usageLines,
        long requests,
        long duplicateCopies,
        long syntheticLines,
        long apiErrorLines,
        Map<ImportProblem.Kind, Long> skippedLines,
        long skippedFiles,
        List<ImportProblem> problems,
        long moreProblems) {

    public ImportSummary {
        skippedLines = Map.copyOf(skippedLines);
        problems = List.copyOf(problems);
    }

    /** Returns the number of lines skipped for any reason. */
    public long skippedLineCount() {
        return skippedLines.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Returns whether anything (a line, a file or a folder) was skipped. */
    public boolean skippedAnything() {
        return skippedLineCount() > 0 || skippedFiles > 0;
    }

    /** Returns the lines that carried no usage: prompts, tool results, summaries, snapshots and the like. */
    public long linesWithoutUsage() {
        return linesRead - usageLines - skippedLineCount();
    }

    /** Returns an empty summary, the starting point for {@link #plus}. */
    public static ImportSummary empty() {
        return new ImportSummary(0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, List.of(), 0);
    }

    /** Returns this summary with only the file name of each problem's file, which hides the folders it was in. */
    public ImportSummary withFileNamesOnly() {
        List<ImportProblem> named = problems.stream().map(p -> new ImportProblem(
                p.file().getFileName() == null ? p.file() : p.file().getFileName(), p.line(), p.kind(), p.detail())).toList();
        return new ImportSummary(filesRead, bytesRead, linesRead, usageLines, requests, duplicateCopies, syntheticLines,
                apiErrorLines, skippedLines, skippedFiles, named, moreProblems);
    }

    /** Returns the sum of this summary and {@code other}, as when two sources are imported together. */
    public ImportSummary plus(ImportSummary other) {
        Map<ImportProblem.Kind, Long> skipped = new EnumMap<>(ImportProblem.Kind.class);
        skippedLines.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        other.skippedLines.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        List<ImportProblem> all = new java.util.ArrayList<>(problems);
        all.addAll(other.problems);
        return new ImportSummary(filesRead + other.filesRead, bytesRead + other.bytesRead,
                linesRead + other.linesRead, usageLines + other.usageLines, requests + other.requests,
                duplicateCopies + other.duplicateCopies, syntheticLines + other.syntheticLines,
                apiErrorLines + other.apiErrorLines, skipped, skippedFiles + other.skippedFiles, all,
                moreProblems + other.moreProblems);
    }
}
