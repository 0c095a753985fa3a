/**
 * A pure-Java primal-dual interior-point back-end ({@link org.peerclear.solver.ipm.IpmBackend}) for
 * LPs and for QPs with a diagonal Q, the shape of PeerClear's markets, plugged in through
 * {@link org.peerclear.opt.SolverBackend}. Everything else in the package (presolve and scaling,
 * the sparse LDLᵀ factorisation and its ordering, the method's constants) is internal to it.
 */
package org.peerclear.solver.ipm;
