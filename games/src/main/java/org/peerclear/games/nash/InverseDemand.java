package org.peerclear.games.nash;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.peerclear.model.Asset;

/**
 * The buyers' inverse demand {@code P(Q)}: the price at which they take a total {@code Q},
 * nonincreasing and piecewise linear, as pieces {@code P = α_k − β_k·Q} on
 * {@code [from_k, to_k]}, in increasing order of {@code Q}, {@code β_k >= 0}. Where two pieces
 * meet at a jump (a range of prices at which no buyer changes its demand), {@code P} is the
 * higher price, the most the buyers pay for that quantity.
 *
 * <p>From buyers' assets ({@link #ofBuyers}): a consumption asset ({@code pMin < 0 = pMax}) with
 * cost {@code ½·a·p² + b·p} is a buyer with utility {@code U(d) = b·d − ½·a·d²} for its demand
 * {@code d = −p ∈ [0, −pMin]}; at price {@code π} it takes {@code clamp((b − π)/a, 0, −pMin)}
 * (for {@code a = 0}: all of it below {@code b}, none above). The aggregate demand is piecewise
 * linear in the price, so its inverse is too, with breakpoints where a buyer enters or fills up.
 * Its integral {@code ∫_0^Q P} is the buyers' utility of {@code Q} shared among them efficiently,
 * which is how welfare is valued.
 */
public final class InverseDemand {
    private final double[] from;
    private final double[] to;
    private final double[] alpha;
    private final double[] beta;

    private InverseDemand(double[] from, double[] to, double[] alpha, double[] beta) {
        this.from = from;
        this.to = to;
        this.alpha = alpha;
        this.beta = beta;
    }

    /**
     * The textbook linear demand {@code P = α − β·Q} for every {@code Q >= 0} (negative prices included).
     *
     * @param alpha the price at {@code Q = 0}
     * @param beta  the slope, {@code > 0}
     * @return the demand
     * @throws IllegalArgumentException if {@code β <= 0} or a number is not finite
     */
    public static InverseDemand linear(double alpha, double beta) {
        if (!(beta > 0) || !Double.isFinite(beta) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("linear demand needs a finite alpha and a finite beta > 0, got " + alpha + ", " + beta);
        }
        return new InverseDemand(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}, new double[] {alpha},
                new double[] {beta});
    }

    /**
     * The aggregate inverse demand of buyers' consumption assets (see the class comment).
     *
     * @param assets consumption assets: {@code pMin < 0}, {@code pMax = 0} (a buyer may take nothing, so the price of
     *               the first unit is finite), at least one
     * @return the demand on {@code [0, Σ −pMin]}
     * @throws IllegalArgumentException if an asset is not such a consumption asset
     */
    public static InverseDemand ofBuyers(List<Asset> assets) {
        Objects.requireNonNull(assets, "assets");
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("need at least one buyer asset");
        }
        TreeSet<Double> prices = new TreeSet<>();
        for (Asset s : assets) {
            if (!(s.pMin() < 0) || s.pMax() != 0 || !Double.isFinite(s.pMin())) {
                throw new IllegalArgumentException("asset " + s.id() + " is no elastic buyer: need a finite pMin < 0 and pMax = 0"
                        + " (a must-take demand, pMax < 0, would make the price of the first units infinite), got ["
                        + s.pMin() + ", " + s.pMax() + "]");
            }
            prices.add(s.b());
            if (s.a() > 0) {
                prices.add(s.b() + s.a() * s.pMin());
            }
        }
        // Walk the price breakpoints downwards; at each, demand jumps from its value just above to just below.
        List<double[]> points = new ArrayList<>();
        for (double p : prices.descendingSet()) {
            points.add(new double[] {demand(assets, p, false), p});
            points.add(new double[] {demand(assets, p, true), p});
        }
        List<double[]> pieces = new ArrayList<>();
        for (int k = 0; k + 1 < points.size(); k++) {
            double q0 = points.get(k)[0];
            double p0 = points.get(k)[1];
            double q1 = points.get(k + 1)[0];
            double p1 = points.get(k + 1)[1];
            if (q1 > q0) {
                double b = (p0 - p1) / (q1 - q0);
                pieces.add(new double[] {q0, q1, p0 + b * q0, b});
            }
        }
        int n = pieces.size();
        double[] from = new double[n];
        double[] to = new double[n];
        double[] alpha = new double[n];
        double[] beta = new double[n];
        for (int k = 0; k < n; k++) {
            from[k] = pieces.get(k)[0];
            to[k] = pieces.get(k)[1];
            alpha[k] = pieces.get(k)[2];
            beta[k] = pieces.get(k)[3];
        }
        return new InverseDemand(from, to, alpha, beta);
    }

    /** The buyers' total demand at price p: just above it ({@code below = false}) or just below. */
    private static double demand(List<Asset> assets, double p, boolean below) {
        double d = 0;
        for (Asset s : assets) {
            double most = -s.pMin();
            if (s.a() > 0) {
                d += Math.min(most, Math.max(0, (s.b() - p) / s.a()));
            } else if (s.b() > p || (s.b() == p && below)) {
                d += most;
            }
        }
        return d;
    }

    /** {@return the number of linear pieces} */
    public int pieces() {
        return alpha.length;
    }

    /**
     * Where a piece starts.
     *
     * @param k a piece
     * @return its least quantity
     */
    public double from(int k) {
        return from[k];
    }

    /**
     * Where a piece ends.
     *
     * @param k a piece
     * @return its largest quantity; {@code +∞} for the last piece of a linear demand
     */
    public double to(int k) {
        return to[k];
    }

    /**
     * A piece's intercept.
     *
     * @param k a piece
     * @return {@code α_k}
     */
    public double alpha(int k) {
        return alpha[k];
    }

    /**
     * A piece's slope.
     *
     * @param k a piece
     * @return {@code β_k >= 0}
     */
    public double beta(int k) {
        return beta[k];
    }

    /** {@return the most the buyers take, {@code +∞} for a linear demand} */
    public double maxQuantity() {
        return to[to.length - 1];
    }

    /**
     * The price of a total quantity.
     *
     * @param q a quantity in {@code [0, maxQuantity()]}
     * @return {@code P(q)}, the higher price at a jump
     * @throws IllegalArgumentException if {@code q} is outside the demand's range
     */
    public double price(double q) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < alpha.length; k++) {
            if (q >= from[k] && q <= to[k]) {
                best = Math.max(best, alpha[k] - beta[k] * q);
            }
        }
        if (best == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("quantity " + q + " outside the demand's range [0, " + maxQuantity() + "]");
        }
        return best;
    }

    /**
     * The buyers' gross utility of a total quantity shared among them efficiently: {@code ∫_0^q P}.
     *
     * @param q a quantity in {@code [0, maxQuantity()]}
     * @return currency per period
     */
    public double integral(double q) {
        double v = 0;
        for (int k = 0; k < alpha.length && q > from[k]; k++) {
            double hi = Math.min(q, to[k]);
            v += alpha[k] * (hi - from[k]) - 0.5 * beta[k] * (hi * hi - from[k] * from[k]);
        }
        return v;
    }

    @Override
    public String toString() {
        return "InverseDemand[" + alpha.length + " pieces on [0, " + maxQuantity() + "], P(0) = " + price(0) + "]";
    }
}
