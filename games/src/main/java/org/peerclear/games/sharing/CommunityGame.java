package org.peerclear.games.sharing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.IntegerRuleSpec;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkTariff;
import org.peerclear.model.ProductClasses;
import org.peerclear.opt.Status;
import org.peerclear.result.AssetResult;
import org.peerclear.result.ClearingResult;

/**
 * The savings game of a market case: the players are its agents with assets, the cost
 * {@code c(S)} of a coalition is the objective of clearing the case with only S's players
 * trading (the market of {@link CoalitionMarkets}: asset costs, grid costs and fees), and the
 * value is what the coalition saves against its members each alone with the grid:
 * {@code v(S) = Σ_{i ∈ S} c({i}) − c(S)}.
 *
 * <p>A case over several periods whose periods are independent (every asset flexible, no ramp
 * limit) costs the sum of its periods' costs. Storage, EVs, shiftable loads and ramps couple the
 * periods: each coalition's market is then cleared over the whole horizon at once (the central
 * horizon clearing, {@code HorizonClearing}), which is slow (one problem over every period per
 * coalition) but exact. Integer rules, product classes and network tariffs are refused (a
 * coalition is cleared by method {@code qp}, which takes none of them).
 *
 * <h2>Evaluators</h2>
 * Coalition clearings are the cost of every sharing method, so there are three ways to make one,
 * all giving c(S) as defined (to the exact engine's tolerance):
 * <ul>
 *   <li>{@link Evaluator#POOL}: a community or a complete graph at one pair fee, one period, no
 *       network ({@link PoolCost}): the clearing in closed form, incremental, {@code O(log)} per
 *       player added or removed;</li>
 *   <li>{@link Evaluator#FLOW}: any one-period case without a network: the exact engine on the
 *       case's index restricted to the coalition, warm-started from the previous coalition's prices;</li>
 *   <li>{@link Evaluator#CLEARING}: any case: method {@code qp} on the coalition's market.</li>
 * </ul>
 * {@link Evaluator#AUTO} takes the first that applies.
 */
public final class CommunityGame implements Game {
    /** How coalition costs are computed (see class comment). */
    public enum Evaluator {
        /** The first of POOL, FLOW, CLEARING that applies to the case. */
        AUTO,
        /** The closed form of a pool (one community, or a complete graph at one fee), one period, no network. */
        POOL,
        /** The exact engine on the restricted index; no network. */
        FLOW,
        /** Method {@code qp} on each coalition's market. */
        CLEARING
    }

    private final String name;
    private final List<String> players;
    /** The periods' markets of a case whose periods are independent; null for a coupled horizon. */
    private final List<Market> periods;
    /** The case when its periods are coupled; null otherwise. */
    private final HorizonMarket coupled;
    private final CoalitionCost cost;
    private final Evaluator evaluator;
    private final double[] standalone;
    private final List<String> notes;
    private double[] energy;

    private CommunityGame(String name, List<String> players, List<Market> periods, HorizonMarket coupled, CoalitionCost cost,
                          Evaluator evaluator, List<String> notes) {
        this.name = name;
        this.players = List.copyOf(players);
        this.periods = periods;
        this.coupled = coupled;
        this.cost = cost;
        this.evaluator = evaluator;
        this.notes = List.copyOf(notes);
        this.standalone = new double[players.size()];
        CoalitionCost.State s = cost.state();
        for (int p = 0; p < standalone.length; p++) {
            s.set(p, true);
            standalone[p] = costOf(s, p);
            s.set(p, false);
        }
    }

