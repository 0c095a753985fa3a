package org.peerclear.clearing.horizon.model;


/**
 * A load that must take exactly {@code energy} (market power unit × hours) over periods
 * {@code windowStart ≤ t < windowEnd}: {@code Σ_t h·p_t = −energy}; with {@code atMost}, it may
 * take up to that much (a rolling window that ends before the load's own window does). Its
 * per-period bounds are those of asset {@code asset} in each period's market.
 */
public record ShiftableLink(int asset, double energy, int windowStart, int windowEnd, boolean atMost) {
    public ShiftableLink {
        if (energy < 0 || windowStart < 0 || windowEnd <= windowStart) {
            throw new IllegalArgumentException("a shiftable load needs energy >= 0 and 0 <= windowStart < windowEnd; got "
                    + energy + ", " + windowStart + ", " + windowEnd);
        }
    }

    /** A load that must take exactly {@code energy}. */
    public ShiftableLink(int asset, double energy, int windowStart, int windowEnd) {
        this(asset, energy, windowStart, windowEnd, false);
    }
}
