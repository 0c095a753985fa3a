package org.peerclear.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.NumericalTolerances;

/**
 * Recomputes, from a result's set-points and prices alone, whether they are an optimum of the
 * unified market, its optimality certificate:
 * <ul>
 *   <li>primal: asset bounds, reciprocity {@code t_nm + t_mn = 0}, agent balance
 *       {@code Σ_assets p = Σ_m t_nm};</li>
 *   <li>prices (dual feasibility and complementarity): each asset is optimal for its agent's
 *       price {@code mu_n} plus the network price component at its bus, when there is a network
 *       (marginal cost equals the price inside the bounds, and is on the right side of it at a
 *       bound); each arc obeys {@code mu_n = lambda_nm − sign(t_nm)·gamma_nm} when it trades and
 *       {@code lambda − gamma ≤ mu_n ≤ lambda + gamma} when it does not (no profitable trade left
 *       on an idle arc); the two directions of a pair carry one price;</li>
 *   <li>the objective gap ({@link DualityGap}): objective minus the Lagrangian dual objective at
 *       the prices. Without a network that dual is exact; with one, the network rows' terms are
 *       not in the result, so the gap is reported as not checked here (the centralised clearing
 *       checks it on its problem with {@code OptimalityCertificate}); likewise when integer
 *       decisions pin assets or arcs, or when prices are undefined.</li>
 * </ul>
 * Assets and arcs pinned by integer decisions ({@link ClearingResult#assetPinned(String)}) are
 * checked for feasibility only: an integer decision is a non-convexity that prices alone need
 * not support.
 *
 * <p>Tolerances ({@link Tolerances}) are relative, scaled by the size of the data
 * ({@link #scales(MarketIndex)}).
 */
public final class ResultVerifier {
    private static final int MAX_LISTED = 20;

    /**
     * The certificate's tolerances, in one place. Each is relative and is multiplied by a scale
     * of the data ({@link Scales}):
     * <ul>
     *   <li>{@code primal}: bounds, reciprocity and balance, absolute tolerance
     *       {@code primal × max(1, largest finite |pMin|, |pMax|)} (power units);</li>
     *   <li>{@code price}: every price relation, absolute tolerance
     *       {@code price × max(1, largest |b|, largest gamma)} (price units);</li>
     *   <li>{@code gap}: {@code |objective − D| ≤ gap × max(1, gross cost)} ({@link DualityGap}).</li>
     * </ul>
     * Defaults 1e-6 for all three. Why 1e-6: the exact methods (the back-ends with their
     * certificate LPs, ADMM's polish) land at 1e-9 or below on these scales, and first-order
     * solvers at their default 1e-9 tolerance near it; a relative 1e-6 is still a thousandth of
     * a cent on a price of 10 and a watt on a kilowatt-scale market, so a point that passes is
     * indistinguishable from the optimum in anything a market reports. It is far above the
     * rounding of double arithmetic on the documented value range (relative 1e-16 per operation,
     * see {@code docs/market-case.md}), so it does not reject exact answers.
     */
    public record Tolerances(double primal, double price, double gap) {
        /** 1e-6 for all three (see above for why): {@link NumericalTolerances#VERIFIER_DEFAULT}. */
        public static final Tolerances DEFAULT = new Tolerances(NumericalTolerances.VERIFIER_DEFAULT,
                NumericalTolerances.VERIFIER_DEFAULT, NumericalTolerances.VERIFIER_DEFAULT);

        /**
         * Validates the tolerances.
         *
         * @param primal relative primal tolerance, in (0, 1)
         * @param price  relative price tolerance, in (0, 1)
         * @param gap    relative objective-gap tolerance, in (0, 1)
         * @throws IllegalArgumentException if one is outside (0, 1)
         */
        public Tolerances {
            if (!(primal > 0 && primal < 1) || !(price > 0 && price < 1) || !(gap > 0 && gap < 1)) {
                throw new IllegalArgumentException("Invalid value for parameter tolerances: primal " + primal + ", price " + price
                        + ", gap " + gap + " (each must be in (0, 1))");
            }
        }

        /**
         * The absolute primal tolerance on a market of these scales.
         *
         * @param s the market's scales
         * @return power unit
         */
        public double primal(Scales s) {
            return primal * s.power();
        }

        /**
         * The absolute price tolerance on a market of these scales.
         *
         * @param s the market's scales
         * @return currency per unit of power for one period
         */
        public double price(Scales s) {
            return price * s.price();
        }
    }

    /**
     * The data's scales: {@code power = max(1, largest finite |pMin|, |pMax|)},
     * {@code price = max(1, largest |b|, largest gamma)}.
     *
     * @param power the power scale, power unit; {@code >= 1}
     * @param price the price scale, currency per unit of power for one period; {@code >= 1}
     */
    public record Scales(double power, double price) {
    }

    private ResultVerifier() {
    }

    /**
     * The scales of the market a result cleared (see {@link Scales}).
     *
     * @param r any result
     * @return its market's scales
     */
    public static Scales scales(ClearingResult r) {
        return scales(r.index());
    }

