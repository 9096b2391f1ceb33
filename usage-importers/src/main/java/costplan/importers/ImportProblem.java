package costplan.importers;

import java.nio.file.Path;

/**
 * Something an importer had to skip: a line (a CSV row, a JSON result), the rest of a truncated file, a file or a
 * folder, with where it is and why.
 *
 * @param file the file or folder concerned
 * @param line the 1-based line number, or 0 when the problem concerns the whole file
 * @param kind what sort of problem it is
 * @param detail one sentence a person can act on
 */
public record ImportProblem(Path file, long line, Kind kind, String detail) {

    /** The sorts of problem an import can meet. */
    public enum Kind {
        MALFORMED_LINE("malformed JSON"),
        TORN_LINE("torn line"),
        INVALID_UTF8("not valid UTF-8"),
        BAD_FIELD("missing or invalid field"),
        ABSURD_DATE("timestamp out of range"),
        LINE_TOO_LONG("line too long"),
        OTHER_CURRENCY("not in US dollars"),
        CONFLICTING_COPY("conflicting copy"),
        TRUNCATED("truncated file"),
        MISSING_PAGE("missing page"),
        MISSING_COLUMN("missing column"),
        NOT_A_LOG("not a usage log"),
        UNREADABLE("unreadable");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Returns the short label used in summaries, e.g. {@code malformed JSON}. */
        public String label() {
            return label;
        }

        /** Returns whether this problem cost a line (as opposed to a whole file or folder). */
        public boolean isLineProblem() {
            return this != NOT_A_LOG && this != UNREADABLE && this != MISSING_COLUMN;
        }
    }

    /** Returns {@code file:line: detail}, or {@code file: detail} for whole-file problems. */
    @Override
    public String toString() {
        String where = VisibleText.of(file.toString());
        return VisibleText.of(line > 0 ? where + ":" + line + ": " + detail : where + ": " + detail);
    }
}
