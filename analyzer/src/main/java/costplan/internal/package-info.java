/** Helpers shared by costplan's packages; no compatibility promise. */
package costplan.internal;
