package org.peerclear.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;

/**
 * The compact, index-based view of a {@link Market} that solvers work on: integer ids and
 * primitive arrays (structure of arrays), built once.
 *
 * <ul>
 *   <li>Agents {@code 0..numAgents-1}: the declared agents in order, then the grid's legs
 *       {@code firstGridLeg()..numAgents-1} (none for an islanded market).</li>
 *   <li>The grid is a tariff, not a broker: it has one leg per agent that may trade with it,
 *       each leg an agent with that single partner. A leg owns its own import asset
 *       ({@code [0, importMax]}, b = importPrice) and export asset ({@code [-exportMax, 0]},
 *       b = exportPrice); absent limits are infinite. With one arc, a leg's trade is its own
 *       injection, so it only ever sells at importPrice or buys at exportPrice, and energy one
 *       agent sells to the grid can never reach another agent through it. (A single grid agent
 *       with arcs to everyone, or one import and one export agent each with arcs to everyone,
 *       would pass energy from one partner to the next at one price.) A leg's id is
 *       {@value Grid#AGENT_ID} and its assets' ids are {@value Grid#IMPORT_ASSET_ID} and
 *       {@value Grid#EXPORT_ASSET_ID}, the names a result merges them under.</li>
 *   <li>Assets grouped by owner: agent i owns assets {@code assetStart[i] .. assetStart[i+1]-1}.</li>
 *   <li>Arcs: arc {@code k} is {@code from[k] → to[k]} with coefficient {@code gamma[k]}, in the
 *       order of {@link Market#arcs()} (with the grid's end replaced by the partner's leg); its
 *       mirror is {@code k ^ 1}, so an arc and its mirror are adjacent in memory. Pair
 *       {@code k >> 1} is the unordered pair. {@code arcStart/arcsOf} list each agent's
 *       outgoing arcs (CSR).</li>
 * </ul>
 *
 * <p>The legs' limits are per leg; a finite, non-zero {@code importMax} or {@code exportMax}
 * caps the sum over all legs, which no row here expresses, so it is refused when more than one
 * agent trades with the grid.
 *
 * <p>The accessors return the internal arrays without copying, for speed: treat them as
 * read-only.
 */
public final class MarketIndex {
    private final String[] agentIds;
    private final int firstGridLeg;
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
        List<Arc> arcs = market.arcs();
        int m = arcs.size();
        firstGridLeg = agents.size();
        int legs = 0;
        for (int k = 0; k < m; k += 2) {
            legs += isGrid(arcs.get(k).from()) || isGrid(arcs.get(k).to()) ? 1 : 0;
        }
        Grid g = market.grid().orElse(null);
        if (legs > 1) {
            requireOneLegOrUnshared("grid.importMax", g.importMax(), legs);
            requireOneLegOrUnshared("grid.exportMax", g.exportMax(), legs);
        }
        int n = firstGridLeg + legs;
        agentIds = new String[n];
        agentLookup = new HashMap<>(2 * firstGridLeg);
        int numAssets = 2 * legs;
        for (int i = 0; i < firstGridLeg; i++) {
            agentIds[i] = agents.get(i).id();
            agentLookup.put(agentIds[i], i);
            numAssets += agents.get(i).assets().size();
        }
        assetIds = new String[numAssets];
        assetOwner = new int[numAssets];
        a = new double[numAssets];
        b = new double[numAssets];
        pMin = new double[numAssets];
        pMax = new double[numAssets];
        assetStart = new int[n + 1];
        int s = 0;
        for (int i = 0; i < firstGridLeg; i++) {
            assetStart[i] = s;
            for (Asset asset : agents.get(i).assets()) {
                set(s++, i, asset.id(), asset.pMin(), asset.pMax(), asset.a(), asset.b());
            }
        }
        for (int leg = firstGridLeg; leg < n; leg++) {
            agentIds[leg] = Grid.AGENT_ID;
            assetStart[leg] = s;
            set(s++, leg, Grid.IMPORT_ASSET_ID, 0.0, g.importMax(), 0.0, g.importPrice());
            set(s++, leg, Grid.EXPORT_ASSET_ID, -g.exportMax(), 0.0, 0.0, g.exportPrice());
        }
        assetStart[n] = s;