    /** The game of independent periods (one for a one-period case), each with the evaluator that applies. */
    private static CommunityGame ofPeriods(String name, List<Market> periods, Evaluator requested) {
        for (Market m : periods) {
            refuseUnsupported(m);
        }
        List<String> players = CoalitionMarkets.players(periods.get(0));
        if (players.isEmpty()) {
            throw new IllegalArgumentException("market '" + name + "' has no agent with assets: nobody to share savings among");
        }
        ClearingMethod qp = ClearingMethods.load().get("qp");
        List<String> found = new ArrayList<>();
        List<CoalitionCost> costs = new ArrayList<>();
        Evaluator used = null;
        for (int t = 0; t < periods.size(); t++) {
            Market m = periods.get(t);
            MarketIndex ix = MarketIndex.of(m);
            int[] playerAgent = new int[players.size()];
            for (int p = 0; p < playerAgent.length; p++) {
                playerAgent[p] = ix.agentIndex(players.get(p));
            }
            ClearingCost clearing = new ClearingCost(m, players, qp);
            PoolCost.Detection pool = requested == Evaluator.AUTO || requested == Evaluator.POOL
                    ? PoolCost.detect(m, ix, playerAgent) : null;
            Evaluator e;
            CoalitionCost c;
            if (pool != null && pool.pool() != null) {
                e = Evaluator.POOL;
                c = pool.pool();
                if (t == 0) {
                    found.add("coalition costs in closed form (pool): " + pool.pool().structure());
                }
            } else if (requested == Evaluator.POOL) {
                throw new IllegalArgumentException("market '" + name + "' is no pool (" + pool.reason()
                        + "): use evaluator FLOW or CLEARING");
            } else if (requested != Evaluator.CLEARING && m.network().isEmpty()) {
                e = Evaluator.FLOW;
                c = new FlowCost(m, ix, playerAgent, players, clearing);
                if (t == 0) {
                    found.add("coalition costs by the exact engine (flow) on the restricted index"
                            + (pool != null ? " (no pool: " + pool.reason() + ")" : ""));
                }
            } else if (requested == Evaluator.FLOW) {
                throw new IllegalArgumentException("evaluator FLOW takes no network: market '" + name + "' has one;"
                        + " use CLEARING");
            } else {
                e = Evaluator.CLEARING;
                c = clearing;
                if (t == 0) {
                    found.add("coalition costs by method qp on each coalition's market");
                }
            }
            // Several periods may differ (one a pool, another not): the game reports the most general.
            used = used == null || e.ordinal() > used.ordinal() ? e : used;
            costs.add(c);
        }
        if (periods.size() > 1) {
            found.add(periods.size() + " independent periods: a coalition's cost is the sum of its periods' costs");
        }
        return new CommunityGame(name, players, List.copyOf(periods), null, costs.size() == 1 ? costs.get(0) : new SumCost(costs),
                used, found);
    }

    private double costOf(CoalitionCost.State s, int player) {
        try {
            return s.cost();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("player '" + players.get(player) + "' of market '" + name
                    + "' cannot clear alone, so its savings are undefined: " + e.getMessage(), e);
        }
    }

    private static void refuseUnsupported(Market m) {
        List<String> what = new ArrayList<>();
        if (m.integerRules() != IntegerRuleSpec.NONE) {
            what.add("integer rules");
        }
        if (m.productClasses() != ProductClasses.NONE) {
            what.add("product classes");
        }
        if (m.networkTariff() != NetworkTariff.NONE) {
            what.add("a network tariff");
        }
        if (!what.isEmpty()) {
            throw new IllegalArgumentException("sharing clears coalitions by method qp, which takes no " + String.join(", ", what)
                    + ": market '" + m.name() + "' has " + String.join(", ", what));
        }
    }

    /**
     * The game of a one-period case, with the first evaluator that applies.
     *
     * @param market the case
     * @return its savings game
     * @throws IllegalArgumentException if the case has no player, features a coalition clearing does not take, or a
     *                                  player cannot clear alone
     */
    public static CommunityGame of(Market market) {
        return of(market, Evaluator.AUTO);
    }

