package org.peerclear.clearing.horizon.model;


/**
 * A load that must take exactly {@code energy} (market power unit × hours) over periods
 * {@code windowStart ≤ t < windowEnd}: {@code Σ_t h·p_t = −energy}; with {@code atMost}, it may
 * take up to that much (a rolling window that ends before the load's own window does). Its
 * per-period bounds are those of asset {@code asset} in each period's market.
 *
 * @param asset       the load's index in every period's market index
 * @param energy      the energy to take over the window, power unit × hours; {@code >= 0}
 * @param windowStart the first period of the window
 * @param windowEnd   the period after the window's last
 * @param atMost      {@code true} when the load may take less than {@code energy}
 */
public record ShiftableLink(int asset, double energy, int windowStart, int windowEnd, boolean atMost) {
    /**
     * Checks the window.
     *
     * @param asset       the load's index in every period's market index
     * @param energy      the energy to take over the window, power unit × hours; {@code >= 0}
     * @param windowStart the first period of the window; {@code >= 0}
     * @param windowEnd   the period after the window's last; {@code > windowStart}
     * @param atMost      {@code true} when the load may take less than {@code energy}
     * @throws IllegalArgumentException if {@code energy} is negative or the window is empty or starts before 0
     */
    public ShiftableLink {
        if (energy < 0 || windowStart < 0 || windowEnd <= windowStart) {
            throw new IllegalArgumentException("a shiftable load needs energy >= 0 and 0 <= windowStart < windowEnd; got "
                    + energy + ", " + windowStart + ", " + windowEnd);
        }
    }

    /**
     * A load that must take exactly {@code energy}.
     *
     * @param asset       the load's index in every period's market index
     * @param energy      the energy to take over the window, power unit × hours; {@code >= 0}
     * @param windowStart the first period of the window; {@code >= 0}
     * @param windowEnd   the period after the window's last; {@code > windowStart}
     * @throws IllegalArgumentException if {@code energy} is negative or the window is empty or starts before 0
     */
    public ShiftableLink(int asset, double energy, int windowStart, int windowEnd) {
        this(asset, energy, windowStart, windowEnd, false);
    }
}