        from = new int[m];
        to = new int[m];
        gamma = new double[m];
        int[] degree = new int[n];
        int leg = firstGridLeg;
        for (int k = 0; k < m; k += 2) {
            boolean withGrid = isGrid(arcs.get(k).from()) || isGrid(arcs.get(k).to());
            for (int d = k; d <= k + 1; d++) {
                Arc arc = arcs.get(d);
                from[d] = isGrid(arc.from()) ? leg : agentLookup.get(arc.from());
                to[d] = isGrid(arc.to()) ? leg : agentLookup.get(arc.to());
                gamma[d] = arc.gamma();
                degree[from[d]]++;
            }
            leg += withGrid ? 1 : 0;
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

    /**
     * A view sharing the agents and assets' ids with {@code base}, with these costs, bounds and
     * arcs (the adjacency is rebuilt when the arcs are not {@code base}'s).
     */
    private MarketIndex(MarketIndex base, double[] b, double[] pMin, double[] pMax, int[] from, int[] to, double[] gamma) {
        agentIds = base.agentIds;
        firstGridLeg = base.firstGridLeg;
        assetIds = base.assetIds;
        assetOwner = base.assetOwner;
        a = base.a;
        this.b = b;
        this.pMin = pMin;
        this.pMax = pMax;
        assetStart = base.assetStart;
        agentLookup = base.agentLookup;
        this.from = from;
        this.to = to;
        this.gamma = gamma;
        if (from == base.from) {
            arcStart = base.arcStart;
            arcsOf = base.arcsOf;
        } else {
            int n = agentIds.length;
            arcStart = new int[n + 1];
            for (int k = 0; k < from.length; k++) {
                arcStart[from[k] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                arcStart[i + 1] += arcStart[i];
            }
            arcsOf = new int[from.length];
            int[] fill = new int[n];
            for (int k = 0; k < from.length; k++) {
                arcsOf[arcStart[from[k]] + fill[from[k]]++] = k;
            }
        }
    }

    /** Built from arrays already in this class's layout (see {@link #stacked}). */
    private MarketIndex(String[] agentIds, int firstGridLeg, String[] assetIds, int[] assetOwner, double[] a, double[] b,
                        double[] pMin, double[] pMax, int[] assetStart, int[] from, int[] to, double[] gamma, int[] arcStart,
                        int[] arcsOf) {
        this.agentIds = agentIds;
        this.firstGridLeg = firstGridLeg;
        this.assetIds = assetIds;
        this.assetOwner = assetOwner;
        this.a = a;
        this.b = b;
        this.pMin = pMin;
        this.pMax = pMax;
        this.assetStart = assetStart;
        this.from = from;
        this.to = to;
        this.gamma = gamma;
        this.arcStart = arcStart;
        this.arcsOf = arcsOf;
        this.agentLookup = new HashMap<>();
        for (int i = 0; i < firstGridLeg; i++) {
            agentLookup.put(agentIds[i], i);
        }
    }

    /**
     * T markets of one structure (the periods of a horizon) as one market of T times the agents,
     * assets and arcs, which no period shares with another: agent n of period t is agent
     * {@code n·T + t} (agent-major, so that an agent's periods are neighbours), its assets and
     * arcs follow in the same order (asset s of period t is {@code assetStart[n]·T +
     * t·(its agent's asset count) + (s − assetStart[n])}; the pair of arcs {@code k, k^1} of
     * period t is the pair {@code (k>>1)·T + t}). Ids are suffixed {@code @t}. Each period's
     * clearing is this market's restricted to its agents: what a method that iterates on the
     * agents of a market (ADMM) needs to run all periods at once.
     *
     * @param periods the periods' indexes in order, at least one, all of one structure (agents, assets, arcs)
     * @return the stacked index
     * @throws IllegalArgumentException if the periods' structures differ
     */
    public static MarketIndex stacked(List<MarketIndex> periods) {
        int tEnd = periods.size();
        MarketIndex p0 = periods.get(0);
        int n0 = p0.numAgents();
        int m0 = p0.numArcs();
        int s0 = p0.numAssets();
        for (MarketIndex ix : periods) {
            if (ix.numAgents() != n0 || ix.numArcs() != m0 || ix.numAssets() != s0) {
                throw new IllegalArgumentException("stacked periods must have one structure: " + ix + " against " + p0);
            }
        }
        int n = n0 * tEnd;
        String[] ids = new String[n];
        int[] assetStart = new int[n + 1];
        String[] assetIds = new String[s0 * tEnd];
        int[] owner = new int[s0 * tEnd];
        double[] a = new double[s0 * tEnd];
        double[] b = new double[s0 * tEnd];
        double[] lo = new double[s0 * tEnd];
        double[] hi = new double[s0 * tEnd];
        int s = 0;
        for (int i = 0; i < n0; i++) {
            for (int t = 0; t < tEnd; t++) {
                MarketIndex ix = periods.get(t);
                int agent = i * tEnd + t;
                ids[agent] = p0.agentIds[i] + "@" + t;
                assetStart[agent] = s;
                for (int k = p0.assetStart[i]; k < p0.assetStart[i + 1]; k++) {
                    assetIds[s] = p0.assetIds[k] + "@" + t;
                    owner[s] = agent;
                    a[s] = ix.a[k];
                    b[s] = ix.b[k];
                    lo[s] = ix.pMin[k];
                    hi[s] = ix.pMax[k];
                    s++;
                }
            }
        }
        assetStart[n] = s;
        int[] from = new int[m0 * tEnd];
        int[] to = new int[m0 * tEnd];
        double[] gamma = new double[m0 * tEnd];
        for (int k = 0; k < m0; k++) {
            for (int t = 0; t < tEnd; t++) {
                int d = 2 * ((k >> 1) * tEnd + t) + (k & 1);
                from[d] = p0.from[k] * tEnd + t;
                to[d] = p0.to[k] * tEnd + t;
                gamma[d] = periods.get(t).gamma[k];
            }
        }
        int[] arcStart = new int[n + 1];
        int[] arcsOf = new int[m0 * tEnd];
        int q = 0;
        for (int i = 0; i < n0; i++) {
            for (int t = 0; t < tEnd; t++) {
                arcStart[i * tEnd + t] = q;
                for (int r = p0.arcStart[i]; r < p0.arcStart[i + 1]; r++) {
                    int k = p0.arcsOf[r];
                    arcsOf[q++] = 2 * ((k >> 1) * tEnd + t) + (k & 1);
                }
            }
        }
        arcStart[n] = q;
        return new MarketIndex(ids, p0.firstGridLeg * tEnd, assetIds, owner, a, b, lo, hi, assetStart, from, to, gamma,
                arcStart, arcsOf);
    }

    private static boolean isGrid(String agentId) {
        return Grid.AGENT_ID.equals(agentId);
    }

    /** A limit of 0 or +∞ is the same per leg as for the legs' sum; any other holds for one leg only. */
    private static void requireOneLegOrUnshared(String field, double limit, int legs) {
        if (limit > 0 && Double.isFinite(limit)) {
            throw new InvalidMarketException(field, "a limit of " + limit + " shared by the " + legs
                    + " agents that trade with the grid is not supported: the grid reaches each of them through its own"
                    + " leg (so that it cannot resell one agent's energy to another) and nothing caps the legs' sum;"
                    + " leave the limit out, or let a single agent (a pool's manager) trade with the grid");
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

    /**
     * Builds the index of a market, one leg per agent that trades with the grid.
     *
     * @param market a validated market
     * @return its index
     * @throws org.peerclear.model.InvalidMarketException if a finite, non-zero grid limit would be shared by several legs
     */
    public static MarketIndex of(Market market) {
        return new MarketIndex(market);
    }

    /**
     * The same market with other linear cost coefficients (one per asset, not copied): how a
     * solver prices something outside the market into the assets, e.g. the network's price at
     * each asset's bus. Everything else is shared with this index.
     *
     * @param linear the new {@code b} per asset, currency per unit of power for one period; not copied
     * @return a new index sharing everything else
     * @throws IllegalArgumentException if {@code linear} has not one entry per asset
     */
    public MarketIndex withLinearCosts(double[] linear) {
        if (linear.length != b.length) {
            throw new IllegalArgumentException("linear costs have length " + linear.length + ", expected " + b.length);
        }
        return new MarketIndex(this, linear, pMin, pMax, from, to, gamma);
    }

    /**
     * The same market with other asset bounds (one pair per asset, not copied; {@code lo ≤ hi}):
     * e.g. the market of one period with its stores held idle.
     *
     * @param lo the new lower bound per asset, power unit; not copied
     * @param hi the new upper bound per asset, power unit; not copied
     * @return a new index sharing everything else
     * @throws IllegalArgumentException if a length is wrong or a lower bound is above its upper bound
     */
    public MarketIndex withBounds(double[] lo, double[] hi) {
        if (lo.length != pMin.length || hi.length != pMax.length) {
            throw new IllegalArgumentException("bounds have length " + lo.length + " and " + hi.length + ", expected " + pMin.length);
        }
        for (int s = 0; s < lo.length; s++) {
            if (!(lo[s] <= hi[s])) {
                throw new IllegalArgumentException("asset " + assetIds[s] + ": lower bound " + lo[s] + " above upper bound " + hi[s]);
            }
        }
        return new MarketIndex(this, b, lo, hi, from, to, gamma);
    }

    /**
     * The same market with only some of its trading pairs: {@code pairs} lists them (this index's
     * pair numbers, strictly ascending), and pair {@code i} of the result is pair {@code pairs[i]}
     * here (its arcs {@code 2i, 2i+1} are arcs {@code 2·pairs[i], 2·pairs[i]+1}). Agents and assets
     * are unchanged. How a solver works on the pairs that matter and prices out the rest.
     *
     * @param pairs pair numbers of this index, strictly ascending, each below {@link #numPairs()}
     * @return a new index with {@code 2·pairs.length} arcs
     * @throws IllegalArgumentException if {@code pairs} is not strictly ascending or out of range
     */
    public MarketIndex withPairs(int[] pairs) {
        int m = 2 * pairs.length;
        int[] f = new int[m];
        int[] t = new int[m];
        double[] g = new double[m];
        int previous = -1;
        for (int i = 0; i < pairs.length; i++) {
            int j = pairs[i];
            if (j <= previous || j >= numPairs()) {
                throw new IllegalArgumentException("pairs must be ascending pair numbers below " + numPairs() + ", got " + j
                        + " after " + previous);
            }
            previous = j;
            for (int d = 0; d < 2; d++) {
                f[2 * i + d] = from[2 * j + d];
                t[2 * i + d] = to[2 * j + d];
                g[2 * i + d] = gamma[2 * j + d];
            }
        }
        return new MarketIndex(this, b, pMin, pMax, f, t, g);
    }

    /** {@return the number of agents: declared agents, then grid legs} */
    public int numAgents() {
        return agentIds.length;
    }

    /** {@return the number of assets, grid legs' import and export assets included} */
    public int numAssets() {
        return assetIds.length;
    }

    /** {@return the number of directed arcs, always even (mirrored pairs)} */
    public int numArcs() {
        return from.length;
    }

    /** {@return the number of unordered trading pairs, {@code numArcs() / 2}} */
    public int numPairs() {
        return from.length >> 1;
    }

    /** {@return the index of the grid's first leg: the declared agents are {@code 0..firstGridLeg()-1}, the legs the rest} */
    public int firstGridLeg() {
        return firstGridLeg;
    }

    /** {@return the number of grid legs: one per agent that may trade with the grid, 0 for an islanded market} */
    public int numGridLegs() {
        return agentIds.length - firstGridLeg;
    }

    /**
     * Whether agent i is one of the grid's legs.
     *
     * @param i an agent index
     * @return {@code true} for {@code i >= firstGridLeg()}
     */
    public boolean isGridLeg(int i) {
        return i >= firstGridLeg;
    }

    /**
     * The grid leg whose single partner is agent i, or -1 when agent i may not trade with the grid.
     *
     * @param i a declared agent's index
     * @return a leg's agent index, or -1
     */
    public int gridLegOf(int i) {
        for (int q = arcStart[i]; q < arcStart[i + 1]; q++) {
            int j = to[arcsOf[q]];
            if (isGridLeg(j)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Agent i for a message: its id, and for a grid leg also the agent it trades with
     * ({@code grid (leg to h1)}), since every leg has the grid's id.
     *
     * @param i an agent index
     * @return the label for messages
     */
    public String agentLabel(int i) {
        if (!isGridLeg(i) || arcStart[i + 1] == arcStart[i]) {
            return agentIds[i];
        }
        return agentIds[i] + " (leg to " + agentIds[to[arcsOf[arcStart[i]]]] + ")";
    }

    /**
     * The id of agent i in the market ({@value Grid#AGENT_ID} for every grid leg).
     *
     * @param i an agent index
     * @return the agent's id
     */
    public String agentId(int i) {
        return agentIds[i];
    }

    /**
     * Index of a declared agent; the grid is no single index (see {@link #gridLegOf(int)}).
     *
     * @param id a declared agent's id
     * @return its index, below {@link #firstGridLeg()}
     * @throws IllegalArgumentException for an unknown id or the grid's
     */
    public int agentIndex(String id) {
        Integer i = agentLookup.get(id);
        if (i == null && isGrid(id)) {
            throw new IllegalArgumentException("The grid has one leg per agent that trades with it, not one index: use gridLegOf");
        }
        if (i == null) {
            throw new IllegalArgumentException("Unknown agent '" + id + "'");
        }
        return i;
    }

    /**
     * The id of asset s.
     *
     * @param s an asset index
     * @return its id; a grid leg's assets are {@value Grid#IMPORT_ASSET_ID} and {@value Grid#EXPORT_ASSET_ID}
     */
    public String assetId(int s) {
        return assetIds[s];
    }

    /** {@return the owning agent's index per asset; shared, do not modify} */
    public int[] assetOwner() {
        return assetOwner;
    }

    /** {@return the quadratic cost coefficient a per asset (f = ½ a p² + b p), currency per (power unit)² per period, ≥ 0; shared, do not modify} */
    public double[] a() {
        return a;
    }

    /** {@return the linear cost coefficient b per asset, currency per unit of power for one period; shared, do not modify} */
    public double[] b() {
        return b;
    }

    /** {@return the lower power bound per asset, power unit, signed, possibly −∞ for a grid leg; shared, do not modify} */
    public double[] pMin() {
        return pMin;
    }

    /** {@return the upper power bound per asset, power unit, possibly +∞ for a grid leg; shared, do not modify} */
    public double[] pMax() {
        return pMax;
    }

    /** {@return the CSR offsets of the agents' assets: agent i's are {@code assetStart()[i] .. assetStart()[i+1]-1}; {@code numAgents()+1} entries, shared, do not modify} */
    public int[] assetStart() {
        return assetStart;
    }

    /** {@return the selling-side agent index per arc ({@code t_k > 0}: {@code from[k]} sells to {@code to[k]}); shared, do not modify} */
    public int[] from() {
        return from;
    }

    /** {@return the partner agent index per arc; shared, do not modify} */
    public int[] to() {
        return to;
    }

    /** {@return the trade coefficient per arc, currency per unit of power traded for one period, ≥ 0; shared, do not modify} */
    public double[] gamma() {
        return gamma;
    }

    /** {@return the CSR offsets into {@link #arcsOf()}: agent i's outgoing arcs are {@code arcsOf()[arcStart()[i] .. arcStart()[i+1]-1]}; shared, do not modify} */
    public int[] arcStart() {
        return arcStart;
    }

    /** {@return the arc indices grouped by their from-agent (see {@link #arcStart()}); shared, do not modify} */
    public int[] arcsOf() {
        return arcsOf;
    }

    /**
     * The mirror of arc k (the same pair, the other direction).
     *
     * @param k an arc index
     * @return {@code k ^ 1}
     */
    public static int mirror(int k) {
        return k ^ 1;
    }

    /** {@return {@code true} when every asset cost is linear (a = 0): the market is an LP} */
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
