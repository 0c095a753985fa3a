/**
 * The market a user describes, immutable and validated when built: agents and their assets,
 * the trade graph, communities, the grid and the feeder it sits on ({@link org.peerclear.model.Market}
 * for one period, {@link org.peerclear.model.HorizonMarket} for several, with storage, EVs and
 * shiftable loads). Every rule of the market-case format is checked here, so that the readers,
 * the generators and a caller building a market in Java all refuse the same input with the same
 * {@link org.peerclear.model.InvalidMarketException}.
 */
package org.peerclear.model;
