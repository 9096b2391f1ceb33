/**
 * The one pipeline from usage to plan: a {@link costplan.usage.UsageQuery} reads, reconciles and prices usage into a
 * {@link costplan.usage.Usage}, whose groupings, session activity, trace and plan every command and the notebook use.
 */
package costplan.usage;
