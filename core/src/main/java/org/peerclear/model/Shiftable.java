package org.peerclear.model;

/**
 * A shiftable load (an asset of type {@code shiftable}): it consumes exactly {@code energy} (power
 * unit times hours) in total over the periods {@code windowStart <= t < windowEnd}, at most
 * {@code pMax} in each: {@code p_t ∈ [−pMax, 0]} in its window, {@code p_t = 0} outside, and
 * {@code −periodHours·Σ_t p_t = energy}. It is always fully served; only the timing moves.
 *
 * <p>Whether {@code energy} fits in the window ({@link #maxEnergy(double)}) is for the clearing to
 * report as an infeasibility, not a rule of the data.
 */
public record Shiftable(String agentId, String id, double energy, double pMax, int windowStart, int windowEnd)
        implements HorizonAsset {
    /**
     * Validates the numbers; whether the energy fits in the window is not checked.
     *
     * @param agentId     the owning agent's id
     * @param id          unique asset id
     * @param energy      total energy to consume, power unit × h; {@code >= 0}
     * @param pMax        most consumption per period, power unit; {@code >= 0}
     * @param windowStart first period it may consume, {@code >= 0}
     * @param windowEnd   end of its window, exclusive; {@code > windowStart}
     * @throws InvalidMarketException if a number is out of range
     */
    public Shiftable {
        String at = Checks.assetPath(agentId, id);
        Checks.nonNegative(at + "energy", energy);
        Checks.nonNegative(at + "pMax", pMax);
        Checks.window(at, "windowStart", windowStart, "windowEnd", windowEnd, "a window must end after it starts");
    }

    /** True in the periods it may consume. */
    private boolean inWindow(int t) {
        return windowStart <= t && t < windowEnd;
    }

    /**
     * The most it can consume in its window: {@code pMax·periodHours·(windowEnd − windowStart)}.
     *
     * @param periodHours the market's period length in hours
     * @return energy in the power unit × h
     */
    public double maxEnergy(double periodHours) {
        return pMax * periodHours * (windowEnd - windowStart);
    }

    /** {@code [−pMax, 0]} with zero cost in its window, {@code [0, 0]} outside. */
    @Override
    public Asset inPeriod(int t) {
        return new Asset(id, inWindow(t) ? -pMax : 0.0, 0.0, 0.0, 0.0);
    }

    @Override
    public String type() {
        return "shiftable";
    }
}