    /**
     * The game of a one-period case.
     *
     * @param market    the case
     * @param evaluator how coalition costs are computed
     * @return its savings game
     * @throws IllegalArgumentException if the evaluator does not apply to the case (saying why), the case has no
     *                                  player or features a coalition clearing does not take, or a player cannot
     *                                  clear alone
     */
    public static CommunityGame of(Market market, Evaluator evaluator) {
        return ofPeriods(market.name(), List.of(market), Objects.requireNonNull(evaluator, "evaluator"));
    }

    /**
     * The game of a case over a horizon, with the first evaluator that applies (see class comment).
     *
     * @param market the case
     * @return its savings game
     * @throws IllegalArgumentException as {@link #of(Market)}
     */
    public static CommunityGame of(HorizonMarket market) {
        return of(market, Evaluator.AUTO);
    }

    /**
     * The game of a case over a horizon. Independent periods are evaluated one by one with the
     * evaluator, and their costs summed; periods coupled by assets with memory or ramps take
     * {@link Evaluator#CLEARING} (or AUTO) only: each coalition's market over the whole horizon.
     *
     * @param market    the case
     * @param evaluator how coalition costs are computed
     * @return its savings game
     * @throws IllegalArgumentException if the periods are coupled and the evaluator is POOL or FLOW, or as
     *                                  {@link #of(Market, Evaluator)}
     */
    public static CommunityGame of(HorizonMarket market, Evaluator evaluator) {
        Objects.requireNonNull(evaluator, "evaluator");
        List<String> coupling = new ArrayList<>();
        for (HorizonAgent a : market.agents()) {
            for (HorizonAsset s : a.assets()) {
                if (!(s instanceof FlexibleAsset)) {
                    coupling.add(s.id());
                }
            }
        }
        if (coupling.isEmpty() && market.rampMax().isEmpty()) {
            List<Market> ps = new ArrayList<>();
            for (int t = 0; t < market.periods(); t++) {
                ps.add(market.period(t));
            }
            return ofPeriods(market.name(), ps, evaluator);
        }
        String why = coupling.isEmpty() ? "ramp limits" : "assets with memory (" + String.join(", ",
                coupling.subList(0, Math.min(5, coupling.size()))) + (coupling.size() > 5 ? ", ..." : "") + ")";
        if (evaluator == Evaluator.POOL || evaluator == Evaluator.FLOW) {
            throw new IllegalArgumentException("in market '" + market.name() + "' " + why + " couple the periods: evaluator "
                    + evaluator + " clears one period at a time; use CLEARING (or AUTO)");
        }
        List<String> players = CoalitionMarkets.players(market);
        if (players.isEmpty()) {
            throw new IllegalArgumentException("market '" + market.name() + "' has no agent with assets: nobody to share savings"
                    + " among");
        }
        return new CommunityGame(market.name(), players, null, market, new HorizonCost(market, players), Evaluator.CLEARING,
                List.of(why + " couple the " + market.periods() + " periods: coalition costs by the central horizon clearing"
                        + " of each coalition's market"));
    }

    @Override
    public int players() {
        return players.size();
    }

    @Override
    public String playerName(int player) {
        return players.get(player);
    }

    /** {@return the players' agent ids, in the case's order; player i is {@code playerIds().get(i)}} */
    public List<String> playerIds() {
        return players;
    }

