package org.peerclear.result.internal;

import java.util.HashMap;
import java.util.Map;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Grid;
import org.peerclear.result.AgentResult;
import org.peerclear.result.AssetResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.GridLegResult;
import org.peerclear.result.TradeResult;

/**
 * A result's point laid out on an index of the caller's, matched by id: for code that works on
 * index-ordered arrays (loss allocation over arcs, an ADMM warm start, tests that
 * compare two results) without depending on the order the result was produced in. Agents and
 * assets are matched by their ids, a grid leg by its partner, an arc by its {@code from} and
 * {@code to}. Not API: it may change without notice.
 *
 * <p>The arrays are the caller's (fresh per {@link #of} call, not copied by the accessors).
 */
public final class ResultOnIndex {
    private final double[] assetPower;
    private final double[] trade;
    private final double[] agentPrice;
    private final double[] tradePrice;
    private final double[] agentNetworkPrice;

    private ResultOnIndex(double[] assetPower, double[] trade, double[] agentPrice, double[] tradePrice,
                          double[] agentNetworkPrice) {
        this.assetPower = assetPower;
        this.trade = trade;
        this.agentPrice = agentPrice;
        this.tradePrice = tradePrice;
        this.agentNetworkPrice = agentNetworkPrice;
    }

    /** An arc by its ends' ids; a grid leg's end is the grid's id, unique with its one partner. */
    private record ArcKey(String from, String to) {
    }

    /**
     * Lays {@code r} out on {@code ix}, which must have the same agents, assets, grid legs and
     * arcs by id, in any order (e.g. {@code MarketIndex.of(r.market())}, or the index of a market
     * with the same structure and other numbers).
     *
     * @param r  a result with a solution
     * @param ix the index to lay it out on
     * @return the result's numbers in {@code ix}'s order; the grid legs' network prices are 0 (a leg has no bus)
     * @throws IllegalStateException    if the result has no solution
     * @throws IllegalArgumentException if an agent, asset, grid leg or arc of one is not in the other (the message names it)
     */
    public static ResultOnIndex of(ClearingResult r, MarketIndex ix) {
        int firstLeg = ix.firstGridLeg();
        int[] assetStart = ix.assetStart();
        int declaredAssets = assetStart[firstLeg];
        double[] p = new double[ix.numAssets()];
        Map<String, Integer> assetOf = new HashMap<>(2 * declaredAssets);
        for (int s = 0; s < declaredAssets; s++) {
            assetOf.put(ix.assetId(s), s);
        }
        int found = 0;
        for (AssetResult a : r.assets()) {
            if (Grid.IMPORT_ASSET_ID.equals(a.id()) || Grid.EXPORT_ASSET_ID.equals(a.id())) {
                continue; // merged over the legs: the legs are laid out from gridLegs() below
            }
            Integer s = assetOf.get(a.id());
            if (s == null) {
                throw mismatch("asset '" + a.id() + "' of the result is not in the index");
            }
            p[s] = a.p();
            found++;
        }
        requireAll(found, declaredAssets, "assets");

        double[] mu = new double[ix.numAgents()];
        double[] pi = new double[ix.numAgents()];
        found = 0;
        for (AgentResult a : r.agents()) {
            if (Grid.AGENT_ID.equals(a.id())) {
                continue; // merged over the legs, as above
            }
            int n = declared(ix, a.id());
            mu[n] = a.price();
            pi[n] = r.networkPrice(a.id());
            found++;
        }
        requireAll(found, firstLeg, "declared agents");

        found = 0;
        for (GridLegResult leg : r.gridLegs()) {
            int g = ix.gridLegOf(declared(ix, leg.partner()));
            if (g < 0) {
                throw mismatch("agent '" + leg.partner() + "' trades with the grid in the result, not in the index");
            }
            p[assetStart[g]] = leg.importPower();
            p[assetStart[g] + 1] = leg.exportPower();
            mu[g] = leg.price();
            found++;
        }
        requireAll(found, ix.numGridLegs(), "grid legs");

        int m = ix.numArcs();
        Map<ArcKey, Integer> arcOf = new HashMap<>(2 * m);
        for (int k = 0; k < m; k++) {
            arcOf.put(new ArcKey(ix.agentId(ix.from()[k]), ix.agentId(ix.to()[k])), k);
        }
        double[] t = new double[m];
        double[] lambda = new double[m];
        found = 0;
        for (TradeResult a : r.arcTrades()) {
            Integer k = arcOf.get(new ArcKey(a.from(), a.to()));
            if (k == null) {
                throw mismatch("arc " + a.from() + "->" + a.to() + " of the result is not in the index");
            }
            t[k] = a.quantity();
            lambda[k] = a.price();
            found++;
        }
        requireAll(found, m, "arcs");
        return new ResultOnIndex(p, t, mu, lambda, pi);
    }

    private static int declared(MarketIndex ix, String agentId) {
        try {
            return ix.agentIndex(agentId);
        } catch (IllegalArgumentException e) {
            throw mismatch("agent '" + agentId + "' of the result is not in the index");
        }
    }

    /** Each item of the result was found in the index once; fewer than the index holds means the index has more. */
    private static void requireAll(int found, int inIndex, String what) {
        if (found != inIndex) {
            throw mismatch("the result has " + found + " " + what + ", the index " + inIndex);
        }
    }

    private static IllegalArgumentException mismatch(String what) {
        return new IllegalArgumentException("The result does not match the index: " + what);
    }

    /** {@return the set-point per asset of the index (grid legs included), power unit, {@code > 0} injects} */
    public double[] assetPower() {
        return assetPower;
    }

    /** {@return {@code t_k} per arc of the index, power unit, {@code > 0}: the arc's from-agent sells} */
    public double[] trade() {
        return trade;
    }

    /** {@return {@code mu_n} per agent of the index (grid legs included), currency per unit of power for one period; NaN where undefined} */
    public double[] agentPrice() {
        return agentPrice;
    }

    /** {@return bilateral {@code lambda_k} per arc of the index, currency per unit of power for one period; NaN where undefined} */
    public double[] tradePrice() {
        return tradePrice;
    }

    /** {@return the network price component {@code pi} per agent of the index, currency per unit of power for one period; 0 for the grid legs} */
    public double[] agentNetworkPrice() {
        return agentNetworkPrice;
    }
}
