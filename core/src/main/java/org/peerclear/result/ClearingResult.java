package org.peerclear.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.opt.NumericalTolerances;
import org.peerclear.opt.Status;

/**
 * The outcome of clearing a market: a {@link Status} that cannot be missed, the set-points,
 * trades and prices by id, the objective
 * (total cost including gamma terms; welfare is its negative), how it was obtained (method,
 * solver, iterations, residuals, seconds, options) and notes. A result without a solution
 * (infeasible, error, ...) has no set-points: its accessors for them throw.
 *
 * <p>The numbers are held in the order of the solver's compact view ({@link MarketIndex}), which
 * is not API: no public member here hands out or takes that view or an array in its order, so it
 * can change without breaking users. A clearing method hands its arrays over through
 * {@link IndexedResults}, write-only; code that needs arrays lays a result onto an index of its
 * own by id ({@link org.peerclear.result.internal.ResultOnIndex}).
 *
 * <p>{@link #verify()} recomputes feasibility and the price relations from scratch.
 */
public final class ClearingResult {

    private final Market market;
    private final MarketIndex index;
    private final Status status;
    private final String message;
    private final String method;
    private final String solver;
    private final double objective;
    private final long iterations;
    private final double primalResidual;
    private final double dualResidual;
    private final double seconds;
    private final double[] assetPower;
    private final double[] trade;
    private final double[] agentPrice;
    private final double[] tradePrice;
    private final Map<String, String> options;
    private final List<String> notes;
    private final boolean[] assetPinned;
    private final boolean[] arcPinned;
    private final double[] agentNetworkPrice;
    private final NetworkOutcome network;
    private final ConvergenceHistory convergence;
    private final Map<String, Object> sections;

