/**
 * What every usage source is read into, and how a source is read: {@link costplan.importers.UsageRecord} (one
 * request, with its {@link costplan.importers.TokenCounts} and reported {@link costplan.importers.Usd} cost), the
 * {@link costplan.importers.UsageImporter} interface, its {@link costplan.importers.ImportSummary} and
 * {@link costplan.importers.ImportProblem}s. The importers of each source are in the sub-packages {@code claude},
 * {@code codex} and {@code exports}; {@code formats} tells a source's format from its content; {@code internal}
 * holds the byte-level JSON and CSV reading they share.
 */
package costplan.importers;
