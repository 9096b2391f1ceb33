package costplan.importers.exports;

import costplan.importers.ImportProblem;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of one paginated API report, checked for gaps once all are read: a page that says {@code has_more} must
 * be followed by a page given alongside it (one whose first bucket starts at or after its last bucket ends). Page
 * tokens are opaque, so the buckets' times are what links the pages.
 */
final class PageChain {
    private record Entry(Path file, JsonDataReader.Page page, Instant firstStart, Instant lastEnd) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a page read from {@code file}; {@code firstStart} and {@code lastEnd} are null for a page without buckets. */
    void add(Path file, JsonDataReader.Page page, Instant firstStart, Instant lastEnd) {
        entries.add(new Entry(file, page, firstStart, lastEnd));
    }

    /** Reports each page whose {@code has_more} points to a page that was not given. */
    void check(ExportReading reading) {
        for (Entry e : entries) {
            if (!e.page.complete() || !e.page.hasMore()) continue;
            String after = e.lastEnd == null ? "" : " after " + e.lastEnd;
            if (e.page.nextPage() == null) {
                reading.report(e.file, e.page.hasMoreLine(), ImportProblem.Kind.MISSING_PAGE, "has_more is true but"
                        + " next_page is null; the usage" + after + " may be missing (fetch the report again)");
            } else if (entries.stream().noneMatch(o -> o != e && o.firstStart != null && e.lastEnd != null
                    && !o.firstStart.isBefore(e.lastEnd))) {
                reading.report(e.file, e.page.hasMoreLine(), ImportProblem.Kind.MISSING_PAGE, "has_more is true but"
                        + " no page given starts" + after + "; download the next page (next_page \"" + e.page.nextPage()
                        + "\") and give it too");
            }
        }
    }
}
