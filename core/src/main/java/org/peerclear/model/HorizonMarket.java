package org.peerclear.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An immutable, validated market over a horizon of {@code T = periods()} periods (version 2 of
 * the market case). The agents, ids, declared trade graph, communities and network are the same
 * in every period; asset, grid and fee numbers may vary by period ({@link Series}); storage,
 * EVs and shiftable loads couple the periods through their energy; flexible assets may have a
 * ramp limit.
 *
 * <h2>The period view</h2>
 * {@link #period(int) period(t)} is the complete version-1 {@link Market} of period {@code t}:
 * every number at its value in period {@code t}, the arcs derived as for any market. In it each
 * typed asset also appears, among its agent's assets in declared order, as an ordinary asset
 * with zero cost and that period's injection bounds:
 * <ul>
 *   <li>{@link Storage}: {@code [−chargeMax, dischargeMax]};</li>
 *   <li>{@link Ev}: the same while connected ({@code arrival <= t < departure}), {@code [0, 0]}
 *       otherwise;</li>
 *   <li>{@link Shiftable}: {@code [−pMax, 0]} inside its window, {@code [0, 0]} outside.</li>
 * </ul>
 * So a formulation over the horizon builds the {@code T} ordinary single-period problems from
 * the period markets and adds the coupling rows from the typed records ({@link #storage()},
 * {@link #evs()}, or both as {@link #energyStores()}; {@link #shiftables()}, {@link #rampMax()}):
 * <ul>
 *   <li>storage and EVs: split {@code p_t = d_t − c_t} with {@code 0 <= c_t <= chargeMax},
 *       {@code 0 <= d_t <= dischargeMax}; energy
 *       {@code E_{t+1} = E_t + periodHours·(chargeEfficiency·c_t − d_t/dischargeEfficiency)},
 *       {@code E_0 = energyInitial} (an EV: {@code E_arrival}), {@code energyMin <= E_t <= energyMax}
 *       for {@code t = 0..T}; terminal {@code E_T >= energyFinal} (an EV:
 *       {@code E_departure >= energyRequired}); cost {@code cycleCost·periodHours·d_t};</li>
 *   <li>shiftable: {@code −periodHours·Σ_{window} p_t = energy};</li>
 *   <li>ramps: {@code |p_t − p_{t−1}| <= rampMax} for {@code t = 1..T−1}.</li>
 * </ul>
 * The zero cost of a typed asset in the period view is deliberate: its cost (the cycle cost)
 * depends on the split into charge and discharge, which only the coupling rows have.
 *
 * <p>Units: powers are in the market's power unit, energies in that unit times hours (kWh for
 * kW), a period lasts {@code units().periodHours()} hours; costs and prices are per period as in
 * version 1.
 *
 * <p>Validation ({@link Builder#build()}): every per-period series has exactly {@code T} values;
 * the version-1 rules hold in every period (a message names the period); EV and shiftable windows
 * end by {@code T}; ramps name flexible assets; the structure is that of a valid {@link Market}.
 * What depends on reaching an energy in time (an EV's requirement, a shiftable load's energy, a
 * storage's {@code energyFinal}) is not checked: that is an infeasibility the clearing reports.
 *
 * <p>{@link #period(int)} builds the period's market on each call (a year of quarter-hours would
 * not fit as 35,040 markets): keep it when used more than once.
 */
public final class HorizonMarket {
    private final String name;
    private final Units units;
    private final int periods;
    private final List<HorizonAgent> agents;
    private final HorizonTrades trades;
    private final List<Community> communities;
    private final HorizonGrid grid;
    private final NetworkSpec network;
    private final Map<String, Double> rampMax;
    private final TradeGraph structure;

    private HorizonMarket(Builder b) {
        this.name = b.name;
        this.units = b.units;
        this.periods = b.periods;
        this.agents = List.copyOf(b.agents);
        this.trades = b.trades;
        this.communities = List.copyOf(b.communities);
        this.grid = b.grid;
        this.network = b.network;
        this.rampMax = Collections.unmodifiableMap(new LinkedHashMap<>(b.rampMax));
        if (periods < 1) {
            throw new InvalidMarketException("periods", "must be >= 1, got " + periods);
        }
        this.structure = trades.structure();
        validatePeriods();
        // The structure's rules (ids, graph, communities, network) are those of any market.
        period(0);
    }

    /**
     * Starts a horizon: kW/EUR/1 h units, a complete trade graph without fee, no grid or network.
     *
     * @param name    the market's name; null or blank gives {@code market}
     * @param periods the number of periods T; {@link Builder#build()} refuses less than 1
     * @return an empty builder
     */
    public static Builder builder(String name, int periods) {
        return new Builder(name, periods);
    }

    /**
     * The market as a horizon of one period, every asset flexible.
     *
     * @param m a one-period market; its integer rules, product classes and network tariff are not carried over
     * @return the horizon
     */
    public static HorizonMarket of(Market m) {
        Builder b = builder(m.name(), 1).units(m.units()).trades(HorizonTrades.of(m.tradeGraph())).network(m.network().orElse(null));
        for (Agent a : m.agents()) {
            b.agent(new HorizonAgent(a.id(), a.bus(), a.productClass(),
                    a.assets().stream().<HorizonAsset>map(s -> FlexibleAsset.of(a.id(), s)).toList()));
        }
        m.communities().forEach(b::community);
        m.grid().ifPresent(g -> b.grid(HorizonGrid.of(g)));
        return b.build();
    }

    /** {@return the market's name, never blank} */
    public String name() {
        return name;
    }

    /** {@return the units every number of the market is in; a period lasts {@code periodHours}} */
    public Units units() {
        return units;
    }

    /** {@return the number of periods T, at least 1} */
    public int periods() {
        return periods;
    }

    /**
     * The version-1 market of period {@code t} (see the class comment), built anew on each call.
     *
     * @param t a period, {@code 0..T-1}
     * @return that period's market, validated
     * @throws IndexOutOfBoundsException if {@code t} is not a period
     */
    public Market period(int t) {
        Objects.checkIndex(t, periods);
        Market.Builder b = Market.builder(name).units(units).tradeGraph(trades.inPeriod(t, structure))
                .grid(grid == null ? null : grid.inPeriod(t)).network(network);
        for (HorizonAgent a : agents) {
            b.agent(a.inPeriod(t));
        }
        communities.forEach(b::community);
        return b.build();
    }

    /**
     * True when the horizon is more than one {@link Market}: more than one period, or an asset
     * with memory. (A ramp limit over one period constrains nothing.)
     *
     * @return {@code false} when {@code period(0)} is the whole market
     */
    public boolean needsHorizon() {
        return periods > 1 || agents.stream().anyMatch(a -> a.assets().stream().anyMatch(s -> !(s instanceof FlexibleAsset)));
    }

    /** {@return the agents with their assets, in declared order; unmodifiable} */
    public List<HorizonAgent> agents() {
        return agents;
    }

    /** {@return the declared trade graph, its fee and overrides per period} */
    public HorizonTrades trades() {
        return trades;
    }

    /** {@return the communities, the same in every period; empty for none} */
    public List<Community> communities() {
        return communities;
    }

    /** {@return the grid's tariff per period; empty for an islanded market} */
    public Optional<HorizonGrid> grid() {
        return Optional.ofNullable(grid);
    }

    /** {@return the feeder, the same in every period; empty for a market without one} */
    public Optional<NetworkSpec> network() {
        return Optional.ofNullable(network);
    }

    /** {@return the storage assets, in declared order; unmodifiable} */
    public List<Storage> storage() {
        return typed(Storage.class);
    }

    /** {@return the EVs, in declared order; unmodifiable} */
    public List<Ev> evs() {
        return typed(Ev.class);
    }

    /** {@return the storage assets and EVs together, in declared order: one set of energy rows serves both} */
    public List<EnergyStore> energyStores() {
        return typed(EnergyStore.class);
    }

    /** {@return the shiftable loads, in declared order; unmodifiable} */
    public List<Shiftable> shiftables() {
        return typed(Shiftable.class);
    }

    /** {@return the ramp limits (power unit, change per period) by flexible asset id, in declared order; an absent asset has no limit} */
    public Map<String, Double> rampMax() {
        return rampMax;
    }

    /**
     * One asset's ramp limit.
     *
     * @param assetId an asset id
     * @return the most {@code |p_t − p_{t−1}|}, power unit; empty for no limit (or an unknown id)
     */
    public OptionalDouble rampMax(String assetId) {
        Double r = rampMax.get(assetId);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r);
    }

    private <T extends HorizonAsset> List<T> typed(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (HorizonAgent a : agents) {
            for (HorizonAsset s : a.assets()) {
                if (type.isInstance(s)) {
                    out.add(type.cast(s));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private void validatePeriods() {
        for (HorizonAgent a : agents) {
            for (HorizonAsset s : a.assets()) {
                validateAsset(s);
            }
        }
        if (grid != null) {
            length(grid.importPrice(), "grid.importPrice");
            length(grid.exportPrice(), "grid.exportPrice");
            length(grid.importMax(), "grid.importMax");
            length(grid.exportMax(), "grid.exportMax");
            finiteWhenPerPeriod(grid.importMax(), "grid.importMax");
            finiteWhenPerPeriod(grid.exportMax(), "grid.exportMax");
            everyPeriod(grid.isConstant(), t -> grid.inPeriod(t));
        }
        length(trades.fee(), "trades.fee");
        everyPeriod(trades.fee().isConstant(), t -> Checks.nonNegative("trades.fee", trades.fee().at(t)));
        for (int k = 0; k < trades.overrides().size(); k++) {
            Series gamma = trades.overrides().get(k).gamma();
            String at = "trades.arcs[" + k + "].gamma";
            length(gamma, at);
            everyPeriod(gamma.isConstant(), t -> {
                if (gamma.at(t) < 0) {
                    throw new InvalidMarketException(at, "must be >= 0, got " + gamma.at(t)
                            + " (a negative gamma would make the problem non-convex; express preferences as penalties on what is not preferred)");
                }
                Checks.inRange(at, gamma.at(t));
            });
        }
        Map<String, HorizonAsset> assets = new LinkedHashMap<>();
        agents.forEach(a -> a.assets().forEach(s -> assets.putIfAbsent(s.id(), s)));
        for (Map.Entry<String, Double> r : rampMax.entrySet()) {
            HorizonAsset s = assets.get(r.getKey());
            if (s == null) {
                throw new InvalidMarketException("rampMax[" + r.getKey() + "]", "unknown asset '" + r.getKey() + "'");
            }
            if (!(s instanceof FlexibleAsset)) {
                throw new InvalidMarketException(s.field("rampMax"), "applies to flexible assets only, not to a "
                        + s.type() + " asset");
            }
            Checks.nonNegative(s.field("rampMax"), r.getValue());
        }
    }

    private void validateAsset(HorizonAsset s) {
        if (s instanceof FlexibleAsset f) {
            length(f.pMin(), s.field("pMin"));
            length(f.pMax(), s.field("pMax"));
            length(f.a(), s.field("a"));
            length(f.b(), s.field("b"));
            everyPeriod(f.isConstant(), t -> {
                try {
                    f.inPeriod(t);
                } catch (InvalidMarketException e) {
                    // The asset names its fields "assets[id].x"; in a market they are under their agent.
                    throw e.field().startsWith("assets[") ? new InvalidMarketException("agents[" + f.agentId() + "]." + e.field(),
                            e.problem()) : e;
                }
            });
        } else if (s instanceof Ev e) {
            windowEnd(e.field("departure"), "departure", e.departure());
        } else if (s instanceof Shiftable h) {
            windowEnd(h.field("windowEnd"), "windowEnd", h.windowEnd());
        }
    }

    private void windowEnd(String field, String name, int end) {
        if (end > periods) {
            throw new InvalidMarketException(field, name + " " + end + " > periods " + periods
                    + " (a window must end within the horizon)");
        }
    }

    /** A per-period limit is a number in every period: "no limit" is a constant, written by leaving the field out. */
    private static void finiteWhenPerPeriod(Series s, String field) {
        for (int t = 0; !s.isConstant() && t < s.length(); t++) {
            if (!Double.isFinite(s.at(t))) {
                throw new InvalidMarketException(field, "in period " + t + ": must be a finite number in a per-period"
                        + " array, got " + s.at(t) + " (leave the field out for no limit in any period)");
            }
        }
    }

    private void length(Series s, String field) {
        if (!s.isConstant() && s.length() != periods) {
            throw new InvalidMarketException(field, "has " + s.length() + " values but the case has " + periods
                    + " periods (a per-period array needs exactly one value per period)");
        }
    }

    /** Runs {@code check} for period 0 when the values are the same in every period, else for each period, naming it. */
    private void everyPeriod(boolean constant, PeriodCheck check) {
        if (constant) {
            check.at(0);
            return;
        }
        for (int t = 0; t < periods; t++) {
            try {
                check.at(t);
            } catch (InvalidMarketException e) {
                throw new InvalidMarketException(e.field(), "in period " + t + ": " + e.problem());
            }
        }
    }

    @FunctionalInterface
    private interface PeriodCheck {
        void at(int t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HorizonMarket h && name.equals(h.name) && units.equals(h.units) && periods == h.periods
                && agents.equals(h.agents) && trades.equals(h.trades) && communities.equals(h.communities)
                && Objects.equals(grid, h.grid) && Objects.equals(network, h.network) && rampMax.equals(h.rampMax);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, units, periods, agents, trades, communities, grid, network, rampMax);
    }

    @Override
    public String toString() {
        return "HorizonMarket[" + name + ", " + periods + " periods, " + agents.size() + " agents, " + storage().size()
                + " storage, " + evs().size() + " EVs, " + shiftables().size() + " shiftable]";
    }

    /** Collects a horizon's parts; {@link #build()} validates them all. */
    public static final class Builder {
        private final String name;
        private final int periods;
        private Units units = Units.DEFAULT;
        private final List<HorizonAgent> agents = new ArrayList<>();
        private HorizonTrades trades = HorizonTrades.of(TradeGraph.complete(0.0, List.of()));
        private final List<Community> communities = new ArrayList<>();
        private HorizonGrid grid;
        private NetworkSpec network;
        private final Map<String, Double> rampMax = new LinkedHashMap<>();

        private Builder(String name, int periods) {
            this.name = name == null || name.isBlank() ? "market" : name;
            this.periods = periods;
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
        public Builder agent(HorizonAgent a) {
            agents.add(Objects.requireNonNull(a, "agent"));
            return this;
        }

        /**
         * Adds an agent with the given assets (each naming this agent), no bus and no class.
         *
         * @param id     the agent id
         * @param assets its assets in order; none for a pure trader
         * @return this builder
         * @throws InvalidMarketException if the id is blank or an asset names another agent
         */
        public Builder agent(String id, HorizonAsset... assets) {
            return agent(new HorizonAgent(id, null, null, List.of(assets)));
        }

        /**
         * Sets the trade graph with per-period fees (default: complete, no fee).
         *
         * @param t not null
         * @return this builder
         */
        public Builder trades(HorizonTrades t) {
            this.trades = Objects.requireNonNull(t, "trades");
            return this;
        }

        /**
         * Sets the same trade graph in every period.
         *
         * @param g the one-period graph
         * @return this builder
         */
        public Builder tradeGraph(TradeGraph g) {
            return trades(HorizonTrades.of(g));
        }

        /**
         * Adds a community.
         *
         * @param c not null
         * @return this builder
         */
        public Builder community(Community c) {
            communities.add(Objects.requireNonNull(c, "community"));
            return this;
        }

        /**
         * Sets the grid.
         *
         * @param g the tariff per period, or null for an islanded market
         * @return this builder
         */
        public Builder grid(HorizonGrid g) {
            this.grid = g;
            return this;
        }

        /**
         * Sets the feeder.
         *
         * @param n the network, or null for a market without a feeder
         * @return this builder
         */
        public Builder network(NetworkSpec n) {
            this.network = n;
            return this;
        }

        /**
         * Limits a flexible asset's change between periods: {@code |p_t − p_{t−1}| <= limit}.
         *
         * @param assetId a flexible asset's id; {@link #build()} checks it names one
         * @param limit   power unit per period, {@code >= 0}; checked by {@link #build()}
         * @return this builder
         */
        public Builder rampMax(String assetId, double limit) {
            rampMax.put(Objects.requireNonNull(assetId, "assetId"), limit);
            return this;
        }

        /**
         * Validates every rule of the market-case format, period by period.
         *
         * @return the horizon market
         * @throws InvalidMarketException naming the first field (and period) that breaks a rule
         */
        public HorizonMarket build() {
            return new HorizonMarket(this);
        }
    }
}
