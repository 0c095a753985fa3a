/**
 * The compact view of a market that solvers work on ({@link org.peerclear.index.MarketIndex}:
 * integer ids and primitive arrays, built once) and the checks that find an infeasible or
 * unbounded market before any solver runs ({@link org.peerclear.index.MarketFeasibility}). Kept
 * apart from the model so that the model's public API speaks in ids only.
 */
package org.peerclear.index;
