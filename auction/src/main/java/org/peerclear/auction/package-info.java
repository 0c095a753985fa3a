/**
 * Double auctions on order files (orders.md), beside the optimisation formulations: a mechanism
 * ({@link org.peerclear.auction.AuctionMechanism}, a plug-in found by name) clears the orders into
 * an {@link org.peerclear.auction.AuctionResult} (settled by the {@code settlement} module, which
 * depends on this one). Built in: the uniform-price call auction, Huang,
 * Scheller-Wolf &amp; Sycara's truthful multi-unit double auction, and the continuous double auction
 * with price-time priority, plain and checking every match against the feeder's LinDistFlow limits.
 */
package org.peerclear.auction;
