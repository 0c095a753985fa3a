/**
 * The unified multi-bilateral market as an optimisation {@link org.peerclear.opt.Problem}
 * ({@link org.peerclear.clearing.formulation.UnifiedFormulation}: assets, trades, each agent's
 * balance and each pair's reciprocity, whose duals are the prices), and the extensions that add
 * rows to it: the feeder's LinDistFlow limits
 * ({@link org.peerclear.clearing.formulation.LinDistFlowConstraints}) here, the integer rules in
 * {@code milp}. The centralised, MILP and horizon clearings solve it; with a feeder, ADMM and the
 * exact solver map their answers onto it, so that they are certified on the same problem.
 */
package org.peerclear.clearing.formulation;
