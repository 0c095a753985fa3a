package org.peerclear.model;

/**
 * A controllable or fixed device of an agent, with the cost {@code f(p) = ½·a·p² + b·p} on its
 * signed power {@code p ∈ [pMin, pMax]} ({@code p > 0} injects: generation; {@code p < 0}
 * withdraws: consumption). A consumer with utility {@code U(d) = u·d − ½·k·d²} for demand
 * {@code d = −p} is {@code a = k, b = u}. Fixed assets have {@code pMin = pMax}.
 */
public record Asset(String id, double pMin, double pMax, double a, double b) {
    /**
     * Validates the numbers.
     *
     * @param id   unique asset id, not blank
     * @param pMin lower power bound in the power unit, signed ({@code < 0} withdraws)
     * @param pMax upper power bound in the power unit, {@code >= pMin}
     * @param a    quadratic cost coefficient, currency per (power unit)² per period; {@code >= 0} keeps it convex
     * @param b    linear cost coefficient: the marginal cost at {@code p = 0}, currency per unit of power for one period
     * @throws InvalidMarketException if a number is out of range or {@code pMin > pMax}
     */
    public Asset {
        Checks.nonBlank("asset.id", id);
        String at = "assets[" + id + "]";
        Checks.inRange(at + ".pMin", pMin);
        Checks.inRange(at + ".pMax", pMax);
        Checks.inRange(at + ".b", b);
        Checks.nonNegative(at + ".a", a);
        if (pMin > pMax) {
            throw new InvalidMarketException(at + ".pMin", "pMin " + pMin + " > pMax " + pMax + " (pMin must be <= pMax)");
        }
    }

    /**
     * The asset's cost at {@code p}: {@code ½·a·p² + b·p}. Not checked against the bounds.
     *
     * @param p signed power in the power unit ({@code > 0} injects)
     * @return currency per period; negative for a consumer's utility
     */
    public double cost(double p) {
        return 0.5 * a * p * p + b * p;
    }
}
