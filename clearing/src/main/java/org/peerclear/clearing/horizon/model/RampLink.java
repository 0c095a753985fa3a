package org.peerclear.clearing.horizon.model;


/**
 * {@code |p_t − p_{t−1}| ≤ rampMax} for asset {@code asset} between consecutive periods.
 *
 * @param asset   the asset's index in every period's market index
 * @param rampMax the largest change of power from one period to the next, power unit; {@code >= 0}
 */
public record RampLink(int asset, double rampMax) {
    /**
     * Checks the limit.
     *
     * @param asset   the asset's index in every period's market index
     * @param rampMax the largest change of power from one period to the next, power unit
     * @throws IllegalArgumentException if {@code rampMax} is negative or NaN
     */
    public RampLink {
        if (!(rampMax >= 0)) {
            throw new IllegalArgumentException("rampMax must be >= 0, got " + rampMax);
        }
    }
}
