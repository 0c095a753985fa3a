/**
 * Huang, Scheller-Wolf &amp; Sycara's multi-unit double auction
 * ({@link org.peerclear.auction.huang.HuangAuction}, mechanism {@code huang}): strategy-proof in the
 * limit price, individually rational, weakly budget balanced.
 */
package org.peerclear.auction.huang;
