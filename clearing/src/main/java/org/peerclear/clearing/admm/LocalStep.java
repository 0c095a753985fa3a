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
 * and a walk over the breakpoints ({@link #priceOn}). The synchronous engine
 * ({@link SyncEngine}) passes targets in its agents' CSR order; the original engine (asynchronous
 * rounds, network operator) interleaves targets and trades per arc, {@code vt[2k] = v_k},
 * {@code vt[2k+1] = t_k} ({@link #price}, {@link #apply}).
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
    private final int[] arcOf;
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
        this.arcOf = ix.arcsOf();
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
     * asset (then only the walk, {@link #priceOn}, is exact). The balance is affine on the piece,
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

    /** The breakpoint walk of {@link #price} on targets {@code v[q − base]} in CSR order. */
    double priceOn(int n, double[] v, int base, double rho, double mu0) {
        final int s0 = assetStart[n];
        final int s1 = assetStart[n + 1];
        final int q0 = arcStart[n];
        final int q1 = arcStart[n + 1];
        final double invRho = 1.0 / rho;
        double mu = Double.isFinite(mu0) ? mu0 : 0.0;
        int maxSteps = 2 * (s1 - s0) + 2 * (q1 - q0) + 4;
        for (int step = 0; step < maxSteps; step++) {
            double gLo = 0.0;
            double gHi = 0.0;
            double sUp = 0.0;
            double sDn = 0.0;
            double up = Double.POSITIVE_INFINITY;
            double dn = Double.NEGATIVE_INFINITY;
            for (int s = s0; s < s1; s++) {
                double as = a[s];
                double bs = b[s];
                double lo = pMin[s];
                double hi = pMax[s];
                if (as > 0.0) {
                    double mLo = bs + as * lo;
                    double mHi = bs + as * hi;
                    double ps = Math.min(hi, Math.max(lo, (mu - bs) / as));
                    gLo += ps;
                    gHi += ps;
                    double inv = 1.0 / as;
                    if (mu >= mLo && mu < mHi) {
                        sUp += inv;
                    }
                    if (mu > mLo && mu <= mHi) {
                        sDn += inv;
                    }
                    if (mLo > mu) {
                        up = Math.min(up, mLo);
                    } else if (mHi > mu) {
                        up = Math.min(up, mHi);
                    }
                    if (mHi < mu) {
                        dn = Math.max(dn, mHi);
                    } else if (mLo < mu) {
                        dn = Math.max(dn, mLo);
                    }
                } else if (mu < bs) {
                    gLo += lo;
                    gHi += lo;
                    up = Math.min(up, bs);
                } else if (mu > bs) {
                    gLo += hi;
                    gHi += hi;
                    dn = Math.max(dn, bs);
                } else {
                    gLo += lo;
                    gHi += hi;
                }
            }
            for (int q = q0; q < q1; q++) {
                double vk = v[q - base];
                double g = gammaOf[q];
                double w = vk - mu;
                double t = w > g ? (w - g) * invRho : (w < -g ? (w + g) * invRho : 0.0);
                gLo -= t;
                gHi -= t;
                double b1 = vk - g;
                double b2 = vk + g;
                if (mu < b1 || mu >= b2) {
                    sUp += invRho;
                }
                if (mu <= b1 || mu > b2) {
                    sDn += invRho;
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
                mu = up;
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
                mu = dn;
            } else {
                return mu;
            }
        }
        return mu;
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

    /** True when agent n has neither assets nor arcs, and so no price. */
    boolean isIdle(int n) {
        return assetStart[n] == assetStart[n + 1] && arcStart[n] == arcStart[n + 1];
    }

    /**
     * Agent n's price mu for the targets {@code vt[2k]} of its arcs k, starting the walk at
     * {@code mu0}: the targets are gathered into {@code buf} (at least the agent's arc count)
     * and walked by {@link #priceOn}.
     */
    double price(int n, double[] vt, double rho, double mu0, double[] buf) {
        final int q0 = arcStart[n];
        for (int q = q0; q < arcStart[n + 1]; q++) {
            buf[q - q0] = vt[2 * arcOf[q]];
        }
        return priceOn(n, buf, q0, rho, mu0);
    }

    /** The largest number of arcs of one agent. */
    int maxArcs() {
        int mx = 0;
        for (int n = 0; n + 1 < arcStart.length; n++) {
            mx = Math.max(mx, arcStart[n + 1] - arcStart[n]);
        }
        return mx;
    }

    /**
     * Agent n's price mu when its net injection {@code P = Σ_s p_s} also carries the operator's
     * penalty {@code rhoN/2 (P − w/rhoN)²} (network-aware ADMM). Trades stay
     * {@code S_gamma(v_k − mu)/rho}; the assets see {@code pi = mu + w − rhoN·T(mu)} with
     * {@code T = Σ_k t_k}, which is increasing and piecewise linear in mu, so the balance
     * {@code g(mu) = Σ p(pi(mu)) − T(mu)} is still monotone and piecewise linear: the same
     * breakpoint walk, with the assets' breakpoints mapped from pi to mu on the current piece.
     */
    double priceWithInjection(int n, double[] vt, double rho, double mu0, double w, double rhoN) {
        final int s0 = assetStart[n];
        final int s1 = assetStart[n + 1];
        final int q0 = arcStart[n];
        final int q1 = arcStart[n + 1];
        final double invRho = 1.0 / rho;
        double mu = Double.isFinite(mu0) ? mu0 : 0.0;
        int maxSteps = 2 * (s1 - s0) + 2 * (q1 - q0) + 4;
        for (int step = 0; step < maxSteps; step++) {
            double tSum = 0.0;
            double nUp = 0.0;
            double nDn = 0.0;
            double up = Double.POSITIVE_INFINITY;
            double dn = Double.NEGATIVE_INFINITY;
            for (int q = q0; q < q1; q++) {
                double vk = vt[2 * arcOf[q]];
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
            double pi = mu + w - rhoN * tSum;
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
            // Asset breakpoints in mu on the current piece, where pi moves with slope piUp (piDn).
            if (upPi != Double.POSITIVE_INFINITY) {
                up = Math.min(up, mu + (upPi - pi) / piUp);
            }
            if (dnPi != Double.NEGATIVE_INFINITY) {
                dn = Math.max(dn, mu - (pi - dnPi) / piDn);
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
     * Writes agent n's trades and assets at price mu with the operator's penalty (see
     * {@link #priceWithInjection}); stores its net injection in {@code injection[n]} and returns
     * {@code Σ (t_new − t_old)² + (P_new − P_old)²}.
     */
    double applyWithInjection(int n, double mu, double[] vt, double rho, double[] p, double w, double rhoN,
                              double[] injection) {
        final double invRho = 1.0 / rho;
        double sumT = 0.0;
        double ds = 0.0;
        for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
            int k = 2 * arcOf[q];
            double g = gammaOf[q];
            double wk = vt[k] - mu;
            double t = wk > g ? (wk - g) * invRho : (wk < -g ? (wk + g) * invRho : 0.0);
            double d = t - vt[k + 1];
            ds += d * d;
            vt[k + 1] = t;
            sumT += t;
        }
        dispatch(n, mu + w - rhoN * sumT, sumT, p);
        double e = sumT - injection[n];
        injection[n] = sumT;
        return ds + e * e;
    }

    /**
     * Writes agent n's trades and asset set-points at price mu; returns Σ (t_new − t_old)² over
     * its arcs (the dual residual's share).
     */
    double apply(int n, double mu, double[] vt, double rho, double[] p) {
        final double invRho = 1.0 / rho;
        double sumT = 0.0;
        double ds0 = 0.0;
        double ds1 = 0.0;
        int q = arcStart[n];
        final int q1 = arcStart[n + 1];
        // Two partial sums: the loop-carried dependency would otherwise bound the throughput.
        for (; q + 1 < q1; q += 2) {
            int k0 = 2 * arcOf[q];
            int k1 = 2 * arcOf[q + 1];
            double g0 = gammaOf[q];
            double g1 = gammaOf[q + 1];
            double w0 = vt[k0] - mu;
            double w1 = vt[k1] - mu;
            double t0 = w0 > g0 ? (w0 - g0) * invRho : (w0 < -g0 ? (w0 + g0) * invRho : 0.0);
            double t1 = w1 > g1 ? (w1 - g1) * invRho : (w1 < -g1 ? (w1 + g1) * invRho : 0.0);
            double d0 = t0 - vt[k0 + 1];
            double d1 = t1 - vt[k1 + 1];
            ds0 += d0 * d0;
            ds1 += d1 * d1;
            vt[k0 + 1] = t0;
            vt[k1 + 1] = t1;
            sumT += t0 + t1;
        }
        if (q < q1) {
            int k0 = 2 * arcOf[q];
            double g0 = gammaOf[q];
            double w0 = vt[k0] - mu;
            double t0 = w0 > g0 ? (w0 - g0) * invRho : (w0 < -g0 ? (w0 + g0) * invRho : 0.0);
            double d0 = t0 - vt[k0 + 1];
            ds0 += d0 * d0;
            vt[k0 + 1] = t0;
            sumT += t0;
        }
        dispatch(n, mu, sumT, p);
        return ds0 + ds1;
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
