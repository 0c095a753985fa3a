package org.peerclear.result;

import org.peerclear.index.MarketIndex;

/** The market's objective, computed the same way everywhere. */
public final class CostAccounting {
    private CostAccounting() {
    }

    /**
     * Σ_s (½ a_s p_s² + b_s p_s) + Σ_k gamma_k |t_k|.
     *
     * @param index      the market's index
     * @param assetPower set-point per asset in index order, power unit
     * @param trade      trade per arc in index order, power unit
     * @return the total cost, currency per period
     */
    public static double objective(MarketIndex index, double[] assetPower, double[] trade) {
        return sum(index, assetPower, trade, false);
    }

    /**
     * Σ_s |½ a_s p_s² + b_s p_s| + Σ_k gamma_k |t_k|: the objective's terms in absolute value,
     * the scale of its rounding (the objective itself can cancel to near 0 while its terms are
     * large).
     *
     * @param index      the market's index
     * @param assetPower set-point per asset in index order, power unit
     * @param trade      trade per arc in index order, power unit
     * @return currency per period, {@code >= 0}
     */
    public static double grossCost(MarketIndex index, double[] assetPower, double[] trade) {
        return sum(index, assetPower, trade, true);
    }

    /**
     * {@link #grossCost(MarketIndex, double[], double[])} of a result's point; an error without a solution.
     *
     * @param r a result with a solution
     * @return currency per period, {@code >= 0}
     * @throws IllegalStateException if {@code r} has no solution
     */
    public static double grossCost(ClearingResult r) {
        return grossCost(r.index(), r.assetPowerArray(), r.tradeArray());
    }

    private static double sum(MarketIndex index, double[] assetPower, double[] trade, boolean absolute) {
        double[] a = index.a();
        double[] b = index.b();
        double[] gamma = index.gamma();
        double v = 0.0;
        for (int s = 0; s < assetPower.length; s++) {
            double f = (0.5 * a[s] * assetPower[s] + b[s]) * assetPower[s];
            v += absolute ? Math.abs(f) : f;
        }
        for (int k = 0; k < trade.length; k++) {
            v += gamma[k] * Math.abs(trade[k]);
        }
        return v;
    }
}