    private ClearingResult(Builder b) {
        this.market = Objects.requireNonNull(b.market, "market");
        this.index = Objects.requireNonNull(b.index, "index");
        this.status = Objects.requireNonNull(b.status, "status");
        this.message = b.message == null ? "" : b.message;
        this.method = b.method;
        this.solver = b.solver;
        this.iterations = b.iterations;
        this.primalResidual = b.primalResidual;
        this.dualResidual = b.dualResidual;
        this.seconds = b.seconds;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
        this.notes = List.copyOf(b.notes);
        this.assetPinned = b.assetPinned == null ? new boolean[index.numAssets()] : b.assetPinned.clone();
        this.arcPinned = b.arcPinned == null ? new boolean[index.numArcs()] : b.arcPinned.clone();
        if (assetPinned.length != index.numAssets() || arcPinned.length != index.numArcs()) {
            throw new IllegalArgumentException("pinned flags must have one entry per asset and per arc");
        }
        this.agentNetworkPrice = b.agentNetworkPrice == null ? new double[index.numAgents()] : b.agentNetworkPrice.clone();
        if (agentNetworkPrice.length != index.numAgents()) {
            throw new IllegalArgumentException("agentNetworkPrice must have one entry per agent");
        }
        this.network = b.network;
        this.convergence = b.convergence;
        this.sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.sections));
        if (status.hasSolution()) {
            this.assetPower = check(b.assetPower, index.numAssets(), "assetPower");
            this.trade = check(b.trade, index.numArcs(), "trade");
            this.agentPrice = check(b.agentPrice, index.numAgents(), "agentPrice");
            this.tradePrice = check(b.tradePrice, index.numArcs(), "tradePrice");
            this.objective = CostAccounting.objective(index, assetPower, trade);
        } else {
            this.assetPower = null;
            this.trade = null;
            this.agentPrice = null;
            this.tradePrice = null;
            this.objective = Double.NaN;
        }
    }

    private static double[] check(double[] v, int n, String what) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(what + " must have length " + n + (v == null ? ", got null" : ", got " + v.length));
        }
        return v.clone();
    }

    /**
     * A builder holding everything of this result (status, point, prices, notes, options,
     * diagnostics), to derive a variant, e.g. the same point with another status: a status
     * without a solution drops the point.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(market, index).status(status, message).method(method).solver(solver).iterations(iterations)
                .residuals(primalResidual, dualResidual).seconds(seconds).pinned(assetPinned, arcPinned)
                .agentNetworkPrices(agentNetworkPrice).network(network).convergence(convergence);
        b.notes.clear();
        b.notes.addAll(notes);
        b.options.putAll(options);
        b.sections.putAll(sections);
        if (status.hasSolution()) {
            b.solution(assetPower, trade, agentPrice, tradePrice);
        }
        return b;
    }

    /** {@return the market that was cleared} */
    public Market market() {
        return market;
    }

    /** The compact view stays out of the API: only the verifier and cost accounting beside this class read it. */
    MarketIndex index() {
        return index;
    }

    /** {@return how the clearing ended; check {@link #hasSolution()} before reading set-points} */
    public Status status() {
        return status;
    }

    /** {@return {@code true} when the result carries a point (OPTIMAL, FEASIBLE, TIME_LIMIT); else the set-point accessors throw} */
    public boolean hasSolution() {
        return status.hasSolution();
    }

    /** {@return what the status means for this run (the failed check and its residuals, ...); empty, never null, when there is nothing to add} */
    public String message() {
        return message;
    }

    /** {@return the clearing method's name as on the command line, e.g. {@code admm}; null if not recorded} */
    public String method() {
        return method;
    }

    /** {@return the solver backend's name; null if not recorded} */
    public String solver() {
        return solver;
    }

    /** {@return the total cost, currency per period: assets' costs plus Σ gamma·|t|, recomputed from the set-points; NaN without a solution} */
    public double objective() {
        return objective;
    }

    /** {@return the social welfare, {@code -objective()}: currency per period, higher is better; NaN without a solution} */
    public double welfare() {
        return -objective;
    }

    /** {@return the iterations the method (or solver) ran, in its own sense; 0 if not recorded} */
    public long iterations() {
        return iterations;
    }

    /** {@return the final primal residual of the method's stopping rule, in its own scale; 0 if not recorded} */
    public double primalResidual() {
        return primalResidual;
    }

    /** {@return the final dual residual of the method's stopping rule, in its own scale; 0 if not recorded} */
    public double dualResidual() {
        return dualResidual;
    }

    /** {@return the wall-clock time of the clearing, seconds} */
    public double seconds() {
        return seconds;
    }

    /**
     * The options the method ran with (including seeds), so that the run can be reproduced, in the
     * order the method recorded them (so a result file's {@code options} read the same every run).
     *
     * @return option name to its value as text; unmodifiable
     */
    public Map<String, String> options() {
        return options;
    }

    /** {@return human-readable notes: the market's warnings, then what the clearing added; unmodifiable} */
    public List<String> notes() {
        return notes;
    }

    private void requireSolution() {
        if (!status.hasSolution()) {
            throw new IllegalStateException("No solution: status " + status + (message.isEmpty() ? "" : " (" + message + ")"));
        }
    }

    /** Asset set-points in index order (a copy). */
    double[] assetPowerArray() {
        requireSolution();
        return assetPower.clone();
    }

    /** Trades t_k per arc in index order (a copy). */
    double[] tradeArray() {
        requireSolution();
        return trade.clone();
    }

    /** Agent prices mu_n in index order (a copy); NaN where undefined. */
    double[] agentPriceArray() {
        requireSolution();
        return agentPrice.clone();
    }

    /** Bilateral prices lambda_k per arc in index order (a copy). */
    double[] tradePriceArray() {
        requireSolution();
        return tradePrice.clone();
    }

    /**
     * The declared agents, then the grid (its legs merged, see {@link #grid()}) if the market has one.
     *
     * @return each agent's net injection (power unit, {@code > 0} sells) and price (per unit energy; NaN where undefined)
     * @throws IllegalStateException if the result has no solution
     */
    public List<AgentResult> agents() {
        requireSolution();
        List<AgentResult> out = new ArrayList<>(index.firstGridLeg() + 1);
        for (int i = 0; i < index.firstGridLeg(); i++) {
            out.add(agentResult(i));
        }
        grid().ifPresent(g -> out.add(new AgentResult(Grid.AGENT_ID, g.p(), g.price())));
        return out;
    }

    /**
     * The declared agents' assets, then {@code grid.import} and {@code grid.export}, each summed over the grid's legs.
     *
     * @return each asset's set-point, power unit, {@code > 0} injects
     * @throws IllegalStateException if the result has no solution
     */
    public List<AssetResult> assets() {
        requireSolution();
        int declared = index.assetStart()[index.firstGridLeg()];
        List<AssetResult> out = new ArrayList<>(declared + 2);
        for (int s = 0; s < declared; s++) {
            out.add(new AssetResult(index.assetId(s), assetPower[s]));
        }
        grid().ifPresent(g -> {
            out.add(new AssetResult(Grid.IMPORT_ASSET_ID, g.importPower()));
            out.add(new AssetResult(Grid.EXPORT_ASSET_ID, g.exportPower()));
        });
        return out;
    }

    /**
     * One entry per directed arc with |t| above {@link NumericalTolerances#TRADE_REPORTED}; a trade with a
     * grid leg is listed with the agent {@value Grid#AGENT_ID} and that leg's price.
     *
     * @return the trades: quantity in the power unit ({@code > 0}: {@code from} sells to {@code to}), bilateral price per unit energy
     * @throws IllegalStateException if the result has no solution
     */
    public List<TradeResult> trades() {
        requireSolution();
        List<TradeResult> out = new ArrayList<>();
        for (int k = 0; k < index.numArcs(); k++) {
            if (Math.abs(trade[k]) > NumericalTolerances.TRADE_REPORTED) {
                out.add(new TradeResult(index.agentId(index.from()[k]), index.agentId(index.to()[k]), trade[k], tradePrice[k]));
            }
        }
        return out;
    }

    /**
     * Every directed arc's trade, zero trades included, in the order of {@link Market#arcs()}:
     * entry {@code k} is the trade on {@code market().arcs().get(k)}, and entries {@code 2q} and
     * {@code 2q + 1} are the two directions of one pair. A grid arc is listed with the agent
     * {@value Grid#AGENT_ID} and the partner of that leg (see {@link #gridLegs()}), so that
     * {@code from} and {@code to} name each arc once.
     *
     * @return one entry per arc: quantity in the power unit ({@code > 0}: {@code from} sells to
     *         {@code to}; its mirror holds the negative), bilateral price per unit energy (NaN
     *         where the method gives none)
     * @throws IllegalStateException if the result has no solution
     */
    public List<TradeResult> arcTrades() {
        requireSolution();
        int[] from = index.from();
        int[] to = index.to();
        List<TradeResult> out = new ArrayList<>(index.numArcs());
        for (int k = 0; k < index.numArcs(); k++) {
            out.add(new TradeResult(index.agentId(from[k]), index.agentId(to[k]), trade[k], tradePrice[k]));
        }
        return out;
    }

    /**
     * The grid's legs unmerged (see {@link #grid()} for their sum): one per agent that may trade
     * with the grid, in the order of their arcs in {@link Market#arcs()}; empty for an islanded
     * market.
     *
     * @return each leg's partner, what the grid sold to it and bought from it (power unit), and
     *         the leg's own price (per unit energy)
     * @throws IllegalStateException if the result has no solution
     */
    public List<GridLegResult> gridLegs() {
        requireSolution();
        int[] start = index.assetStart();
        int[] arcStart = index.arcStart();
        List<GridLegResult> out = new ArrayList<>(index.numGridLegs());
        for (int leg = index.firstGridLeg(); leg < index.numAgents(); leg++) {
            if (arcStart[leg + 1] == arcStart[leg]) {
                // A leg without its arc (a view with fewer pairs) has no partner to be named by,
                // and its balance holds it at 0.
                continue;
            }
            String partner = index.agentId(index.to()[index.arcsOf()[arcStart[leg]]]);
            out.add(new GridLegResult(partner, assetPower[start[leg]], assetPower[start[leg] + 1], agentPrice[leg]));
        }
        return out;
    }

    /**
     * One agent's outcome.
     *
     * @param id a declared agent's id, or {@value Grid#AGENT_ID} for the grid's merged legs
     * @return its net injection and price
     * @throws IllegalStateException if the result has no solution
     * @throws IllegalArgumentException if there is no such agent (or no grid)
     */
    public AgentResult agent(String id) {
        requireSolution();
        if (Grid.AGENT_ID.equals(id)) {
            GridResult g = grid().orElseThrow(() -> new IllegalArgumentException("Market '" + market.name() + "' has no grid"));
            return new AgentResult(id, g.p(), g.price());
        }
        return agentResult(index.agentIndex(id));
    }

    /**
     * The grid's legs merged into one (see {@link GridResult}); empty for an islanded market.
     *
     * @return what the grid sold and bought, and at which prices
     * @throws IllegalStateException if the result has no solution
     */
    public java.util.Optional<GridResult> grid() {
        requireSolution();
        if (index.numGridLegs() == 0) {
            return java.util.Optional.empty();
        }
        int[] start = index.assetStart();
        double imported = 0;
        double exported = 0;
        double sold = 0;
        double soldValue = 0;
        double bought = 0;
        double boughtValue = 0;
        for (int leg = index.firstGridLeg(); leg < index.numAgents(); leg++) {
            // A leg owns the import then the export asset, and its one trade is their sum.
            double imp = assetPower[start[leg]];
            double exp = assetPower[start[leg] + 1];
            imported += imp;
            exported += exp;
            double t = imp + exp;
            if (t > NumericalTolerances.TRADE_REPORTED) {
                sold += t;
                soldValue += t * agentPrice[leg];
            } else if (t < -NumericalTolerances.TRADE_REPORTED) {
                bought -= t;
                boughtValue -= t * agentPrice[leg];
            }
        }
        double importPrice = sold > 0 ? soldValue / sold : Double.NaN;
        double exportPrice = bought > 0 ? boughtValue / bought : Double.NaN;
        double p = imported + exported;
        double price = p > NumericalTolerances.TRADE_REPORTED ? importPrice : p < -NumericalTolerances.TRADE_REPORTED ? exportPrice : Double.NaN;
        return java.util.Optional.of(new GridResult(p, price, imported, exported, importPrice, exportPrice));
    }

    private AgentResult agentResult(int i) {
        int[] start = index.assetStart();
        double p = 0.0;
        for (int s = start[i]; s < start[i + 1]; s++) {
            p += assetPower[s];
        }
        return new AgentResult(index.agentId(i), p, agentPrice[i]);
    }

    /**
     * The trade from → to, 0 when they did not trade; an error when they may not trade.
     *
     * @param from an agent id, or {@value Grid#AGENT_ID}
     * @param to   another agent id, or {@value Grid#AGENT_ID}
     * @return {@code t_from,to}, power unit: positive when {@code from} sells, negative when it buys
     * @throws IllegalStateException if the result has no solution
     * @throws IllegalArgumentException if there is no arc between them
     */
    public double trade(String from, String to) {
        requireSolution();
        int k = arcBetween(from, to);
        if (k < 0) {
            throw new IllegalArgumentException("Agents '" + from + "' and '" + to + "' have no arc between them");
        }
        return trade[k];
    }

    /** The index arc from → to (the grid's end being the partner's leg), -1 when there is none. */
    private int arcBetween(String from, String to) {
        boolean fromGrid = Grid.AGENT_ID.equals(from);
        boolean toGrid = Grid.AGENT_ID.equals(to);
        if (fromGrid && toGrid) {
            return -1;
        }
        int i = fromGrid ? index.gridLegOf(index.agentIndex(to)) : index.agentIndex(from);
        int j = toGrid ? index.gridLegOf(i) : index.agentIndex(to);
        if (i < 0 || j < 0) {
            return -1;
        }
        for (int q = index.arcStart()[i]; q < index.arcStart()[i + 1]; q++) {
            if (index.to()[index.arcsOf()[q]] == j) {
                return index.arcsOf()[q];
            }
        }
        return -1;
    }

    /**
     * True when asset s was pinned by an integer decision (a block offer, a minimum stable
     * output): its set-point is then not expected to be optimal at its agent's price alone.
     */
    boolean assetPinned(int s) {
        return assetPinned[s];
    }

    /** True when arc k was pinned by an integer decision (a minimum trade size). */
    boolean arcPinned(int k) {
        return arcPinned[k];
    }

    /**
     * The network price component at agent n's bus, {@code pi_bus(n)} (0 without a network or
     * when no network constraint binds): the agent's assets are dispatched at {@code mu_n + pi}.
     */
    double agentNetworkPrice(int n) {
        return agentNetworkPrice[n];
    }

    /**
     * The network price component at the bus of the declared agent {@code agentId},
     * {@code pi_bus}: 0 without a network or when no network constraint binds. The agent's assets
     * are dispatched at its price plus this.
     *
     * @param agentId a declared agent's id
     * @return currency per unit of power for one period
     * @throws IllegalArgumentException if there is no such declared agent
     */
    public double networkPrice(String agentId) {
        return agentNetworkPrice[index.agentIndex(agentId)];
    }

    /**
     * True when the declared asset {@code assetId} was pinned by an integer decision (a block
     * offer, a minimum stable output): its set-point is then not expected to be optimal at its
     * agent's price alone.
     *
     * @param assetId a declared asset's id
     * @return {@code false} for every asset of a continuous clearing
     * @throws IllegalArgumentException if there is no such declared asset
     */
    public boolean assetPinned(String assetId) {
        for (int s = 0; s < index.assetStart()[index.firstGridLeg()]; s++) {
            if (index.assetId(s).equals(assetId)) {
                return assetPinned[s];
            }
        }
        throw new IllegalArgumentException("Market '" + market.name() + "' has no asset '" + assetId + "'");
    }

    /**
     * True when the trade from → to was pinned by a minimum trade size; an error when they may not trade.
     *
     * @param from an agent id, or {@value Grid#AGENT_ID}
     * @param to   another agent id, or {@value Grid#AGENT_ID}
     * @return {@code false} for every trade of a continuous clearing
     * @throws IllegalArgumentException if there is no arc between them
     */
    public boolean tradePinned(String from, String to) {
        int k = arcBetween(from, to);
        if (k < 0) {
            throw new IllegalArgumentException("Agents '" + from + "' and '" + to + "' have no arc between them");
        }
        return arcPinned[k];
    }

    /** {@return what the clearing did to the feeder (voltages, flows, losses); empty for a market without a network} */
    public java.util.Optional<NetworkOutcome> network() {
        return java.util.Optional.ofNullable(network);
    }

    /** {@return the residuals per iteration, when the method was asked to record them; empty otherwise} */
    public java.util.Optional<ConvergenceHistory> convergence() {
        return java.util.Optional.ofNullable(convergence);
    }

    /**
     * Named sections a clearing adds beyond the common fields (e.g. {@code classMarkets},
     * {@code lossAllocation}), in the order added: each a number, a string or a map of them
     * (nested maps allowed), written to the result JSON as a field of that name.
     *
     * @return section name to its value; unmodifiable, empty for most results
     */
    public Map<String, Object> sections() {
        return sections;
    }

    /**
     * Recomputes feasibility and price relations with the default tolerances.
     *
     * @return what holds and what does not, independent of the method's own claims
     */
    public Verification verify() {
        return ResultVerifier.verify(this, ResultVerifier.Tolerances.DEFAULT);
    }

    /**
     * Recomputes feasibility and price relations with the given tolerances.
     *
     * @param tolerances relative tolerances, scaled by the market's magnitudes
     * @return what holds and what does not
     */
    public Verification verify(ResultVerifier.Tolerances tolerances) {
        return ResultVerifier.verify(this, tolerances);
    }

    @Override
    public String toString() {
        return "ClearingResult[" + status + (message.isEmpty() ? "" : " (" + message + ")") + ", method " + method
                + ", solver " + solver + ", objective " + objective + ", " + seconds + " s]";
    }

    /**
     * Assembles a result: {@link ClearingResult#toBuilder()} derives a variant of a result (another
     * status, more notes, sections or options); a clearing method starts one with its point through
     * {@link IndexedResults}. Nothing here takes the compact view.
     */
    public static final class Builder {
        private final Market market;
        private final MarketIndex index;
        private Status status;
        private String message;
        private String method;
        private String solver;
        private long iterations;
        private double primalResidual;
        private double dualResidual;
        private double seconds;
        private double[] assetPower;
        private double[] trade;
        private double[] agentPrice;
        private double[] tradePrice;
        private final Map<String, String> options = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private boolean[] assetPinned;
        private boolean[] arcPinned;
        private double[] agentNetworkPrice;
        private NetworkOutcome network;
        private ConvergenceHistory convergence;
        private final Map<String, Object> sections = new LinkedHashMap<>();

        Builder(Market market, MarketIndex index) {
            this.market = market;
            this.index = index;
            this.notes.addAll(market.warnings());
        }

        /**
         * Sets the status; required before {@link #build()}.
         *
         * @param s   the status; one with a solution needs {@link #solution}
         * @param msg what the status means for this run; null for none
         * @return this builder
         */
        public Builder status(Status s, String msg) {
            this.status = s;
            this.message = msg;
            return this;
        }

        /**
         * Records the clearing method.
         *
         * @param m its name as on the command line
         * @return this builder
         */
        public Builder method(String m) {
            this.method = m;
            return this;
        }

        /**
         * Records the solver backend.
         *
         * @param s its name
         * @return this builder
         */
        public Builder solver(String s) {
            this.solver = s;
            return this;
        }

        /**
         * Records the iterations run.
         *
         * @param n in the method's own sense
         * @return this builder
         */
        public Builder iterations(long n) {
            this.iterations = n;
            return this;
        }

        /**
         * Records the final residuals of the method's stopping rule.
         *
         * @param primal primal residual, in the method's own scale
         * @param dual   dual residual, in the method's own scale
         * @return this builder
         */
        public Builder residuals(double primal, double dual) {
            this.primalResidual = primal;
            this.dualResidual = dual;
            return this;
        }

        /**
         * Records the wall-clock time.
         *
         * @param s seconds
         * @return this builder
         */
        public Builder seconds(double s) {
            this.seconds = s;
            return this;
        }

        /**
         * Sets the point, all in the index's order ({@link IndexedResults#solution} is the way in
         * from other packages); {@link #build()} checks the lengths and copies the arrays.
         *
         * @param assetPowerValues set-point per asset (grid legs included), power unit, {@code > 0} injects
         * @param trades           {@code t_k} per directed arc, power unit, {@code > 0}: the arc's from-agent sells
         * @param agentPrices      {@code mu_n} per agent, currency per unit of power for one period; NaN where undefined
         * @param tradePrices      bilateral {@code lambda_k} per arc, currency per unit of power for one period
         * @return this builder
         */
        Builder solution(double[] assetPowerValues, double[] trades, double[] agentPrices, double[] tradePrices) {
            this.assetPower = assetPowerValues;
            this.trade = trades;
            this.agentPrice = agentPrices;
            this.tradePrice = tradePrices;
            return this;
        }

        /**
         * Records an option after those recorded so far (replacing one of the same name in place).
         *
         * @param key   the option's name, e.g. {@code rho}
         * @param value written as {@link String#valueOf(Object)}
         * @return this builder
         */
        public Builder option(String key, Object value) {
            options.put(key, String.valueOf(value));
            return this;
        }

        /**
         * Replaces every recorded option with {@code all}, in its order.
         *
         * @param all option name to its value as text
         * @return this builder
         */
        public Builder options(Map<String, String> all) {
            options.clear();
            options.putAll(all);
            return this;
        }

        /**
         * Marks set-points fixed by integer decisions, in index order (see {@link ClearingResult#assetPinned(String)}).
         *
         * @param assets one flag per asset, or null for none pinned
         * @param arcs   one flag per arc, or null for none pinned
         * @return this builder
         */
        Builder pinned(boolean[] assets, boolean[] arcs) {
            this.assetPinned = assets;
            this.arcPinned = arcs;
            return this;
        }

        /**
         * The network price component at each agent's bus (index order).
         *
         * @param prices {@code pi} per agent, currency per unit of power for one period; null for all 0
         * @return this builder
         */
        Builder agentNetworkPrices(double[] prices) {
            this.agentNetworkPrice = prices;
            return this;
        }

        /**
         * Records what the clearing did to the feeder.
         *
         * @param outcome null for a market without a network
         * @return this builder
         */
        public Builder network(NetworkOutcome outcome) {
            this.network = outcome;
            return this;
        }

        /**
         * The residuals per iteration (null: not recorded).
         *
         * @param history as the method recorded it, or null
         * @return this builder
         */
        public Builder convergence(ConvergenceHistory history) {
            this.convergence = history;
            return this;
        }

        /**
         * Adds a named section (see {@link ClearingResult#sections()}); a map must iterate in a stable order.
         *
         * @param name  the JSON field name
         * @param value a number, a string or a map of them
         * @return this builder
         */
        public Builder section(String name, Object value) {
            sections.put(name, value);
            return this;
        }

        /**
         * Adds a note after the market's warnings and earlier notes.
         *
         * @param n a human-readable sentence
         * @return this builder
         */
        public Builder note(String n) {
            notes.add(n);
            return this;
        }

        /**
         * Builds the result; without a solution the point is dropped.
         *
         * @return the result, its objective recomputed from the set-points
         * @throws NullPointerException if no status was set
         * @throws IllegalArgumentException if an array has the wrong length (or, with a solution, is missing)
         */
        public ClearingResult build() {
            return new ClearingResult(this);
        }
    }
}
