/**
 * Reading shared by the importers, with no compatibility promise: a JSON cursor over bytes, a JSONL line scanner
 * that skips lines without usage before parsing, a CSV reader, byte search, timestamp parsing, log file finding and
 * the tally of lines read and problems met.
 */
package costplan.importers.internal;
