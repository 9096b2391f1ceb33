/**
 * Usage and cost exports of Anthropic, OpenAI and OpenRouter (JSON reports and CSV downloads): one importer per
 * format over a shared row loop, with the values, dates and time buckets they have in common.
 */
package costplan.importers.exports;
