package org.peerclear.games.nash;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.peerclear.model.Asset;

/**
 * A seller's cost of its total output: {@code C(q) = min Σ_s ½·a_s·p_s² + b_s·p_s} over its
 * generation assets with {@code Σ p_s = q}, {@code pMin_s <= p_s <= pMax_s}. Convex and piecewise
 * quadratic in {@code q}; its marginal cost is a monotone relation, single-valued where the
 * assets' supply {@code S(m) = Σ_s argmin_p (f_s(p) − m·p)} is strictly increasing, an interval
 * where {@code S} is flat (between assets' ranges, or at a bound), a constant over a range of
 * {@code q} where an asset has {@code a = 0}. All of it is computed exactly from the breakpoints of
 * {@code S}, which is linear between them.
 */
public final class SellerCost {
    private final List<Asset> assets;
    private final double[] breakpoints;
    private final double[] supplyBelow;
    private final double[] supplyAbove;
    private final double qMin;
    private final double qMax;

    private SellerCost(List<Asset> assets) {
        this.assets = List.copyOf(assets);
        if (this.assets.isEmpty()) {
            throw new IllegalArgumentException("a seller needs at least one asset");
        }
        TreeSet<Double> m = new TreeSet<>();
        double lo = 0;
        double hi = 0;
        for (Asset s : this.assets) {
            if (s.pMin() < 0) {
                throw new IllegalArgumentException("asset " + s.id() + " withdraws (pMin " + s.pMin()
                        + " < 0): a seller's assets generate only");
            }
            lo += s.pMin();
            hi += s.pMax();
            if (s.a() > 0) {
                m.add(s.b() + s.a() * s.pMin());
                if (Double.isFinite(s.pMax())) {
                    m.add(s.b() + s.a() * s.pMax());
                }
            } else {
                m.add(s.b());
            }
        }
        this.qMin = lo;
        this.qMax = hi;
        this.breakpoints = m.stream().mapToDouble(Double::doubleValue).toArray();
        this.supplyBelow = new double[breakpoints.length];
        this.supplyAbove = new double[breakpoints.length];
        for (int k = 0; k < breakpoints.length; k++) {
            supplyBelow[k] = supply(breakpoints[k], false);
            supplyAbove[k] = supply(breakpoints[k], true);
        }
    }

    /**
     * A seller's cost from its assets.
     *
     * @param assets its generation assets ({@code pMin >= 0}), at least one
     * @return the cost
     * @throws IllegalArgumentException if there is none or one withdraws
     */
    public static SellerCost of(List<Asset> assets) {
        return new SellerCost(Objects.requireNonNull(assets, "assets"));
    }

    /**
     * The textbook seller: {@code C(q) = ½·a·q² + b·q} on {@code [0, capacity]}.
     *
     * @param a        quadratic coefficient, {@code >= 0}
     * @param b        marginal cost at 0
     * @param capacity the most it can sell, finite and {@code > 0} (an asset's bounds are finite: for the textbook's
     *                 unlimited seller, a capacity it never reaches)
     * @return the cost
     * @throws org.peerclear.model.InvalidMarketException if a number is out of range
     */
    public static SellerCost quadratic(double a, double b, double capacity) {
        return of(List.of(new Asset("q", 0.0, capacity, a, b)));
    }

    /** {@return the seller's assets} */
    public List<Asset> assets() {
        return assets;
    }

    /** {@return the least it can sell, {@code Σ pMin}} */
    public double qMin() {
        return qMin;
    }

    /** {@return the most it can sell, {@code Σ pMax}} */
    public double qMax() {
        return qMax;
    }

    /** {@return the lowest marginal cost any of its assets has} */
    public double lowestMarginalCost() {
        return breakpoints[0];
    }

    /** What the assets supply at marginal price m: the lower end of the set, or the upper at a tie. */
    private double supply(double m, boolean upper) {
        double q = 0;
        for (Asset s : assets) {
            q += assetSupply(s, m, upper);
        }
        return q;
    }

    private static double assetSupply(Asset s, double m, boolean upper) {
        if (s.a() > 0) {
            return Math.min(s.pMax(), Math.max(s.pMin(), (m - s.b()) / s.a()));
        }
        if (m > s.b() || (m == s.b() && upper)) {
            return s.pMax();
        }
        return s.pMin();
    }

    /**
     * What the seller supplies when paid {@code m} per unit and taking it as given: the largest of its profit maximisers.
     *
     * @param m the price
     * @return its output, in {@code [qMin, qMax]}
     */
    public double supply(double m) {
        return supply(m, true);
    }

