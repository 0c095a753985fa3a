/**
 * The call auctions' book ({@link org.peerclear.auction.call.CallBook}: the final state of an order
 * file in primitive arrays, ranked by price, and where demand and supply cross) and the
 * uniform-price call auction ({@link org.peerclear.auction.call.UniformPriceAuction}, mechanism
 * {@code uniform}).
 */
package org.peerclear.auction.call;
