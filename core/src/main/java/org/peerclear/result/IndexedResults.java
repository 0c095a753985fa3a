package org.peerclear.result;

import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;

/**
 * Not API: how a clearing method that solved the compact view ({@link MarketIndex}) hands its
 * index-ordered arrays to a {@link ClearingResult}. Write-only: nothing here reads a result's
 * arrays back, so their order stays the producers' business; users read a result by id through
 * {@link ClearingResult}, and code that needs arrays lays a result onto an index of its own by id
 * ({@link org.peerclear.result.internal.ResultOnIndex}). This class may change without notice.
 *
 * <p>It lives beside {@link ClearingResult} rather than in an {@code internal} package because it
 * sets the builder's package-private state: Java grants that to no other package, so an
 * {@code internal} one would need a public hook here (hiding nothing) that refers back to it, a
 * package cycle.
 */
public final class IndexedResults {
    private IndexedResults() {
    }

    /**
     * Starts a result on the compact view; the market's warnings are its first notes.
     *
     * @param market the market cleared
     * @param index  the market's compact index, whose order the arrays given to this class follow
     * @return a builder without status
     */
    public static ClearingResult.Builder builder(Market market, MarketIndex index) {
        return new ClearingResult.Builder(market, index);
    }

    /**
     * Sets the point, all in the order of the builder's index; {@link ClearingResult.Builder#build()}
     * checks the lengths and copies the arrays.
     *
     * @param b                a builder from {@link #builder} or {@link ClearingResult#toBuilder()}
     * @param assetPowerValues set-point per asset (grid legs included), power unit, {@code > 0} injects
     * @param trades           {@code t_k} per directed arc, power unit, {@code > 0}: the arc's from-agent sells
     * @param agentPrices      {@code mu_n} per agent, currency per unit of power for one period; NaN where undefined
     * @param tradePrices      bilateral {@code lambda_k} per arc, currency per unit of power for one period
     * @return {@code b}
     */
    public static ClearingResult.Builder solution(ClearingResult.Builder b, double[] assetPowerValues, double[] trades,
                                                  double[] agentPrices, double[] tradePrices) {
        return b.solution(assetPowerValues, trades, agentPrices, tradePrices);
    }

    /**
     * Marks set-points fixed by integer decisions, in the order of the builder's index (see
     * {@link ClearingResult#assetPinned(String)} and {@link ClearingResult#tradePinned(String, String)}).
     *
     * @param b      a builder from {@link #builder} or {@link ClearingResult#toBuilder()}
     * @param assets one flag per asset, or null for none pinned
     * @param arcs   one flag per arc, or null for none pinned
     * @return {@code b}
     */
    public static ClearingResult.Builder pinned(ClearingResult.Builder b, boolean[] assets, boolean[] arcs) {
        return b.pinned(assets, arcs);
    }

    /**
     * The network price component at each agent's bus, in the order of the builder's index (see
     * {@link ClearingResult#networkPrice(String)}).
     *
     * @param b      a builder from {@link #builder} or {@link ClearingResult#toBuilder()}
     * @param prices {@code pi} per agent, currency per unit of power for one period; null for all 0
     * @return {@code b}
     */
    public static ClearingResult.Builder agentNetworkPrices(ClearingResult.Builder b, double[] prices) {
        return b.agentNetworkPrices(prices);
    }
}
