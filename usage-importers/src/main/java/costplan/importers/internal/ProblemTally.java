package costplan.importers.internal;

import costplan.importers.ImportProblem;
import costplan.importers.ImportSummary;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts what one worker read and skipped, listing the first few problems of each file. */
public final class ProblemTally {
    static final int LISTED_PER_FILE = 5;

    public long filesRead;
    public long bytesRead;
    public long linesRead;
    public long usageLines;
    public long requestCopies;
    public long syntheticLines;
    public long apiErrorLines;
    public long skippedFiles;
    long moreProblems;
    final Map<ImportProblem.Kind, Long> skippedLines = new EnumMap<>(ImportProblem.Kind.class);
    public final List<ImportProblem> problems = new ArrayList<>();
    private int listedInFile;

    public void startFile() {
        listedInFile = 0;
    }

    public void report(ImportProblem problem) {
        if (problem.kind().isLineProblem()) skippedLines.merge(problem.kind(), 1L, Long::sum);
        else skippedFiles++;
        if (listedInFile++ < LISTED_PER_FILE) problems.add(problem);
        else moreProblems++;
    }

    public void addTo(ProblemTally total) {
        total.filesRead += filesRead;
        total.bytesRead += bytesRead;
        total.linesRead += linesRead;
        total.usageLines += usageLines;
        total.requestCopies += requestCopies;
        total.syntheticLines += syntheticLines;
        total.apiErrorLines += apiErrorLines;
        total.skippedFiles += skippedFiles;
        total.moreProblems += moreProblems;
        skippedLines.forEach((k, v) -> total.skippedLines.merge(k, v, Long::sum));
        total.problems.addAll(problems);
    }

    public ImportSummary toSummary(long requests) {
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> a.file().equals(b.file()) ? Long.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        return new ImportSummary(filesRead, bytesRead, linesRead, usageLines, requests, requestCopies - requests,
                syntheticLines, apiErrorLines, skippedLines, skippedFiles, sorted, moreProblems);
    }
}
