package org.peerclear.clearing.exact;

import org.peerclear.index.MarketIndex;

/**
 * The price of one component of trading agents: the root of its supply
 * {@code S(c) = Σ_n Σ_{s of n} p_s(c + off_n)}, where {@code off_n} is agent n's price offset
 * fixed by the trading pairs of the component and {@code p_s(ν)} the set-point of asset s at price
 * ν ({@code clamp((ν − b)/a, pMin, pMax)} when {@code a > 0}; {@code pMin} below {@code b},
 * {@code pMax} above and anything between at {@code ν = b} when {@code a = 0}).
 *
 * <p>S is non-decreasing and piecewise linear, so a safeguarded Newton iteration on it lands on
 * the root's piece after a few steps and then solves it exactly; a flat piece is left by jumping
 * to the next breakpoint, and bisection keeps the bracket shrinking. Linear assets whose price
 * sits on their {@code b} (within
 * {@link org.peerclear.clearing.NumericalTolerances#EXACT_AT_BREAKPOINT} relative) form a jump of S
 * at c; the root may be on such a jump, and then they absorb the rest of the component exactly.
 *
 * <p>Outcomes: a point root, an interval {@code [lo, hi]} on which S is zero (every asset at a
 * bound or the component has no assets: the balance leaves the price free there), or no root
 * because S keeps one sign ({@link #SELLS} or {@link #BUYS} whatever the price).
 */
final class ComponentRoot {
    private static final int MAX_STEPS = 200;

    static final int POINT = 0;
    static final int INTERVAL = 1;
    /** S(c) > 0 for every c: the component has more supply than it can use at any price. */
    static final int SELLS = 2;
    /** S(c) < 0 for every c. */
    static final int BUYS = 3;

    private final MarketIndex ix;
    private final int[] members;
    private final double[] off;
    private final Supply left = new Supply();
    private final Supply right = new Supply();

    // Outputs of the last solve.
    int kind;
    double price;
    double lo;
    double hi;

    // Outputs of the last evaluation.
    private double sBelow;
    private double sAbove;
    private double slopeLeft;
    private double slopeRight;

    ComponentRoot(MarketIndex ix, int[] members, double[] off) {
        this.ix = ix;
        this.members = members;
        this.off = off;
    }

    /**
     * Solves for the component of {@code members[from..to)}, starting at {@code guess}.
     *
     * @param tolS absolute tolerance on the supply at the root (rounding of the sum)
     */
    void solve(int from, int to, double guess, double tolS) {
        double left = Double.NEGATIVE_INFINITY;
        double right = Double.POSITIVE_INFINITY;
        double c = Double.isFinite(guess) ? guess : 0.0;
        for (int step = 0; step < MAX_STEPS; step++) {
            evaluate(from, to, c);
            if (sBelow <= tolS && sAbove >= -tolS) {
                if ((slopeLeft == 0.0 || slopeRight == 0.0) && sAbove - sBelow <= 2 * tolS) {
                    // S is flat on one side at least: zero from lo to hi.
                    kind = INTERVAL;
                    lo = slopeLeft == 0.0 ? nextBreakpoint(from, to, c, -1) : c;
                    hi = slopeRight == 0.0 ? nextBreakpoint(from, to, c, +1) : c;
                } else {
                    kind = POINT;
                    lo = c;
                    hi = c;
                }
                price = c;
                return;
            }
            double s;
            int dir;
            if (sAbove < 0) {
                left = c;
                s = sAbove;
                dir = +1;
            } else {
                right = c;
                s = sBelow;
                dir = -1;
            }
            double next;
            double slope = dir > 0 ? slopeRight : slopeLeft;
            if (slope > 0.0) {
                next = c - s / slope;
            } else {
                next = nextBreakpoint(from, to, c, dir);
                if (Double.isInfinite(next)) {
                    kind = dir > 0 ? BUYS : SELLS;
                    price = c;
                    return;
                }
            }
            if (!(next > left && next < right)) {
                if (Double.isInfinite(left) || Double.isInfinite(right)) {
                    next = nextBreakpoint(from, to, c, dir);
                    if (Double.isInfinite(next)) {
                        kind = dir > 0 ? BUYS : SELLS;
                        price = c;
                        return;
                    }
                } else {
                    next = 0.5 * (left + right);
                }
            }
            if (next == c) {
                // The bracket cannot shrink further in double precision: c is the root to rounding.
                kind = POINT;
                price = c;
                lo = c;
                hi = c;
                return;
            }
            c = next;
        }
        kind = POINT;
        price = c;
        lo = c;
        hi = c;
    }

    /** S just below and just above c, and the slopes of S on either side of c. */
    private void evaluate(int from, int to, double c) {
        left.clear();
        right.clear();
        for (int q = from; q < to; q++) {
            int n = members[q];
            double mu = c + off[n];
            left.add(ix, n, mu, off[n], -1);
            right.add(ix, n, mu, off[n], +1);
        }
        sBelow = left.value();
        sAbove = right.value();
        slopeLeft = left.slope;
        slopeRight = right.slope;
    }

    /** The nearest breakpoint of S strictly beyond c in direction dir (±∞ when there is none). */
    private double nextBreakpoint(int from, int to, double c, int dir) {
        double[] a = ix.a();
        double[] b = ix.b();
        double[] pMin = ix.pMin();
        double[] pMax = ix.pMax();
        int[] start = ix.assetStart();
        double best = dir > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (int q = from; q < to; q++) {
            int n = members[q];
            double o = off[n];
            for (int s = start[n]; s < start[n + 1]; s++) {
                double x1;
                double x2;
                if (a[s] > 0.0) {
                    x1 = b[s] + a[s] * pMin[s] - o;
                    x2 = b[s] + a[s] * pMax[s] - o;
                } else {
                    x1 = b[s] - o;
                    x2 = x1;
                }
                best = dir > 0 ? nearestAbove(best, c, x1, x2) : nearestBelow(best, c, x1, x2);
            }
        }
        return best;
    }

    private static double nearestAbove(double best, double c, double x1, double x2) {
        if (x1 > c && x1 < best) {
            best = x1;
        }
        if (x2 > c && x2 < best) {
            best = x2;
        }
        return best;
    }

    private static double nearestBelow(double best, double c, double x1, double x2) {
        if (x1 < c && x1 > best) {
            best = x1;
        }
        if (x2 < c && x2 > best) {
            best = x2;
        }
        return best;
    }
}
