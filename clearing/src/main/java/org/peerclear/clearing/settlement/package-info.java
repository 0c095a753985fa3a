/**
 * Who pays whom after a clearing ({@link org.peerclear.clearing.settlement.Settlement}): each
 * agent's bill per partner and in total, energy at the pair's bilateral price and the fees on its
 * arcs, in the market's currency and energy unit (power × period hours). It reads a
 * {@link org.peerclear.result.ClearingResult} only, whichever method produced it.
 */
package org.peerclear.clearing.settlement;
