/** Claude Code's session logs: where they are, and the importer that reads their JSONL lines into requests. */
package costplan.importers.claude;
