package org.peerclear.clearing.exact;

import org.peerclear.index.MarketIndex;

import static org.peerclear.clearing.NumericalTolerances.EXACT_AT_BREAKPOINT;

/**
 * The supply of a set of agents at their prices, seen from one side of the price: the sum of
 * their assets' set-points (finite part, and how many sit at an infinite bound) and its slope.
 * On the side above the price ({@code side = +1}) a linear asset on its breakpoint counts at its
 * upper bound and a quadratic one on its lower kink moves; below, the other way round.
 */
final class Supply {

    double fin;
    int infPos;
    int infNeg;
    double slope;

    /**
     * True when price {@code mu = c + off} (a tree's price plus the agent's offset to it) is on
     * {@code b}: the tolerance scales with the offset too, since {@code c + off} carries the
     * rounding of its larger term even when the sum is small.
     */
    static boolean atBreakpoint(double mu, double b, double off) {
        return Math.abs(mu - b) <= EXACT_AT_BREAKPOINT * Math.max(1.0, Math.max(Math.abs(b), Math.abs(off)));
    }

    void clear() {
        fin = 0.0;
        infPos = 0;
        infNeg = 0;
        slope = 0.0;
    }

    /** Adds agent n's assets at price mu (its tree's price plus {@code off}), seen from {@code side}. */
    void add(MarketIndex ix, int n, double mu, double off, int side) {
        double[] a = ix.a();
        double[] b = ix.b();
        double[] pMin = ix.pMin();
        double[] pMax = ix.pMax();
        int[] start = ix.assetStart();
        for (int s = start[n]; s < start[n + 1]; s++) {
            if (a[s] > 0.0) {
                double v = (mu - b[s]) / a[s];
                if (v < pMin[s]) {
                    v = pMin[s];
                } else if (v > pMax[s]) {
                    v = pMax[s];
                } else if (side > 0 ? v < pMax[s] : v > pMin[s]) {
                    slope += 1.0 / a[s];
                }
                fin += v;
            } else if (atBreakpoint(mu, b[s], off)) {
                bound(side > 0 ? pMax[s] : pMin[s], 1);
            } else {
                bound(mu > b[s] ? pMax[s] : pMin[s], 1);
            }
        }
    }

    /** Adds (sign +1) or removes (−1) a bound's value. */
    void bound(double v, int sign) {
        if (v == Double.POSITIVE_INFINITY) {
            infPos += sign;
        } else if (v == Double.NEGATIVE_INFINITY) {
            infNeg += sign;
        } else {
            fin += sign * v;
        }
    }

    /** The supply: ±∞ when an asset sits at an infinite bound, NaN when both signs do (unbounded). */
    double value() {
        if (infPos > 0 && infNeg > 0) {
            return Double.NaN;
        }
        if (infPos > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (infNeg > 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return fin;
    }
}
