/** The {@link costplan.Costplan} entry class for JShell: the starting points of a notebook. */
package costplan;
