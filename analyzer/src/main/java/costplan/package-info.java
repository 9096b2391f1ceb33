/** The {@link costplan.Costplan} entry class for JShell, and the usage it reads. */
package costplan;
