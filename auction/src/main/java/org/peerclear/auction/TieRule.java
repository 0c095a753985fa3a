package org.peerclear.auction;

/** Who trades at the margin of a call auction when orders at the marginal price cannot all trade. */
public enum TieRule {
    /** Every order at the marginal price trades the same share of its quantity. */
    PRO_RATA,
    /** Earlier orders (by {@code time}, then file position) trade first. */
    TIME
}
