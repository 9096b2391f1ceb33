/** Codex CLI's session rollouts: where they are, and the importer that reads their token-count events into turns. */
package costplan.importers.codex;
