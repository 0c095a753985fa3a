package org.peerclear.clearing.admm;

import org.peerclear.index.MarketIndex;

/**
 * The closed-form local step of one agent n:
 *
 * <pre>
 *   minimise  Σ_s ½ a_s p_s² + b_s p_s + Σ_k gamma_k |t_k| + rho/2 Σ_k (t_k − v_k/rho)²
 *   subject to Σ_s p_s = Σ_k t_k,  pMin_s ≤ p_s ≤ pMax_s
 * </pre>
 *
 * where {@code v_k = rho·z_k + lambda_k} is the arc's target in price units. With the
 * multiplier {@code mu} of the balance, each asset is {@code clamp((mu − b)/a)} (a bound, or
 * anything in its range at {@code mu = b} when {@code a = 0}) and each trade is the
 * soft-thresholded {@code t_k = S_gamma(v_k − mu)/rho}; the balance
 * {@code g(mu) = Σ p(mu) − Σ t(mu)} is monotone and piecewise linear, so its root is found
 * exactly: by a Newton step from the previous price when that stays on the piece it was taken
 * on ({@link #newtonStep}, {@link #onPiece}; near convergence almost always), else by a few more
 * and a walk over the breakpoints ({@link #walk}), which also serves an agent in the system
 * operator's consensus. Targets are read in the engine's layout ({@link AdmmEngine}), in the
 * agents' CSR order: {@code st[2q]} for CSR arc q.
 *
 * <p>Bounds may be infinite (the grid's assets): an infinite bound only ever appears as a
 * value of g beyond a linear asset's price, never in a slope, so the walk never forms
 * {@code ∞ − ∞} on a convex market (import price ≥ export price).
 *
 * <p>Stateless apart from references to the market's arrays; safe to share between threads.
 */
final class LocalStep {
    private final double[] a;
    private final double[] b;
    private final double[] pMin;
    private final double[] pMax;
    private final int[] assetStart;
    private final int[] arcStart;
    private final double[] gammaOf;
    /** 1/a per asset (0 for a linear asset). */
    private final double[] invA;
    /** Per agent: every asset strictly quadratic (a > 0), so the one-pass fast path applies. */
    private final boolean[] quadratic;

