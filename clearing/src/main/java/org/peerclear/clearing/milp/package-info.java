/**
 * Method {@code milp}: the unified market with all-or-nothing decisions
 * ({@link org.peerclear.clearing.milp.IntegerRules}: block offers, minimum stable output, minimum
 * trade size), added to the {@code formulation}'s problem as binaries and solved as a MILP (MIQP
 * with quadratic costs) by a back-end ({@link org.peerclear.clearing.milp.MilpClearing}). A MILP
 * has no duals, so the prices come from the continuous problem with the integer decisions fixed.
 */
package org.peerclear.clearing.milp;
