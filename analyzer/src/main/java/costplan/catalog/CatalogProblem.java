package costplan.catalog;

/** One thing wrong with a catalog file: which file, which field (a JSON path) and what was expected. */
public record CatalogProblem(String file, String field, String message) {
    @Override
    public String toString() {
        return file + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
