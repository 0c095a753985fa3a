/**
 * The solver-neutral optimisation layer: a {@link org.peerclear.opt.Problem} (LP, QP, MILP or
 * MIQP), the {@link org.peerclear.opt.SolverBackend} extension point through which engines plug in
 * (found with {@link java.util.ServiceLoader}), their shared
 * {@link org.peerclear.opt.SolverParameters}, and the {@link org.peerclear.opt.OptimalityCertificate}
 * that checks an answer instead of trusting it. Clearing methods depend on this package, never on a
 * particular engine.
 */
package org.peerclear.opt;
