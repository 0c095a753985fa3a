package org.peerclear.result;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.index.MarketIndex;

/**
 * Recomputes, from a result's set-points and prices alone, whether they are a market
 * equilibrium of the unified formulation:
 * <ul>
 *   <li>primal: asset bounds, reciprocity {@code t_nm + t_mn = 0}, agent balance
 *       {@code Σ_assets p = Σ_m t_nm};</li>
 *   <li>prices: each asset is optimal for its agent's price {@code mu_n} plus the network price
 *       component at its bus, when there is a network (marginal cost equals
 *       the price inside the bounds, and is on the right side of it at a bound); each arc obeys
 *       {@code mu_n = lambda_nm − sign(t_nm)·gamma_nm} when it trades and
 *       {@code lambda − gamma ≤ mu_n ≤ lambda + gamma} when it does not; the two directions of a
 *       pair carry one price.</li>
 * </ul>
 * Assets and arcs pinned by integer decisions ({@link ClearingResult#assetPinned(int)}) are
 * checked for feasibility only: an integer decision is a non-convexity that prices alone need
 * not support.
 *
 * <p>Tolerances are absolute, scaled by the size of the data: the primal one by
 * {@code max(1, largest finite |bound|)}, the price one by {@code max(1, largest |b|, largest gamma)}.
 */
public final class ResultVerifier {
    private static final int MAX_LISTED = 20;

    /** Absolute tolerances before scaling by the data. */
    public record Tolerances(double primal, double price) {
        public static final Tolerances DEFAULT = new Tolerances(1e-6, 1e-6);

        public Tolerances {
            if (!(primal > 0) || !(price > 0)) {
                throw new IllegalArgumentException("Invalid value for parameter tolerances: primal " + primal + ", price " + price);
            }
        }
    }

    private ResultVerifier() {
    }

    public static Verification verify(ClearingResult r, Tolerances tol) {
        if (!r.hasSolution()) {
            return new Verification(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    List.of("no solution to verify: status " + r.status()), 1);
        }
        MarketIndex ix = r.index();
        double[] p = r.assetPowerArray();
        double[] t = r.tradeArray();
        double[] mu = r.agentPriceArray();
        double[] lambda = r.tradePriceArray();
        double[] lo = ix.pMin();
        double[] hi = ix.pMax();
        double[] a = ix.a();
        double[] b = ix.b();
        double[] gamma = ix.gamma();
        double scaleP = 1.0;
        double scaleL = 1.0;
        for (int s = 0; s < p.length; s++) {
            if (Double.isFinite(lo[s])) {
                scaleP = Math.max(scaleP, Math.abs(lo[s]));
            }
            if (Double.isFinite(hi[s])) {
                scaleP = Math.max(scaleP, Math.abs(hi[s]));
            }
            scaleL = Math.max(scaleL, Math.abs(b[s]));
        }
        for (double g : gamma) {
            scaleL = Math.max(scaleL, g);
        }
        double tp = tol.primal() * scaleP;
        double tl = tol.price() * scaleL;
        List<String> v = new ArrayList<>();
        int[] count = {0};
        double bound = 0;
        double recip = 0;
        double balance = 0;
        double price = 0;
        for (int s = 0; s < p.length; s++) {
            double e = Math.max(lo[s] - p[s], p[s] - hi[s]);
            bound = Math.max(bound, Math.max(e, 0));
            if (e > tp) {
                add(v, count, "asset " + ix.assetId(s) + ": p = " + p[s] + " outside [" + lo[s] + ", " + hi[s] + "]");
            }
        }
        for (int k = 0; k < t.length; k += 2) {
            double e = Math.abs(t[k] + t[k + 1]);
            recip = Math.max(recip, e);
            if (e > tp) {
                add(v, count, "arc " + arc(ix, k) + ": t = " + t[k] + " but the mirror trade is " + t[k + 1]);
            }
            double d = Math.abs(lambda[k] - lambda[k + 1]);
            price = Math.max(price, d);
            if (d > tl) {
                add(v, count, "arc " + arc(ix, k) + ": the two directions have prices " + lambda[k] + " and " + lambda[k + 1]);
            }
        }
        int[] start = ix.assetStart();
        int[] arcStart = ix.arcStart();
        int[] arcsOf = ix.arcsOf();
        for (int n = 0; n < ix.numAgents(); n++) {
            double e = 0;
            for (int s = start[n]; s < start[n + 1]; s++) {
                e += p[s];
            }
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                e -= t[arcsOf[q]];
            }
            balance = Math.max(balance, Math.abs(e));
            if (Math.abs(e) > tp) {
                add(v, count, "agent " + ix.agentId(n) + ": assets inject " + e + " more than it trades");
            }
            if (Double.isNaN(mu[n])) {
                if (start[n + 1] > start[n] || arcStart[n + 1] > arcStart[n]) {
                    add(v, count, "agent " + ix.agentId(n) + ": price is undefined");
                }
                continue;
            }
            for (int s = start[n]; s < start[n + 1]; s++) {
                if (r.assetPinned(s)) {
                    continue;
                }
                double g = a[s] * p[s] + b[s] - r.agentNetworkPrice(n);
                boolean atLo = p[s] <= lo[s] + tp;
                boolean atHi = p[s] >= hi[s] - tp;
                double e2;
                if (atLo && atHi) {
                    e2 = 0;
                } else if (atLo) {
                    e2 = Math.max(0, mu[n] - g);
                } else if (atHi) {
                    e2 = Math.max(0, g - mu[n]);
                } else {
                    e2 = Math.abs(g - mu[n]);
                }
                price = Math.max(price, e2);
                if (e2 > tl) {
                    add(v, count, "asset " + ix.assetId(s) + ": marginal cost " + g + " at p = " + p[s]
                            + " is not consistent with price " + mu[n] + " of agent " + ix.agentId(n));
                }
            }
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                int k = arcsOf[q];
                if (r.arcPinned(k)) {
                    continue;
                }
                double e3;
                if (t[k] > tp) {
                    e3 = Math.abs(mu[n] - (lambda[k] - gamma[k]));
                } else if (t[k] < -tp) {
                    e3 = Math.abs(mu[n] - (lambda[k] + gamma[k]));
                } else {
                    e3 = Math.max(0, Math.max(lambda[k] - gamma[k] - mu[n], mu[n] - lambda[k] - gamma[k]));
                }
                price = Math.max(price, e3);
                if (e3 > tl) {
                    add(v, count, "arc " + arc(ix, k) + ": t = " + t[k] + ", lambda = " + lambda[k] + ", gamma = " + gamma[k]
                            + " is not consistent with price " + mu[n] + " of agent " + ix.agentId(n));
                }
            }
        }
        return new Verification(bound, recip, balance, price, v, count[0]);
    }

    private static String arc(MarketIndex ix, int k) {
        return ix.agentId(ix.from()[k]) + "->" + ix.agentId(ix.to()[k]);
    }

    private static void add(List<String> v, int[] count, String s) {
        count[0]++;
        if (v.size() < MAX_LISTED) {
            v.add(s);
        }
    }
}
