package costplan.importers;

/** Thrown by line parsers for a line that has to be skipped; the importer adds file and line. */
final class LineProblem extends Exception {
    private final ImportProblem.Kind kind;

    LineProblem(ImportProblem.Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    ImportProblem.Kind kind() {
        return kind;
    }
}
