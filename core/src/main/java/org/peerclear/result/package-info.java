/**
 * What a clearing returns ({@link org.peerclear.result.ClearingResult}: a status that cannot be
 * missed, set-points, trades and prices by id) and how a result is checked from its numbers alone
 * ({@link org.peerclear.result.ResultVerifier}, {@link org.peerclear.result.DualityGap}), whichever
 * method and solver produced it.
 */
package org.peerclear.result;
