package org.peerclear.clearing.horizon.model;


/** {@code |p_t − p_{t−1}| ≤ rampMax} for asset {@code asset} between consecutive periods. */
public record RampLink(int asset, double rampMax) {
    public RampLink {
        if (!(rampMax >= 0)) {
            throw new IllegalArgumentException("rampMax must be >= 0, got " + rampMax);
        }
    }
}
