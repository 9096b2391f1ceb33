package costplan.catalog;

/** Where a catalog number comes from, when it was published or checked, and whether it is an estimate. */
public record SourceNote(String source, String date, boolean estimate) {
}
