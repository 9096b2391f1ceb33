package costplan.importers.exports;

import costplan.importers.ImportProblem;
import costplan.importers.VisibleText;
import costplan.importers.internal.LineProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds a CSV export's columns by name, ignoring case and order; a column may have had several names. */
final class CsvColumns {
    private final Map<String, Integer> index = new HashMap<>();

    CsvColumns(List<String> header) {
        for (int i = 0; i < header.size(); i++) index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
    }

    /** Returns whether every one of {@code names} is a column. */
    boolean hasAll(String... names) {
        for (String name : names) if (!index.containsKey(name.toLowerCase(Locale.ROOT))) return false;
        return true;
    }

    /** Returns the position of the first of {@code names} (one column's names, newest first) present, or -1. */
    int find(String... names) {
        for (String name : names) {
            Integer i = index.get(name.toLowerCase(Locale.ROOT));
            if (i != null) return i;
        }
        return -1;
    }

    /** Returns the position of the first of {@code names} present; the problem names them all. */
    int require(String... names) throws LineProblem {
        int i = find(names);
        if (i < 0)
            throw new LineProblem(ImportProblem.Kind.MISSING_COLUMN, "has no column " + String.join(" or ", names)
                    + "; the file was skipped (columns are matched by name, in any order)");
        return i;
    }

    /** Returns cell {@code i} of {@code row}, stripped and safe to print; empty when the row is shorter or {@code i} is -1. */
    static String cell(String[] row, int i) {
        return i < 0 || i >= row.length ? "" : VisibleText.of(row[i].strip());
    }
}
