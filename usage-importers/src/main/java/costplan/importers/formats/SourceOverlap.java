package costplan.importers.formats;

import java.time.LocalDate;
import java.util.List;

/**
 * Two sources that seem to hold the same usage: the same provider's models on the same UTC days. Their totals may
 * count that usage twice; costplan says so instead of guessing which to drop.
 *
 * @param provider the provider both describe, e.g. {@code anthropic}
 * @param first one source (format name)
 * @param second the other
 * @param sameExport whether both are exports of the provider's own records (then they are certainly the same usage);
 *        false when one is a local log, which the export includes only if it ran on the organisation's API keys
 * @param from the first day both cover
 * @param to the last day both cover
 * @param models the models both show on those days, sorted
 */
public record SourceOverlap(String provider, String first, String second, boolean sameExport, LocalDate from,
                            LocalDate to, List<String> models) {

    public SourceOverlap {
        models = List.copyOf(models);
    }

    /** Returns a warning a person can act on. */
    public String message() {
        String what = first + " and " + second + " both hold " + provider + " usage of " + models + " from " + from
                + " to " + to;
        return sameExport
                ? what + "; they are two exports of the same usage, so the totals count it twice: give only one of them"
                : what + "; if the local sessions ran on the organisation's API keys, the export already includes them"
                        + " and the totals count them twice: analyze them separately";
    }
}
