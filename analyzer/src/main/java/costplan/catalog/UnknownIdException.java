package costplan.catalog;

import costplan.importers.CostplanException;

import java.util.List;

/** An id that is not in the catalog; the message names the closest ids that are and where to see them all. */
public final class UnknownIdException extends CostplanException {
    public UnknownIdException(String kind, String id, List<String> closest, String listedBy) {
        super(Kind.BAD_USAGE, "unknown " + kind + " '" + id + "'" + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest))
                + " ('" + listedBy + "' lists them all)");
    }
}
