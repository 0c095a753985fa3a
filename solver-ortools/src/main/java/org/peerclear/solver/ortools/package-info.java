/**
 * OR-Tools back-ends plugged in through {@link org.peerclear.opt.SolverBackend}: GLOP (LP, with
 * duals), PDLP (LP and diagonal QP), SCIP and CBC (MILP). The native library is loaded once, on
 * first use; when it cannot be, the back-ends report themselves unavailable instead of failing.
 */
package org.peerclear.solver.ortools;
