package org.peerclear.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;

/**
 * The compact, index-based view of a {@link Market} that solvers work on: integer ids and
 * primitive arrays (structure of arrays), built once.
 *
 * <ul>
 *   <li>Agents {@code 0..numAgents-1}: the declared agents in order, then the grid agent if any.</li>
 *   <li>Assets grouped by owner: agent i owns assets {@code assetStart[i] .. assetStart[i+1]-1}.
 *       The grid owns two: import ({@code [0, importMax]}, b = importPrice) and export
 *       ({@code [-exportMax, 0]}, b = exportPrice); absent limits are infinite.</li>
 *   <li>Arcs: arc {@code k} is {@code from[k] → to[k]} with coefficient {@code gamma[k]}; its
 *       mirror is {@code k ^ 1}, so an arc and its mirror are adjacent in memory. Pair
 *       {@code k >> 1} is the unordered pair. {@code arcStart/arcsOf} list each agent's
 *       outgoing arcs (CSR).</li>
 * </ul>
 *
 * <p>The accessors return the internal arrays without copying, for speed: treat them as
 * read-only.
 */
public final class MarketIndex {
    private final String[] agentIds;
    private final int gridAgent;
    private final String[] assetIds;
    private final int[] assetOwner;
    private final double[] a;
    private final double[] b;
    private final double[] pMin;
    private final double[] pMax;
    private final int[] assetStart;
    private final int[] from;
    private final int[] to;
    private final double[] gamma;
    private final int[] arcStart;
    private final int[] arcsOf;
    private final Map<String, Integer> agentLookup;

    private MarketIndex(Market market) {
        List<Agent> agents = market.agents();
        int n = agents.size() + (market.grid().isPresent() ? 1 : 0);
        gridAgent = market.grid().isPresent() ? agents.size() : -1;
        agentIds = new String[n];
        agentLookup = new HashMap<>(2 * n);
        int numAssets = gridAgent >= 0 ? 2 : 0;
        for (int i = 0; i < agents.size(); i++) {
            agentIds[i] = agents.get(i).id();
            numAssets += agents.get(i).assets().size();
        }
        if (gridAgent >= 0) {
            agentIds[gridAgent] = Grid.AGENT_ID;
        }
        for (int i = 0; i < n; i++) {
            agentLookup.put(agentIds[i], i);
        }
        assetIds = new String[numAssets];
        assetOwner = new int[numAssets];
        a = new double[numAssets];
        b = new double[numAssets];
        pMin = new double[numAssets];
        pMax = new double[numAssets];
        assetStart = new int[n + 1];
        int s = 0;
        for (int i = 0; i < agents.size(); i++) {
            assetStart[i] = s;
            for (Asset asset : agents.get(i).assets()) {
                set(s++, i, asset.id(), asset.pMin(), asset.pMax(), asset.a(), asset.b());
            }
        }
        if (gridAgent >= 0) {
            Grid g = market.grid().get();
            assetStart[gridAgent] = s;
            set(s++, gridAgent, Grid.IMPORT_ASSET_ID, 0.0, g.importMax(), 0.0, g.importPrice());
            set(s++, gridAgent, Grid.EXPORT_ASSET_ID, -g.exportMax(), 0.0, 0.0, g.exportPrice());
        }
        assetStart[n] = s;

        List<Arc> arcs = market.arcs();
        int m = arcs.size();
        from = new int[m];
        to = new int[m];
        gamma = new double[m];
        int[] degree = new int[n];
        for (int k = 0; k < m; k++) {
            Arc arc = arcs.get(k);
            from[k] = agentLookup.get(arc.from());
            to[k] = agentLookup.get(arc.to());
            gamma[k] = arc.gamma();
            degree[from[k]]++;
        }
        arcStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            arcStart[i + 1] = arcStart[i] + degree[i];
        }
        arcsOf = new int[m];
        int[] fill = new int[n];
        for (int k = 0; k < m; k++) {
            int i = from[k];
            arcsOf[arcStart[i] + fill[i]++] = k;
        }
    }

    private void set(int s, int owner, String id, double lo, double hi, double qa, double qb) {
        assetIds[s] = id;
        assetOwner[s] = owner;
        pMin[s] = lo;
        pMax[s] = hi;
        a[s] = qa;
        b[s] = qb;
    }

    public static MarketIndex of(Market market) {
        return new MarketIndex(market);
    }

    public int numAgents() {
        return agentIds.length;
    }

    public int numAssets() {
        return assetIds.length;
    }

    public int numArcs() {
        return from.length;
    }

    public int numPairs() {
        return from.length >> 1;
    }

    /** Index of the grid agent, or -1 when the market is islanded. */
    public int gridAgent() {
        return gridAgent;
    }

    public String agentId(int i) {
        return agentIds[i];
    }

    public int agentIndex(String id) {
        Integer i = agentLookup.get(id);
        if (i == null) {
            throw new IllegalArgumentException("Unknown agent '" + id + "'");
        }
        return i;
    }

    public String assetId(int s) {
        return assetIds[s];
    }

    public int[] assetOwner() {
        return assetOwner;
    }

    /** Quadratic cost coefficients a (f = ½ a p² + b p). */
    public double[] a() {
        return a;
    }

    public double[] b() {
        return b;
    }

    public double[] pMin() {
        return pMin;
    }

    public double[] pMax() {
        return pMax;
    }

    /** Assets of agent i are {@code assetStart()[i] .. assetStart()[i+1]-1}. */
    public int[] assetStart() {
        return assetStart;
    }

    public int[] from() {
        return from;
    }

    public int[] to() {
        return to;
    }

    public double[] gamma() {
        return gamma;
    }

    /** Outgoing arcs of agent i are {@code arcsOf()[arcStart()[i] .. arcStart()[i+1]-1]}. */
    public int[] arcStart() {
        return arcStart;
    }

    public int[] arcsOf() {
        return arcsOf;
    }

    /** The mirror of arc k (the same pair, the other direction). */
    public static int mirror(int k) {
        return k ^ 1;
    }

    /** True when every asset cost is linear (a = 0): the market is an LP. */
    public boolean isLinear() {
        for (double v : a) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "MarketIndex[" + numAgents() + " agents, " + numAssets() + " assets, " + numArcs() + " arcs]";
    }
}
