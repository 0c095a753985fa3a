package org.peerclear.result;

import org.peerclear.index.MarketIndex;

/**
 * Not API: the compact solver view of a {@link ClearingResult} (its {@link MarketIndex} and the
 * index-ordered arrays), for the code that must work in that order (certification, warm starts,
 * settlement and loss allocation over arcs). Users read a result by id through
 * {@link ClearingResult}; this class may change without notice.
 *
 * <p>It lives beside {@link ClearingResult} rather than in an {@code internal} package because it
 * reads the result's package-private state, and an {@code internal} package that did so would form
 * a package cycle with this one.
 */
public final class ResultArrays {
    private ResultArrays() {
    }

    public static MarketIndex index(ClearingResult r) {
        return r.index();
    }

    /** Asset set-points in index order (a copy); an error without a solution. */
    public static double[] assetPower(ClearingResult r) {
        return r.assetPowerArray();
    }

    /** Trades t_k per arc in index order (a copy); an error without a solution. */
    public static double[] trade(ClearingResult r) {
        return r.tradeArray();
    }

    /** Agent prices mu_n in index order (a copy), NaN where undefined; an error without a solution. */
    public static double[] agentPrice(ClearingResult r) {
        return r.agentPriceArray();
    }

    /** Bilateral prices lambda_k per arc in index order (a copy); an error without a solution. */
    public static double[] tradePrice(ClearingResult r) {
        return r.tradePriceArray();
    }

    /** The network price component at index agent n's bus (see {@link ClearingResult#networkPrice(String)}). */
    public static double agentNetworkPrice(ClearingResult r, int n) {
        return r.agentNetworkPrice(n);
    }

    /** True when index asset s was pinned by an integer decision. */
    public static boolean assetPinned(ClearingResult r, int s) {
        return r.assetPinned(s);
    }

    /** True when index arc k was pinned by an integer decision. */
    public static boolean arcPinned(ClearingResult r, int k) {
        return r.arcPinned(k);
    }
}
