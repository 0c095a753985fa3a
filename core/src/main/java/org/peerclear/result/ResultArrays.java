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

    /**
     * The result's index.
     *
     * @param r any result
     * @return the index its arrays follow; shared, treat as read-only
     */
    public static MarketIndex index(ClearingResult r) {
        return r.index();
    }

    /**
     * Asset set-points in index order (a copy); an error without a solution.
     *
     * @param r a result with a solution
     * @return power unit, {@code > 0} injects
     * @throws IllegalStateException if the result has no solution
     */
    public static double[] assetPower(ClearingResult r) {
        return r.assetPowerArray();
    }

    /**
     * Trades t_k per arc in index order (a copy); an error without a solution.
     *
     * @param r a result with a solution
     * @return power unit, {@code > 0}: the arc's from-agent sells
     * @throws IllegalStateException if the result has no solution
     */
    public static double[] trade(ClearingResult r) {
        return r.tradeArray();
    }

    /**
     * Agent prices mu_n in index order (a copy), NaN where undefined; an error without a solution.
     *
     * @param r a result with a solution
     * @return currency per unit energy
     * @throws IllegalStateException if the result has no solution
     */
    public static double[] agentPrice(ClearingResult r) {
        return r.agentPriceArray();
    }

    /**
     * Bilateral prices lambda_k per arc in index order (a copy); an error without a solution.
     *
     * @param r a result with a solution
     * @return currency per unit energy
     * @throws IllegalStateException if the result has no solution
     */
    public static double[] tradePrice(ClearingResult r) {
        return r.tradePriceArray();
    }

    /**
     * The network price component at index agent n's bus (see {@link ClearingResult#networkPrice(String)}).
     *
     * @param r any result
     * @param n an agent index
     * @return currency per unit energy; 0 without a network
     */
    public static double agentNetworkPrice(ClearingResult r, int n) {
        return r.agentNetworkPrice(n);
    }

    /**
     * True when index asset s was pinned by an integer decision.
     *
     * @param r any result
     * @param s an asset index
     * @return the flag; {@code false} for a continuous clearing
     */
    public static boolean assetPinned(ClearingResult r, int s) {
        return r.assetPinned(s);
    }

    /**
     * True when index arc k was pinned by an integer decision.
     *
     * @param r any result
     * @param k an arc index
     * @return the flag; {@code false} for a continuous clearing
     */
    public static boolean arcPinned(ClearingResult r, int k) {
        return r.arcPinned(k);
    }
}
