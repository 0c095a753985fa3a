/**
 * A market case as orders (orders.md: {@code peerclear orders CASE.json --steps K}), so that an
 * auction and the optimisation can be compared on the same market:
 * {@link org.peerclear.auction.discretise.CaseOrders} cuts each asset's marginal-cost curve into
 * price-quantity steps, turns the grid into a seller and a buyer, and evaluates an auction's
 * fills at the true cost curves; {@link org.peerclear.auction.discretise.PeriodAuctions} auctions a
 * horizon period by period. This package builds on {@code org.peerclear.auction} (the results it
 * values), never the other way round.
 */
package org.peerclear.auction.discretise;
