/**
 * Method {@code admm}: the unified market cleared by consensus ADMM, each agent negotiating with
 * its partners only ({@link org.peerclear.clearing.admm.AdmmClearing}, options in
 * {@link org.peerclear.clearing.admm.AdmmOptions}). {@link org.peerclear.clearing.admm.ConsensusAdmm}
 * is the iteration itself, bit-for-bit the same on any number of threads; with a feeder the system
 * operator joins as one more agent, projecting the injections onto the LinDistFlow limits of
 * {@code network}. A converged point is polished to the exact equilibrium of its active set and
 * certified like any other method's. {@link org.peerclear.clearing.admm.HorizonConsensus} runs the
 * same engine over the periods of a {@code horizon.model} horizon; the other classes (local steps,
 * the engine, the projection) are internal.
 */
package org.peerclear.clearing.admm;