    /**
     * The scales of a market's data (see {@link Scales}).
     *
     * @param ix the market's index
     * @return its scales
     */
    public static Scales scales(MarketIndex ix) {
        double[] lo = ix.pMin();
        double[] hi = ix.pMax();
        double[] b = ix.b();
        double scaleP = 1.0;
        double scaleL = 1.0;
        for (int s = 0; s < lo.length; s++) {
            if (Double.isFinite(lo[s])) {
                scaleP = Math.max(scaleP, Math.abs(lo[s]));
            }
            if (Double.isFinite(hi[s])) {
                scaleP = Math.max(scaleP, Math.abs(hi[s]));
            }
            scaleL = Math.max(scaleL, Math.abs(b[s]));
        }
        for (double g : ix.gamma()) {
            scaleL = Math.max(scaleL, g);
        }
        return new Scales(scaleP, scaleL);
    }

    /**
     * Checks a result from scratch: bounds, reciprocity, balance, price relations and, where the
     * certificate covers the market, the objective gap.
     *
     * @param r   any result; one without a solution fails with the reason
     * @param tol relative tolerances, scaled by {@link #scales(ClearingResult)}
     * @return the measurements and the first violations
     */
    public static Verification verify(ClearingResult r, Tolerances tol) {
        if (!r.hasSolution()) {
            return new Verification(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "no solution", false,
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
        Scales scales = scales(ix);
        double tp = tol.primal(scales);
        double tl = tol.price(scales);
        List<String> v = new ArrayList<>();
        int[] count = {0};
        double bound = 0;
        double recip = 0;
        double balance = 0;
        double price = 0;
        for (int s = 0; s < p.length; s++) {
            double e = Math.max(lo[s] - p[s], p[s] - hi[s]);
            bound = Math.max(bound, Math.max(e, 0));
            if (!(e <= tp)) {
                add(v, count, "asset " + ix.assetId(s) + ": p = " + p[s] + " outside [" + lo[s] + ", " + hi[s] + "]");
            }
        }
        for (int k = 0; k < t.length; k += 2) {
            double e = Math.abs(t[k] + t[k + 1]);
            recip = Math.max(recip, e);
            if (!(e <= tp)) {
                add(v, count, "arc " + arc(ix, k) + ": t = " + t[k] + " but the mirror trade is " + t[k + 1]);
            }
            double d = Math.abs(lambda[k] - lambda[k + 1]);
            price = Math.max(price, d);
            if (!(d <= tl)) {
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
            if (!(Math.abs(e) <= tp)) {
                add(v, count, "agent " + ix.agentLabel(n) + ": assets inject " + e + " more than it trades");
            }
            if (Double.isNaN(mu[n])) {
                if (start[n + 1] > start[n] || arcStart[n + 1] > arcStart[n]) {
                    add(v, count, "agent " + ix.agentLabel(n) + ": price is undefined");
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
                if (!(e2 <= tl)) {
                    add(v, count, "asset " + ix.assetId(s) + ": marginal cost " + g + " at p = " + p[s]
                            + " is not consistent with price " + mu[n] + " of agent " + ix.agentLabel(n));
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
                if (!(e3 <= tl)) {
                    add(v, count, "arc " + arc(ix, k) + ": t = " + t[k] + ", lambda = " + lambda[k] + ", gamma = " + gamma[k]
                            + " is not consistent with price " + mu[n] + " of agent " + ix.agentLabel(n));
                }
            }
        }
        boolean primalFeasible = bound <= tp && recip <= tp && balance <= tp;
        String notChecked = gapNotChecked(r, mu);
        double relGap = Double.NaN;
        if (notChecked.isEmpty()) {
            DualityGap g = DualityGap.of(ix, p, t, mu, lambda, tl);
            relGap = g.relativeGap();
            if (!(relGap <= tol.gap())) {
                add(v, count, String.format(Locale.ROOT, "objective gap: objective %.10g, dual objective %.10g from the prices,"
                        + " relative gap %.3e above %.1e%s", g.objective(), g.dualObjective(), relGap, tol.gap(),
                        g.largestTerm().isEmpty() ? "" : "; " + g.largestTerm()));
            }
        }
        return new Verification(bound, recip, balance, price, relGap, notChecked, primalFeasible, v, count[0]);
    }

    /** Why the market certificate cannot measure the gap of r, or "" when it can. */
    private static String gapNotChecked(ClearingResult r, double[] mu) {
        if (r.market().network().isPresent()) {
            return "the network rows are not part of the market certificate";
        }
        MarketIndex ix = r.index();
        for (int s = 0; s < ix.numAssets(); s++) {
            if (r.assetPinned(s)) {
                return "integer decisions pin assets";
            }
        }
        for (int k = 0; k < ix.numArcs(); k++) {
            if (r.arcPinned(k)) {
                return "integer decisions pin trades";
            }
        }
        for (double m : mu) {
            if (Double.isNaN(m)) {
                // Agents without assets and arcs have no price and no term; any other NaN price
                // is reported as a violation, so only the first case reaches the gap.
                return firstUndefinedPrice(ix, mu);
            }
        }
        return "";
    }

    private static String firstUndefinedPrice(MarketIndex ix, double[] mu) {
        for (int n = 0; n < mu.length; n++) {
            boolean used = ix.assetStart()[n + 1] > ix.assetStart()[n] || ix.arcStart()[n + 1] > ix.arcStart()[n];
            if (Double.isNaN(mu[n]) && used) {
                return "agent " + ix.agentLabel(n) + " has no price";
            }
        }
        return "";
    }

    private static String arc(MarketIndex ix, int k) {
        return ix.agentLabel(ix.from()[k]) + "->" + ix.agentLabel(ix.to()[k]);
    }

    private static void add(List<String> v, int[] count, String s) {
        count[0]++;
        if (v.size() < MAX_LISTED) {
            v.add(s);
        }
    }
}
