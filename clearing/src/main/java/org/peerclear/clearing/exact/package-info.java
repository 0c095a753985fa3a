/**
 * PeerClear's own exact solver of the unified market, solver {@code flow}
 * ({@link org.peerclear.clearing.exact.FlowSolver}): the market as a convex-cost network flow,
 * solved by dual ascent on spanning forests of trading pairs, and with a feeder's rows
 * ({@link org.peerclear.clearing.exact.BusRows}) by an active-set Newton method on the rows'
 * multipliers around it. Pure Java, on the primitive arrays of the market index; it returns a
 * claim that the caller certifies. It depends on no other clearing package, so that the methods
 * and the feeder model can both use it; a start may come from a
 * {@link org.peerclear.clearing.exact.PriceGuess} (ADMM's) without it knowing ADMM.
 */
package org.peerclear.clearing.exact;