    /**
     * The lower end of the marginal cost at {@code q}: {@code inf {m : S(m) >= q}}.
     *
     * @param q an output in {@code [qMin, qMax]}
     * @return currency per unit; {@code −∞} at {@code qMin}
     */
    public double marginalCostLow(double q) {
        if (q <= qMin) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int k = 0; k < breakpoints.length; k++) {
            if (supplyAbove[k] >= q) {
                if (k == 0 || q >= supplyBelow[k]) {
                    return breakpoints[k];
                }
                // Linear between breakpoint k-1 (its upper supply) and k (its lower).
                double s0 = supplyAbove[k - 1];
                return breakpoints[k - 1] + (q - s0) / (supplyBelow[k] - s0) * (breakpoints[k] - breakpoints[k - 1]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The upper end of the marginal cost at {@code q}: {@code sup {m : S(m) <= q}}.
     *
     * @param q an output in {@code [qMin, qMax]}
     * @return currency per unit; {@code +∞} at {@code qMax}
     */
    public double marginalCostHigh(double q) {
        if (q >= qMax) {
            return Double.POSITIVE_INFINITY;
        }
        for (int k = breakpoints.length - 1; k >= 0; k--) {
            if (supplyBelow[k] <= q) {
                if (k == breakpoints.length - 1 || q <= supplyAbove[k]) {
                    return breakpoints[k];
                }
                double s0 = supplyAbove[k];
                return breakpoints[k] + (q - s0) / (supplyBelow[k + 1] - s0) * (breakpoints[k + 1] - breakpoints[k]);
            }
        }
        return Double.NEGATIVE_INFINITY;
    }

    /**
     * The cheapest split of an output among the assets.
     *
     * @param q an output in {@code [qMin, qMax]}
     * @return each asset's power, in the assets' order, adding up to {@code q}
     * @throws IllegalArgumentException if {@code q} is outside {@code [qMin, qMax]}
     */
    public double[] dispatch(double q) {
        if (q < qMin || q > qMax) {
            throw new IllegalArgumentException("output " + q + " outside [" + qMin + ", " + qMax + "]");
        }
        double m = q <= qMin ? breakpoints[0] - 1 : marginalCostLow(q);
        double[] p = new double[assets.size()];
        double left = q;
        boolean[] marginal = new boolean[p.length];
        for (int s = 0; s < p.length; s++) {
            Asset a = assets.get(s);
            // An asset of constant marginal cost at the margin takes what the others leave.
            marginal[s] = a.a() == 0 && a.b() == m;
            p[s] = marginal[s] ? a.pMin() : assetSupply(a, m, false);
            left -= p[s];
        }
        for (int s = 0; s < p.length && left > 0; s++) {
            if (marginal[s]) {
                double add = Math.min(left, assets.get(s).pMax() - p[s]);
                p[s] += add;
                left -= add;
            }
        }
        return p;
    }

    /**
     * The seller's cost of an output, at its cheapest split.
     *
     * @param q an output in {@code [qMin, qMax]}
     * @return currency per period
     */
    public double cost(double q) {
        double[] p = dispatch(q);
        double c = 0;
        for (int s = 0; s < p.length; s++) {
            c += assets.get(s).cost(p[s]);
        }
        return c;
    }

    /**
     * The output that best answers a linear residual price {@code A − β·q}: it maximises
     * {@code (A − β·q)·q − C(q)} on {@code [lo, hi]}. The objective is concave, so the maximiser is
     * where marginal revenue {@code A − 2·β·q} meets marginal cost, clamped to the interval.
     *
     * @param intercept {@code A}, the price at {@code q = 0}
     * @param slope     {@code β >= 0}; 0 for a price taker
     * @param lo        the least output allowed
     * @param hi        the most, {@code >= lo}
     * @return the best output in {@code [max(lo, qMin), min(hi, qMax)]}
     */
    public double bestOutput(double intercept, double slope, double lo, double hi) {
        return meet(intercept, 2 * slope, lo, hi);
    }

    /**
     * The output {@code q} at which the line {@code A − s·q} meets the marginal cost,
     * {@code A − s·q ∈ ∂C(q)}, clamped to {@code [lo, hi]}: unique for {@code s > 0} (the line
     * falls, the marginal cost does not), found by bisection to the last bit; for {@code s = 0} the
     * largest output whose marginal cost is {@code A}.
     *
     * @param intercept {@code A}
     * @param s         the line's slope, {@code >= 0}
     * @param lo        the least output allowed
     * @param hi        the most, {@code >= lo}
     * @return the output in {@code [max(lo, qMin), min(hi, qMax)]}
     */
    public double meet(double intercept, double s, double lo, double hi) {
        double a = Math.max(lo, qMin);
        double b = Math.min(hi, qMax);
        if (s == 0) {
            return Math.min(b, Math.max(a, supply(intercept)));
        }
        if (!Double.isFinite(b)) {
            // Beyond this output the line is below the lowest marginal cost.
            b = Math.max(a, (intercept - lowestMarginalCost()) / s) + 1;
        }
        if (intercept - s * a <= marginalCostHigh(a)) {
            return a;
        }
        if (intercept - s * b >= marginalCostLow(b)) {
            return b;
        }
        while (true) {
            double mid = 0.5 * (a + b);
            if (mid <= a || mid >= b) {
                return mid;
            }
            double line = intercept - s * mid;
            if (line > marginalCostHigh(mid)) {
                a = mid;
            } else if (line < marginalCostLow(mid)) {
                b = mid;
            } else {
                return mid;
            }
        }
    }

    @Override
    public String toString() {
        return "SellerCost[" + assets.size() + " assets, q in [" + qMin + ", " + qMax + "], breakpoints "
                + Arrays.toString(breakpoints) + "]";
    }
}
