package costplan.importers.internal;

import costplan.importers.ImportProblem;

/** Thrown by line parsers for a line that has to be skipped; the importer adds file and line. */
public final class LineProblem extends Exception {
    private final ImportProblem.Kind kind;

    public LineProblem(ImportProblem.Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public ImportProblem.Kind kind() {
        return kind;
    }
}
