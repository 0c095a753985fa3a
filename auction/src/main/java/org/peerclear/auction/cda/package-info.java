/**
 * The continuous double auction: a primitive-array limit order book with price-time priority
 * ({@link org.peerclear.auction.cda.OrderBook}), the plain mechanism
 * ({@link org.peerclear.auction.cda.ContinuousAuction}, {@code cda}) and the network-aware one
 * ({@link org.peerclear.auction.cda.NetworkAwareAuction}, {@code cda-network}) that checks every
 * match against the feeder's LinDistFlow limits ({@link org.peerclear.auction.cda.NetworkCheck}).
 */
package org.peerclear.auction.cda;
