package org.peerclear.model;

/**
 * The finite range of every numeric market value (bounds, cost coefficients, prices, trade
 * coefficients, grid limits, ratings): magnitudes up to {@value #MAX}. A value outside it is
 * invalid input, refused with a message naming the field, rather than a market that no solver
 * can clear in reasonable time or to a checkable tolerance (see {@code docs/market-case.md},
 * "Value range", for why 1e9).
 */
public final class ValueRange {
    /** The largest magnitude of any numeric value of a market. */
    public static final double MAX = 1e9;

    private ValueRange() {
    }

    /**
     * True when v is finite and {@code |v| ≤ MAX}.
     *
     * @param v any value
     * @return {@code false} for NaN and infinities
     */
    public static boolean contains(double v) {
        return Math.abs(v) <= MAX;
    }
}
