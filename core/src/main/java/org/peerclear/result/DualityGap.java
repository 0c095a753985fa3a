package org.peerclear.result;

import org.peerclear.index.MarketIndex;

/**
 * The objective gap of a market result computed from its prices alone (no solver data): the
 * Lagrangian dual of the unified market without a network,
 *
 * <pre>
 *   D(mu, lambda) = Σ_n Σ_{s of n} min_{p ∈ [pMin_s, pMax_s]} (½ a_s p² + b_s p − mu_n p)
 *                 + Σ_k min_{t ∈ R} (gamma_k |t| + (mu_n − lambda_k) t)
 * </pre>
 *
 * (relax balance with {@code mu_n} and reciprocity with {@code lambda}). An arc's term is 0 when
 * {@code |mu_n − lambda_k| ≤ gamma_k} and −∞ otherwise; {@link ResultVerifier} checks that
 * relation (and the one price per pair) on every arc, so arcs are counted as 0 and a violation is
 * reported there, not here. By weak duality {@code D ≤} the optimum {@code ≤} the objective, and
 * the gap {@code objective − D} is 0 exactly at an optimum (the market is a convex QP with linear
 * rows, so strong duality holds whenever it has an optimum).
 *
 * <h2>Infinite bounds</h2>
 * An asset with {@code a = 0} and an unlimited side (only the grid's import and export can have
 * one) has a term {@code min c·p} over a half-line, with {@code c = b − mu}: finite ({@code c}
 * times the finite bound, or 0) when {@code c} points towards the finite bound or is 0, and −∞
 * when it points towards the unlimited side. Solvers' prices sit on the boundary {@code c = 0}
 * up to rounding whenever such an asset is used (the grid's price is then its tariff), so a
 * {@code c} that points to the unlimited side by at most the price tolerance is read as 0: the
 * term is the one of the nearest dual-feasible price, which is within the price tolerance, and
 * the verifier's price check reports any larger {@code c}, for which the term is −∞ and the gap
 * +∞. With {@code a > 0} the minimiser {@code (mu − b)/a} clamped to the bounds is finite.
 *
 * <p>The gap is measured relative to {@code max(1, gross cost)}, where the gross cost
 * {@link CostAccounting#grossCost} is the objective's terms in absolute value
 * ({@code ≥ |objective|}): that is the scale at which the objective and the dual are rounded
 * and at which solvers' tolerances act, while the objective itself may cancel to near 0.
 */
public final class DualityGap {
    private final double objective;
    private final double dualObjective;
    private final double grossCost;
    private final String largestTerm;

    private DualityGap(double objective, double dualObjective, double grossCost, String largestTerm) {
        this.objective = objective;
        this.dualObjective = dualObjective;
        this.grossCost = grossCost;
        this.largestTerm = largestTerm;
    }

    /**
     * The gap of set-points {@code p}, trades {@code t} and prices {@code mu, lambda} (index
     * order); {@code priceTolerance} is the absolute price tolerance (see class comment). Every
     * agent with assets or arcs must have a price.
     *
     * @param ix             the market's index
     * @param p              set-point per asset, power unit
     * @param t              trade per arc, power unit
     * @param mu             price per agent, currency per unit of power for one period; not NaN for an agent with assets or arcs
     * @param lambda         bilateral price per arc, currency per unit of power for one period
     * @param priceTolerance absolute price tolerance, currency per unit of power for one period; {@code >= 0}
     * @return the gap and its parts
     */
    public static DualityGap of(MarketIndex ix, double[] p, double[] t, double[] mu, double[] lambda, double priceTolerance) {
        double[] a = ix.a();
        double[] b = ix.b();
        double[] lo = ix.pMin();
        double[] hi = ix.pMax();
        double[] gamma = ix.gamma();
        int[] start = ix.assetStart();
        int[] arcStart = ix.arcStart();
        int[] arcsOf = ix.arcsOf();
        double dual = 0.0;
        // Each asset's and arc's share of the gap (f(p) − mu·p − its minimum; gamma|t| + (mu − lambda)t),
        // both ≥ 0 at consistent prices: the largest names where the gap comes from.
        double worst = 0.0;
        String worstTerm = "";
        for (int n = 0; n < ix.numAgents(); n++) {
            for (int s = start[n]; s < start[n + 1]; s++) {
                double c = b[s] - mu[n];
                double m = minimum(a[s], c, lo[s], hi[s], priceTolerance);
                dual += m;
                double share = (0.5 * a[s] * p[s] + c) * p[s] - m;
                if (share > worst) {
                    worst = share;
                    worstTerm = "asset " + ix.assetId(s) + " (p = " + p[s] + " at price " + mu[n] + ")";
                }
            }
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                int k = arcsOf[q];
                double share = gamma[k] * Math.abs(t[k]) + (mu[n] - lambda[k]) * t[k];
                if (share > worst) {
                    worst = share;
                    worstTerm = "arc " + ix.agentLabel(ix.from()[k]) + "->" + ix.agentLabel(ix.to()[k]) + " (t = " + t[k]
                            + ", lambda = " + lambda[k] + ", price " + mu[n] + ")";
                }
            }
        }
        return new DualityGap(CostAccounting.objective(ix, p, t), dual, CostAccounting.grossCost(ix, p, t),
                worstTerm.isEmpty() ? "" : worstTerm + " contributes " + worst);
    }

    /**
     * {@code min ½ a p² + c p} over {@code [lo, hi]} (bounds may be infinite); a linear term that
     * points to an unlimited side by at most {@code tol} is read as 0 (see class comment).
     */
    static double minimum(double a, double c, double lo, double hi, double tol) {
        if (a > 0.0) {
            double pStar = Math.min(hi, Math.max(lo, -c / a));
            if (Double.isInfinite(pStar)) {
                // Only when −c/a overflows with that side unlimited: the term is unbounded below.
                return Double.NEGATIVE_INFINITY;
            }
            return (0.5 * a * pStar + c) * pStar;
        }
        if (c > 0.0) {
            return lo > Double.NEGATIVE_INFINITY ? c * lo : (c <= tol ? 0.0 : Double.NEGATIVE_INFINITY);
        }
        if (c < 0.0) {
            return hi < Double.POSITIVE_INFINITY ? c * hi : (-c <= tol ? 0.0 : Double.NEGATIVE_INFINITY);
        }
        return 0.0;
    }

    /** {@return the primal objective (total cost incl. gamma terms), currency per period} */
    public double objective() {
        return objective;
    }

    /** {@return the dual objective D at the result's prices, currency per period; −∞ when the prices are not dual feasible} */
    public double dualObjective() {
        return dualObjective;
    }

    /** {@return objective − D, currency per period (≥ 0 up to rounding and the tolerances; +∞ when D = −∞)} */
    public double gap() {
        return objective - dualObjective;
    }

    /** {@return the objective's terms in absolute value, the gap's scale; currency per period} */
    public double grossCost() {
        return grossCost;
    }

    /** {@return |gap| / max(1, gross cost): dimensionless, what the verifier compares with its tolerance} */
    public double relativeGap() {
        return Math.abs(gap()) / Math.max(1.0, grossCost);
    }

    /** {@return the asset or arc contributing most to the gap, with its share, for messages; empty when none contributes} */
    public String largestTerm() {
        return largestTerm;
    }
}