    LocalStep(MarketIndex ix) {
        this.a = ix.a();
        this.b = ix.b();
        this.pMin = ix.pMin();
        this.pMax = ix.pMax();
        this.assetStart = ix.assetStart();
        this.arcStart = ix.arcStart();
        int[] arcOf = ix.arcsOf();
        int m = ix.numArcs();
        // gamma in the agent's own (CSR) order, so that the walk reads it sequentially.
        this.gammaOf = new double[m];
        for (int q = 0; q < m; q++) {
            gammaOf[q] = ix.gamma()[arcOf[q]];
        }
        this.invA = new double[a.length];
        for (int s = 0; s < a.length; s++) {
            invA[s] = a[s] > 0.0 ? 1.0 / a[s] : 0.0;
        }
        int n = ix.numAgents();
        this.quadratic = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean q = true;
            for (int s = assetStart[i]; s < assetStart[i + 1]; s++) {
                q &= a[s] > 0.0;
            }
            quadratic[i] = q;
        }
    }

    /**
     * The Newton step of agent n's local step from the price {@code mu0}, given its arcs' share
     * computed by the caller in the pass that built the targets: {@code gArcs = −Σ t_k} at mu0
     * and {@code slArcs} the slope of {@code Σ t_k} on the piece at mu0 (active arcs / rho).
     * Returns the Newton point, NaN when the balance is flat there or the agent has a linear
     * asset (then only the walk, {@link #walk}, is exact). The balance is affine on the piece,
     * so the point is the root exactly when it stays on it ({@link #onPiece}).
     */
    double newtonStep(int n, double mu0, double gArcs, double slArcs) {
        if (!quadratic[n]) {
            return Double.NaN;
        }
        // Branch-free: which piece each asset is on varies from agent to agent, which defeats a
        // branch predictor.
        double g = gArcs;
        double sl = slArcs;
        for (int s = assetStart[n]; s < assetStart[n + 1]; s++) {
            double pr = (mu0 - b[s]) * invA[s];
            double pc = Math.max(pMin[s], Math.min(pMax[s], pr));
            g += pc;
            sl += pc == pr ? invA[s] : 0.0;
        }
        if (g == 0.0) {
            return mu0;
        }
        return sl > 0.0 ? mu0 - g / sl : Double.NaN;
    }

    /**
     * True when m lies on the piece of agent n's balance at mu0: within the offsets
     * {@code dnArcs ≤ m − mu0 ≤ upArcs} of the arcs' nearest breakpoints, and with every asset on
     * the same side of its bounds as at mu0 (the same tests that counted its slope).
     */
    boolean onPiece(int n, double mu0, double m, double upArcs, double dnArcs) {
        double dm = m - mu0;
        boolean same = dm <= upArcs & dm >= dnArcs;
        for (int s = assetStart[n]; s < assetStart[n + 1]; s++) {
            double pr = (mu0 - b[s]) * invA[s];
            double pm = (m - b[s]) * invA[s];
            same &= (pr < pMin[s]) == (pm < pMin[s]) & (pr > pMax[s]) == (pm > pMax[s]);
        }
        return same;
    }

    /** Agent n's assets at price mu for its trades {@code t[q]} in CSR order (see {@link #dispatch}). */
    void dispatchCsr(int n, double mu, double[] t, double[] p) {
        double sumT = 0.0;
        int q = arcStart[n];
        final int q1 = arcStart[n + 1];
        for (; q + 1 < q1; q += 2) {
            sumT += t[q] + t[q + 1];
        }
        if (q < q1) {
            sumT += t[q];
        }
        dispatch(n, mu, sumT, p);
    }

    /**
     * Agent n's price mu: the root of its balance {@code g(mu) = Σ_s p_s − Σ_k t_k}, by a walk
     * over the breakpoints from {@code mu0}, on its arcs' targets {@code st[2q]} (q in its CSR
     * range). Trades are {@code t_k = S_gamma(v_k − mu)/rho}. With the system operator
     * (network-aware ADMM, {@code rhoN > 0}) the net injection {@code P = Σ_s p_s} also carries
     * the penalty {@code rhoN/2 (P − w/rhoN)²}, so the assets see {@code pi = mu + w − rhoN·T(mu)}
     * with {@code T = Σ_k t_k}; T is increasing and piecewise linear in mu, so g is still monotone
     * and piecewise linear and the same walk applies, with the assets' breakpoints mapped from pi
     * to mu on the current piece. Without the operator ({@code w = rhoN = 0}) {@code pi = mu}.
     */
    double walk(int n, double[] st, double rho, double mu0, double w, double rhoN) {
        final int s0 = assetStart[n];
        final int s1 = assetStart[n + 1];
        final int q0 = arcStart[n];
        final int q1 = arcStart[n + 1];
        final double invRho = 1.0 / rho;
        final boolean mapped = rhoN != 0.0;
        double mu = Double.isFinite(mu0) ? mu0 : 0.0;
        int maxSteps = 2 * (s1 - s0) + 2 * (q1 - q0) + 4;
        for (int step = 0; step < maxSteps; step++) {
            double tSum = 0.0;
            double nUp = 0.0;
            double nDn = 0.0;
            double up = Double.POSITIVE_INFINITY;
            double dn = Double.NEGATIVE_INFINITY;
            for (int q = q0; q < q1; q++) {
                double vk = st[2 * q];
                double g = gammaOf[q];
                double wk = vk - mu;
                tSum += wk > g ? (wk - g) * invRho : (wk < -g ? (wk + g) * invRho : 0.0);
                double b1 = vk - g;
                double b2 = vk + g;
                if (mu < b1 || mu >= b2) {
                    nUp += invRho;
                }
                if (mu <= b1 || mu > b2) {
                    nDn += invRho;
                }
                if (b1 > mu) {
                    up = Math.min(up, b1);
                } else if (b2 > mu) {
                    up = Math.min(up, b2);
                }
                if (b2 < mu) {
                    dn = Math.max(dn, b2);
                } else if (b1 < mu) {
                    dn = Math.max(dn, b1);
                }
            }
            double pi = mapped ? mu + w - rhoN * tSum : mu;
            double piUp = 1.0 + rhoN * nUp;
            double piDn = 1.0 + rhoN * nDn;
            double gLo = -tSum;
            double gHi = -tSum;
            double aUp = 0.0;
            double aDn = 0.0;
            double upPi = Double.POSITIVE_INFINITY;
            double dnPi = Double.NEGATIVE_INFINITY;
            for (int s = s0; s < s1; s++) {
                double as = a[s];
                double bs = b[s];
                double lo = pMin[s];
                double hi = pMax[s];
                if (as > 0.0) {
                    double mLo = bs + as * lo;
                    double mHi = bs + as * hi;
                    double ps = Math.min(hi, Math.max(lo, (pi - bs) / as));
                    gLo += ps;
                    gHi += ps;
                    double inv = 1.0 / as;
                    if (pi >= mLo && pi < mHi) {
                        aUp += inv;
                    }
                    if (pi > mLo && pi <= mHi) {
                        aDn += inv;
                    }
                    if (mLo > pi) {
                        upPi = Math.min(upPi, mLo);
                    } else if (mHi > pi) {
                        upPi = Math.min(upPi, mHi);
                    }
                    if (mHi < pi) {
                        dnPi = Math.max(dnPi, mHi);
                    } else if (mLo < pi) {
                        dnPi = Math.max(dnPi, mLo);
                    }
                } else if (pi < bs) {
                    gLo += lo;
                    gHi += lo;
                    upPi = Math.min(upPi, bs);
                } else if (pi > bs) {
                    gLo += hi;
                    gHi += hi;
                    dnPi = Math.max(dnPi, bs);
                } else {
                    gLo += lo;
                    gHi += hi;
                }
            }
            // Without the operator an asset's breakpoint is one in mu as it stands; mapping it
            // through mu + (upPi − pi)/1 would land an ulp off it, and the next pass would then
            // classify the asset on the wrong side and take one more step.
            if (upPi != Double.POSITIVE_INFINITY) {
                up = Math.min(up, mapped ? mu + (upPi - pi) / piUp : upPi);
            }
            if (dnPi != Double.NEGATIVE_INFINITY) {
                dn = Math.max(dn, mapped ? mu - (pi - dnPi) / piDn : dnPi);
            }
            double sUp = aUp * piUp + nUp;
            double sDn = aDn * piDn + nDn;
            if (gLo <= 0.0 && gHi >= 0.0) {
                return mu;
            }
            if (gHi < 0.0) {
                if (sUp > 0.0) {
                    double target = mu - gHi / sUp;
                    if (target < up) {
                        return target;
                    }
                }
                if (up == Double.POSITIVE_INFINITY) {
                    return mu;
                }
                // A breakpoint mapped from pi can round onto mu itself; stopping there would
                // return a point that is not a root, so step past it by one ulp instead.
                mu = up > mu ? up : Math.nextUp(mu);
            } else if (gLo > 0.0) {
                if (sDn > 0.0) {
                    double target = mu - gLo / sDn;
                    if (target > dn) {
                        return target;
                    }
                }
                if (dn == Double.NEGATIVE_INFINITY) {
                    return mu;
                }
                mu = dn < mu ? dn : Math.nextDown(mu);
            } else {
                return mu;
            }
        }
        return mu;
    }

    /**
     * How far agent price mu is from what a bilateral price lambda allows on an arc with
     * preference gamma and trade t: {@code |mu − (lambda − sign(t)·gamma)|} when trading, the
     * distance of mu to {@code [lambda − gamma, lambda + gamma]} when idle.
     */
    static double priceGap(double mu, double lambda, double gamma, double t) {
        if (t > 0.0) {
            return Math.abs(mu - (lambda - gamma));
        } else if (t < 0.0) {
            return Math.abs(mu - (lambda + gamma));
        }
        return Math.max(0.0, Math.max(lambda - gamma - mu, mu - lambda - gamma));
    }

    /** Agent n's first asset. */
    int assetStart(int n) {
        return assetStart[n];
    }

    /** True when agent n has neither assets nor arcs, and so no price. */
    boolean isIdle(int n) {
        return assetStart[n] == assetStart[n + 1] && arcStart[n] == arcStart[n + 1];
    }

    /**
     * Sets agent n's assets at price mu so that they produce {@code net} in total: assets priced
     * exactly at mu (linear ones) take up whatever the others leave.
     */
    void dispatch(int n, double mu, double net, double[] p) {
        final int s0 = assetStart[n];
        final int s1 = assetStart[n + 1];
        double rest = net;
        int free = 0;
        for (int s = s0; s < s1; s++) {
            double as = a[s];
            double ps;
            if (as > 0.0) {
                ps = Math.min(pMax[s], Math.max(pMin[s], (mu - b[s]) / as));
            } else if (mu < b[s]) {
                ps = pMin[s];
            } else if (mu > b[s]) {
                ps = pMax[s];
            } else {
                // Start from the feasible point nearest 0 (finite even with an infinite bound).
                ps = Math.min(pMax[s], Math.max(pMin[s], 0.0));
                free++;
            }
            p[s] = ps;
            rest -= ps;
        }
        if (free == 0 || rest == 0.0) {
            return;
        }
        for (int s = s0; s < s1 && rest != 0.0; s++) {
            if (a[s] == 0.0 && mu == b[s]) {
                double ps = Math.min(pMax[s], Math.max(pMin[s], p[s] + rest));
                rest -= ps - p[s];
                p[s] = ps;
            }
        }
    }
}