    /** {@return the evaluator in use (never AUTO; with periods of different kinds, the most general)} */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** {@return how coalition costs are computed and coalition markets built, for a result's notes} */
    public List<String> notes() {
        return notes;
    }

    /** {@return the number of periods (1 for a one-period case)} */
    public int periods() {
        return periods != null ? periods.size() : coupled.periods();
    }

    /**
     * A player's cost alone, c({i}).
     *
     * @param player a player index
     * @return currency (summed over periods)
     */
    public double standaloneCost(int player) {
        return standalone[player];
    }

    /**
     * A coalition's cost c(S).
     *
     * @param members the members' agent ids, each a player
     * @return currency (summed over periods); 0 for the empty coalition
     * @throws IllegalArgumentException if an id is not a player
     * @throws IllegalStateException    if the coalition's market is infeasible
     */
    public double cost(Set<String> members) {
        if (members.isEmpty()) {
            return 0.0;
        }
        CoalitionCost.State s = cost.state();
        Map<String, Integer> index = index();
        for (String id : members) {
            Integer p = index.get(id);
            if (p == null) {
                throw new IllegalArgumentException("'" + id + "' is not a player of market '" + name + "'");
            }
            s.set(p, true);
        }
        return s.cost();
    }

    private Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < players.size(); p++) {
            index.put(players.get(p), p);
        }
        return index;
    }

    /** {@return the grand coalition's cost c(N): the case's own clearing objective} */
    public double grandCoalitionCost() {
        return cost(new LinkedHashSet<>(players));
    }

    /**
     * Each player's energy in the grand coalition's clearing, the weights of the proportional split:
     * the sum of {@code |p|} of its assets over the periods, from method {@code qp} on the case (each
     * period's market; the horizon clearing when the periods are coupled), computed once.
     *
     * @return per player, power unit × periods
     * @throws IllegalStateException if a period's clearing is not optimal
     */
    public synchronized double[] grandCoalitionEnergy() {
        if (energy == null) {
            double[] e = new double[players.size()];
            Map<String, Integer> index = index();
            if (coupled != null) {
                Horizon h = Horizons.of(coupled);
                HorizonResult r = new HorizonCost(coupled, players).clearCoalition(new LinkedHashSet<>(players));
                for (int t = 0; t < h.length(); t++) {
                    MarketIndex ix = h.periods().get(t);
                    for (int s = 0; s < ix.numAssets(); s++) {
                        Integer p = index.get(ix.agentId(ix.assetOwner()[s]));
                        if (p != null) {
                            e[p] += Math.abs(r.assetPower()[t][s]);
                        }
                    }
                }
            } else {
                ClearingMethod qp = ClearingMethods.load().get("qp");
                for (Market m : periods) {
                    Map<String, Integer> owner = new HashMap<>();
                    for (Agent a : m.agents()) {
                        Integer p = index.get(a.id());
                        if (p != null) {
                            a.assets().forEach(s -> owner.put(s.id(), p));
                        }
                    }
                    ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
                    if (r.status() != Status.OPTIMAL) {
                        throw new IllegalStateException("the grand coalition's clearing of '" + m.name() + "' ended " + r.status()
                                + ": " + r.message());
                    }
                    for (AssetResult s : r.assets()) {
                        Integer p = owner.get(s.id());
                        if (p != null) {
                            e[p] += Math.abs(s.p());
                        }
                    }
                }
            }
            energy = e;
        }
        return energy.clone();
    }

    @Override
    public Coalition coalition() {
        return new Members(cost.state());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CommunityGame[%s, %d players, %d periods, %s]", name, players.size(), periods(),
                evaluator);
    }

    /** The members, the sum of their costs alone, and the cost state. */
    private final class Members implements Coalition {
        private final CoalitionCost.State state;
        private final boolean[] member = new boolean[players.size()];
        private int size;
        private double alone;

        Members(CoalitionCost.State state) {
            this.state = state;
        }

        @Override
        public void add(int player) {
            Objects.checkIndex(player, member.length);
            if (member[player]) {
                throw new IllegalArgumentException("player " + players.get(player) + " is already a member");
            }
            member[player] = true;
            size++;
            alone += standalone[player];
            state.set(player, true);
        }

        @Override
        public void remove(int player) {
            Objects.checkIndex(player, member.length);
            if (!member[player]) {
                throw new IllegalArgumentException("player " + players.get(player) + " is not a member");
            }
            member[player] = false;
            size--;
            alone -= standalone[player];
            state.set(player, false);
        }

        @Override
        public boolean contains(int player) {
            return member[player];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public double value() {
            if (size == 0) {
                return 0.0;
            }
            return alone - state.cost();
        }

        @Override
        public void clear() {
            Arrays.fill(member, false);
            size = 0;
            alone = 0.0;
            state.clear();
        }
    }
}
