package org.peerclear.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, validated market: agents with assets, the declared trade graph, communities,
 * an optional grid agent and an optional network. Built with {@link #builder(String)}; every
 * rule of the market-case format is checked in {@link Builder#build()} and a violation raises
 * {@link InvalidMarketException}. Nothing is dropped or clamped.
 *
 * <p>The arcs offered to the market ({@link #arcs()}) are derived once: a declared pair of
 * agents outside any community is an arc pair; each community member is linked to its manager
 * only; the grid (if any) is linked to every agent that is not a community member. Arcs come
 * in mirrored pairs, {@code arcs().get(2k)} and {@code arcs().get(2k + 1)}, in a deterministic
 * order (the agents' declaration order, the grid last).
 */
public final class Market {
    private final String name;
    private final Units units;
    private final List<Agent> agents;
    private final TradeGraph tradeGraph;
    private final List<Community> communities;
    private final Grid grid;
    private final NetworkSpec network;
    private final IntegerRuleSpec integerRules;
    private final ProductClasses productClasses;
    private final NetworkTariff networkTariff;
    private final List<Arc> arcs;
    private final List<String> warnings;
    private final Map<String, Integer> agentIndex;

    private Market(Builder b) {
        this.name = b.name;
        this.units = b.units;
        this.agents = List.copyOf(b.agents);
        this.tradeGraph = b.tradeGraph;
        this.communities = List.copyOf(b.communities);
        this.grid = b.grid;
        this.network = b.network;
        this.integerRules = b.integerRules;
        this.productClasses = b.productClasses;
        this.networkTariff = b.networkTariff;
        this.agentIndex = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        validateAgents();
        CaseRulesCheck.check(this);
        Map<String, Community> memberOf = validateCommunities();
        validateNetwork();
        this.arcs = deriveArcs(memberOf, notes);
        this.warnings = List.copyOf(notes);
    }

    /**
     * Starts a market: kW/EUR/1 h units, a complete trade graph without fee, no grid, network or rules.
     *
     * @param name the market's name, carried into results; null or blank gives {@code market}
     * @return an empty builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** {@return a builder holding this market's data, to derive a variant; its {@code build()} validates again} */
    public Builder toBuilder() {
        Builder b = new Builder(name).units(units).tradeGraph(tradeGraph).grid(grid).network(network)
                .integerRules(integerRules).productClasses(productClasses).networkTariff(networkTariff);
        agents.forEach(b::agent);
        communities.forEach(b::community);
        return b;
    }

    /** {@return the market's name, never blank} */
    public String name() {
        return name;
    }

    /** {@return the units every number of the market is in} */
    public Units units() {
        return units;
    }

    /** {@return the declared agents, in declaration order (the grid agent is not among them); unmodifiable} */
    public List<Agent> agents() {
        return agents;
    }

    /**
     * A declared agent by id.
     *
     * @param id an agent id; not {@link Grid#AGENT_ID}, which is no declared agent
     * @return the agent
     * @throws IllegalArgumentException if no declared agent has that id
     */
    public Agent agent(String id) {
        Integer i = agentIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("Unknown agent '" + id + "'");
        }
        return agents.get(i);
    }

    /** {@return the trade graph as declared; {@link #arcs()} is what communities and the grid make of it} */
    public TradeGraph tradeGraph() {
        return tradeGraph;
    }

    /** {@return the communities in declaration order; empty for none} */
    public List<Community> communities() {
        return communities;
    }

    /** {@return the grid agent; empty for an islanded market} */
    public Optional<Grid> grid() {
        return Optional.ofNullable(grid);
    }

    /** {@return the integer rules of the case ({@link IntegerRuleSpec#NONE} for none): solved by method {@code milp} only} */
    public IntegerRuleSpec integerRules() {
        return integerRules;
    }

    /** {@return the declared product classes, premiums and whether classes clear in markets of their own ({@link ProductClasses#NONE} for none)} */
    public ProductClasses productClasses() {
        return productClasses;
    }

    /** {@return network charges, loss allocation, loss-aware clearing and tightening to AC ({@link NetworkTariff#NONE} for none)} */
    public NetworkTariff networkTariff() {
        return networkTariff;
    }

    /** {@return the feeder the market sits on; empty for a market without one} */
    public Optional<NetworkSpec> network() {
        return Optional.ofNullable(network);
    }

    /** {@return the directed arcs offered to the market, mirrored pairs adjacent (see class comment); unmodifiable} */
    public List<Arc> arcs() {
        return arcs;
    }

    /** {@return human-readable notes on things in the case that are valid but have no effect (e.g. an override on an arc a community removes)} */
    public List<String> warnings() {
        return warnings;
    }

    private void validateAgents() {
        if (agents.isEmpty()) {
            throw new InvalidMarketException("agents", "must list at least one agent");
        }
        Set<String> assetIds = new HashSet<>();
        for (Agent a : agents) {
            if (Grid.AGENT_ID.equals(a.id())) {
                throw new InvalidMarketException("agents[" + a.id() + "].id",
                        "'" + Grid.AGENT_ID + "' is reserved for the grid agent");
            }
            if (agentIndex.put(a.id(), agentIndex.size()) != null) {
                throw new InvalidMarketException("agents[" + a.id() + "].id", "duplicate agent id '" + a.id() + "'");
            }
            for (Asset s : a.assets()) {
                if (s.id().equals(Grid.IMPORT_ASSET_ID) || s.id().equals(Grid.EXPORT_ASSET_ID)) {
                    throw new InvalidMarketException("agents[" + a.id() + "].assets[" + s.id() + "].id",
                            "'" + s.id() + "' is reserved for the grid agent");
                }
                if (!assetIds.add(s.id())) {
                    throw new InvalidMarketException("agents[" + a.id() + "].assets[" + s.id() + "].id",
                            "duplicate asset id '" + s.id() + "'");
                }
            }
        }
    }

    private Map<String, Community> validateCommunities() {
        Map<String, Community> memberOf = new HashMap<>();
        Map<String, Community> managerOf = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Community c : communities) {
            String at = "communities[" + c.id() + "]";
            if (!ids.add(c.id())) {
                throw new InvalidMarketException(at + ".id", "duplicate community id '" + c.id() + "'");
            }
            if (!agentIndex.containsKey(c.manager())) {
                throw new InvalidMarketException(at + ".manager", "unknown agent '" + c.manager() + "'");
            }
            Community other = managerOf.put(c.manager(), c);
            if (other != null) {
                throw new InvalidMarketException(at + ".manager", "agent '" + c.manager()
                        + "' already manages community '" + other.id() + "' (an agent manages at most one community)");
            }
        }
        for (Community c : communities) {
            String at = "communities[" + c.id() + "].members";
            for (String m : c.members()) {
                if (!agentIndex.containsKey(m)) {
                    throw new InvalidMarketException(at, "unknown agent '" + m + "'");
                }
                if (managerOf.containsKey(m)) {
                    throw new InvalidMarketException(at, "agent '" + m + "' manages community '" + managerOf.get(m).id()
                            + "' and cannot also be a member of one");
                }
                Community prev = memberOf.put(m, c);
                if (prev != null) {
                    throw new InvalidMarketException(at, prev == c ? "agent '" + m + "' is listed twice"
                            : "agent '" + m + "' is already a member of community '" + prev.id()
                            + "' (an agent belongs to at most one community)");
                }
            }
        }
        return memberOf;
    }

    private void validateNetwork() {
        if (network == null) {
            return;
        }
        for (Agent a : agents) {
            if (!a.assets().isEmpty() && a.bus() == null) {
                throw new InvalidMarketException("agents[" + a.id() + "].bus",
                        "is required when the market has a network and the agent has assets");
            }
        }
    }

    private List<Arc> deriveArcs(Map<String, Community> memberOf, List<String> notes) {
        int n = agents.size();
        int gridIndex = grid == null ? -1 : n;
        boolean complete = tradeGraph.kind() == TradeGraph.Kind.COMPLETE;
        boolean[] member = new boolean[n];
        for (int i = 0; i < n; i++) {
            member[i] = memberOf.containsKey(agents.get(i).id());
        }
        // Declared pairs (a set only when listed: "complete" is tested by rule, not stored).
        PairTable declared = new PairTable(tradeGraph.pairs().size());
        if (tradeGraph.kind() == TradeGraph.Kind.PAIRS) {
            for (int k = 0; k < tradeGraph.pairs().size(); k++) {
                List<String> p = tradeGraph.pairs().get(k);
                String at = "trades.graph[" + k + "]";
                int i = indexOfDeclared(p.get(0), at);
                int j = indexOfDeclared(p.get(1), at);
                if (i == j) {
                    throw new InvalidMarketException(at, "pair [" + p.get(0) + ", " + p.get(1) + "] joins an agent to itself");
                }
                if (!declared.add(key(i, j))) {
                    throw new InvalidMarketException(at, "pair [" + p.get(0) + ", " + p.get(1) + "] is listed twice");
                }
            }
        }
        // Effective pairs: declared ones between non-members, member–manager links, grid links.
        List<Long> effective = new ArrayList<>();
        if (complete) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n && !member[i]; j++) {
                    if (!member[j]) {
                        effective.add(key(i, j));
                    }
                }
            }
        } else {
            for (long pair : declared.keys()) {
                if (!member[(int) (pair >>> 32)] && !member[(int) pair]) {
                    effective.add(pair);
                }
            }
        }
        for (Community c : communities) {
            int mgr = agentIndex.get(c.manager());
            for (String m : c.members()) {
                effective.add(key(agentIndex.get(m), mgr));
            }
        }
        for (int i = 0; gridIndex >= 0 && i < n; i++) {
            if (!member[i]) {
                effective.add(key(i, gridIndex));
            }
        }
        effective.sort(null);
        PairTable effectiveSet = new PairTable(effective.size());
        effective.forEach(effectiveSet::add);
        // Gamma: the fee, then the overrides.
        PairTable gamma = new PairTable(tradeGraph.overrides().size());
        for (int k = 0; k < tradeGraph.overrides().size(); k++) {
            Arc o = tradeGraph.overrides().get(k);
            String at = "trades.arcs[" + k + "]";
            int from = indexOfAny(o.from(), at + ".from", gridIndex);
            int to = indexOfAny(o.to(), at + ".to", gridIndex);
            if (from == to) {
                throw new InvalidMarketException(at, "arc " + o.from() + "->" + o.to() + " joins an agent to itself");
            }
            long pair = key(from, to);
            boolean inDeclared = from != gridIndex && to != gridIndex && (complete || declared.contains(pair));
            if (!inDeclared && !effectiveSet.contains(pair)) {
                throw new InvalidMarketException(at, "arc " + o.from() + "->" + o.to() + " is not in the trade graph");
            }
            long directed = ((long) from << 32) | to;
            if (!gamma.put(directed, o.gamma())) {
                throw new InvalidMarketException(at, "arc " + o.from() + "->" + o.to() + " is overridden twice");
            }
            if (!effectiveSet.contains(pair)) {
                notes.add("trades.arcs[" + k + "] " + o.from() + "->" + o.to()
                        + " has no effect: a community restricts that pair from trading");
            }
        }
        List<Arc> result = new ArrayList<>(2 * effective.size());
        for (long p : effective) {
            int i = (int) (p >>> 32);
            int j = (int) p;
            result.add(new Arc(idOf(i), idOf(j), gamma.get(((long) i << 32) | j, tradeGraph.fee())));
            result.add(new Arc(idOf(j), idOf(i), gamma.get(((long) j << 32) | i, tradeGraph.fee())));
        }
        return Collections.unmodifiableList(result);
    }

    private String idOf(int i) {
        return i == agents.size() ? Grid.AGENT_ID : agents.get(i).id();
    }

    private int indexOfDeclared(String id, String at) {
        Integer i = agentIndex.get(id);
        if (i == null) {
            throw new InvalidMarketException(at, "unknown agent '" + id + "'");
        }
        return i;
    }

    private int indexOfAny(String id, String at, int gridIndex) {
        if (gridIndex >= 0 && Grid.AGENT_ID.equals(id)) {
            return gridIndex;
        }
        return indexOfDeclared(id, at);
    }

    private static long key(int i, int j) {
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        return ((long) lo << 32) | hi;
    }

    @Override
    public String toString() {
        return "Market[" + name + ", " + agents.size() + " agents, " + arcs.size() + " arcs, " + communities.size()
                + " communities" + (grid != null ? ", grid" : "") + (network != null ? ", network " + network.feeder() : "") + "]";
    }

    /** Collects a market's parts; {@link #build()} validates them all. */
    public static final class Builder {
        private final String name;
        private Units units = Units.DEFAULT;
        private final List<Agent> agents = new ArrayList<>();
        private TradeGraph tradeGraph = TradeGraph.complete(0.0, List.of());
        private final List<Community> communities = new ArrayList<>();
        private Grid grid;
        private NetworkSpec network;
        private IntegerRuleSpec integerRules = IntegerRuleSpec.NONE;
        private ProductClasses productClasses = ProductClasses.NONE;
        private NetworkTariff networkTariff = NetworkTariff.NONE;

        private Builder(String name) {
            this.name = name == null || name.isBlank() ? "market" : name;
        }

        /**
         * Sets the units (default {@link Units#DEFAULT}).
         *
         * @param u not null
         * @return this builder
         */
        public Builder units(Units u) {
            this.units = Objects.requireNonNull(u, "units");
            return this;
        }

        /**
         * Adds an agent after those added so far.
         *
         * @param a not null; its id must be unique, which {@link #build()} checks
         * @return this builder
         */
        public Builder agent(Agent a) {
            agents.add(Objects.requireNonNull(a, "agent"));
            return this;
        }

        /**
         * Adds agents in list order.
         *
         * @param list the agents, none null
         * @return this builder
         */
        public Builder agents(List<Agent> list) {
            list.forEach(this::agent);
            return this;
        }

        /**
         * Sets the declared trade graph (default: complete, no fee).
         *
         * @param g not null
         * @return this builder
         */
        public Builder tradeGraph(TradeGraph g) {
            this.tradeGraph = Objects.requireNonNull(g, "tradeGraph");
            return this;
        }

        /**
         * Adds a community.
         *
         * @param c not null; its manager and members must be declared agents, which {@link #build()} checks
         * @return this builder
         */
        public Builder community(Community c) {
            communities.add(Objects.requireNonNull(c, "community"));
            return this;
        }

        /**
         * Sets the grid agent.
         *
         * @param g the tariff, or null for an islanded market
         * @return this builder
         */
        public Builder grid(Grid g) {
            this.grid = g;
            return this;
        }

        /**
         * Sets the feeder; loaded and checked against the agents' buses by {@link #build()}.
         *
         * @param n the network, or null for a market without a feeder
         * @return this builder
         */
        public Builder network(NetworkSpec n) {
            this.network = n;
            return this;
        }

        /**
         * Sets the integer rules (default none).
         *
         * @param r not null; {@link IntegerRuleSpec#NONE} for none
         * @return this builder
         */
        public Builder integerRules(IntegerRuleSpec r) {
            this.integerRules = Objects.requireNonNull(r, "integerRules");
            return this;
        }

        /**
         * Sets the product classes (default none).
         *
         * @param c not null; {@link ProductClasses#NONE} for none
         * @return this builder
         */
        public Builder productClasses(ProductClasses c) {
            this.productClasses = Objects.requireNonNull(c, "productClasses");
            return this;
        }

        /**
         * Sets the network tariff (default none).
         *
         * @param t not null; {@link NetworkTariff#NONE} for none
         * @return this builder
         */
        public Builder networkTariff(NetworkTariff t) {
            this.networkTariff = Objects.requireNonNull(t, "networkTariff");
            return this;
        }

        /**
         * Validates every rule of the market-case format and derives the arcs.
         *
         * @return the market
         * @throws InvalidMarketException naming the first field that breaks a rule
         */
        public Market build() {
            return new Market(this);
        }
    }
}
