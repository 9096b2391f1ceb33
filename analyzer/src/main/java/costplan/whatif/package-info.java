/**
 * What-if scenarios: a workload, baselines, options and overrides of catalog numbers, read from a YAML or JSON
 * file or built fluently from JShell, planned once or swept over one parameter.
 */
package costplan.whatif;
