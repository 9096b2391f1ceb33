/**
 * Every format costplan reads ({@link costplan.importers.formats.UsageFormats}), which one a file or folder is, and
 * how sources of the same usage are joined or flagged when read together
 * ({@link costplan.importers.formats.SourceReconciler}).
 */
package costplan.importers.formats;
