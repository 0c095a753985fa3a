package org.peerclear.games.stackelberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.HorizonClearing;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.games.GameTolerances;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Series;
import org.peerclear.model.Storage;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.opt.VariableType;

/**
 * The Stackelberg pricing game over a horizon, solved exactly as one MILP: the leader announces a
 * price per period (or a buy and a sell price per period, as {@link StackelbergOptions#structure()}
 * says), every follower answers with its best response over the whole horizon, and the leader
 * maximises its profit summed over the periods (the one-period {@link LeaderObjective#PROFIT},
 * period by period). Only the profit objective is supported.
 *
 * <h2>The followers</h2>
 * A follower is a {@link HorizonAgent} with {@link FlexibleAsset}s (per period {@code pMin_t, pMax_t,
 * a_t, b_t}; {@code a_t > 0} wherever {@code pMin_t < pMax_t}, as in the one-period game) and any
 * number of {@link Storage}s. It minimises {@code Σ_t [Σ_k f_kt(p_kt) + cycleCost·h·d_t +
 * buy_t·i_t − sell_t·e_t]} subject to, per period, {@code Σ_k p_kt + Σ_s (d_st − c_st) − e_t + i_t = 0}
 * (dual {@code λ_t}), the asset bounds, {@code 0 <= c <= chargeMax}, {@code 0 <= d <= dischargeMax},
 * and per storage {@code E_{t+1} = E_t + h·(η_c·c_t − d_t/η_d)}, {@code E_0} given,
 * {@code energyMin <= E_t <= energyMax} ({@code E_T >= energyFinal} when given), {@code h} the
 * period's hours: a convex QP. EVs and shiftable loads are refused.
 *
 * <h2>Its KKT conditions</h2>
 * The assets' and the exports'/imports' conditions are the one-period ones ({@link StackelbergMilp}),
 * per period. A storage adds the value of stored energy {@code w_t} after period t, with
 * {@code w_{T−1} = β_T − α_T}, {@code w_t = w_{t+1} + β_{t+1} − α_{t+1}} ({@code α, β >= 0} the
 * multipliers of {@code E >= energyMin}, {@code E <= energyMax}); stationarity of the charge
 * {@code λ_t + h·η_c·w_t − φ⁻_c + φ⁺_c = 0} and of the discharge
 * {@code cycleCost·h − λ_t − (h/η_d)·w_t − φ⁻_d + φ⁺_d = 0}; every bound complementary to its
 * multiplier by a binary and two big-M rows.
 *
 * <h2>Big-M from the data</h2>
 * As in the one-period MILP for the assets, exports and imports (the exports' and imports' bounds
 * here are the physical ones: the assets' and storages' most injection and withdrawal). For a
 * storage, with {@code P = max(|floor|, |top|) + cycleCost·h}: each period's conditions keep
 * {@code w_t} in an interval whose ends, {@code −λ_t/(h·η_c)} and {@code (cycleCost·h − λ_t)·η_d/h},
 * lie within {@code W = P/(h·η_c)}; the value is bounded by {@code |w_t| <= W}, the energy
 * multipliers by {@code 2W}, the charge multipliers by {@code max(0, top + h·η_c·W)} and
 * {@code max(0, −floor + h·η_c·W)}, the discharge ones by {@code max(0, cycleCost·h − floor + (h/η_d)·W)}
 * and {@code max(0, top − cycleCost·h + (h/η_d)·W)}. That some KKT point lies within {@code W} when
 * no charge or discharge is strictly inside its bounds (w then only bounded by those intervals) is
 * argued, not proved; the independent verification ({@link #verify}) would catch a cut-off best response.
 *
 * <p>Prices: one grid {@code floor + k·tick} for every period (floor and cap from the options, NaN:
 * the lowest grid export price and the highest grid import price over the horizon), the bits and
 * McCormick products of {@link PriceGridMilp}, per period.
 */
public final class StackelbergHorizon {
    private final HorizonMarket market;
    private final List<HorizonAgent> followers;
    private final StackelbergOptions options;
    private final int periods;
    private final double hours;
    private final double[] importPrice;
    private final double[] exportPrice;
    private final double floor;
    private final double cap;

    private StackelbergHorizon(HorizonMarket market, StackelbergOptions options) {
        this.market = market;
        this.options = options;
        this.periods = market.periods();
        this.hours = market.units().periodHours();
        HorizonGrid grid = market.grid().orElseThrow(() -> new IllegalArgumentException("Horizon market '"
                + market.name() + "' has no grid: a Stackelberg leader trades the community's net position with it"));
        importPrice = grid.importPrice().toArray(periods);
        exportPrice = grid.exportPrice().toArray(periods);
        double[] imax = grid.importMax().toArray(periods);
        double[] emax = grid.exportMax().toArray(periods);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < periods; t++) {
            if (imax[t] != Double.POSITIVE_INFINITY || emax[t] != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("The grid has an import or export limit in period " + t
                        + ", which the Stackelberg game does not model");
            }
            if (exportPrice[t] > importPrice[t]) {
                throw new IllegalArgumentException("Period " + t + ": grid export price above its import price");
            }
            lo = Math.min(lo, exportPrice[t]);
            hi = Math.max(hi, importPrice[t]);
        }
        floor = Double.isNaN(options.priceFloor()) ? lo : options.priceFloor();
        cap = Double.isNaN(options.priceCap()) ? hi : options.priceCap();
        if (!(floor <= cap)) {
            throw new IllegalArgumentException("Invalid price range: floor " + floor + " > cap " + cap);
        }
        if (options.objective() != LeaderObjective.PROFIT) {
            throw new IllegalArgumentException("The horizon Stackelberg game supports the PROFIT objective only");
        }
        List<HorizonAgent> f = new ArrayList<>();
        for (HorizonAgent a : market.agents()) {
            if (a.assets().isEmpty()) {
                continue;
            }
            for (HorizonAsset s : a.assets()) {
                if (s instanceof FlexibleAsset fa) {
                    for (int t = 0; t < periods; t++) {
                        if (fa.pMin().at(t) < fa.pMax().at(t) && !(fa.a().at(t) > 0)) {
                            throw new IllegalArgumentException("Asset '" + fa.id() + "' of follower '" + a.id()
                                    + "' has a = 0 and pMin < pMax in period " + t + " (give it a > 0, or fix it)");
                        }
                    }
                } else if (!(s instanceof Storage)) {
                    throw new IllegalArgumentException("Asset '" + s.id() + "' of follower '" + a.id() + "' is a "
                            + s.type() + ": the horizon Stackelberg game takes flexible assets and storage only");
                }
            }
            if (a.assets().stream().filter(Storage.class::isInstance).count() > 1) {
                throw new IllegalArgumentException("Follower '" + a.id() + "' has more than one storage: the horizon"
                        + " Stackelberg game takes one per follower");
            }
            f.add(a);
        }
        if (f.isEmpty()) {
            throw new IllegalArgumentException("A Stackelberg game needs at least one follower with an asset");
        }
        followers = List.copyOf(f);
    }

    /**
     * The game on a horizon market: the followers are its agents with assets, the leader trades
     * with its grid at the grid's prices of each period. Trades, communities and network are ignored.
     *
     * @param market  a horizon market with a grid without limits
     * @param options how the game is played: the PROFIT objective, the price structure, range and tick
     * @return the game
     * @throws IllegalArgumentException if there is no grid, it has a limit, no agent has an asset, an asset is neither
     *                                  flexible nor a storage, a flexible asset has {@code a = 0} with
     *                                  {@code pMin < pMax}, the objective is not PROFIT or the price range is empty
     */
    public static StackelbergHorizon of(HorizonMarket market, StackelbergOptions options) {
        return new StackelbergHorizon(Objects.requireNonNull(market, "market"), Objects.requireNonNull(options, "options"));
    }

    /** {@return the followers, in the market's order} */
    public List<HorizonAgent> followers() {
        return followers;
    }

    /** {@return the number of periods} */
    public int periods() {
        return periods;
    }

    /**
     * A follower's answer over the horizon.
     *
     * @param agentId   the follower
     * @param net       per period its net position, power unit ({@code > 0} exports)
     * @param charge    per period its storage's charging power (zeros without a storage)
     * @param discharge per period its storage's discharging power
     * @param assetCost its assets' cost over the horizon, {@code Σ_t Σ_k f_kt(p_kt) + cycleCost·h·Σ_t d_t}
     */
    public record Response(String agentId, double[] net, double[] charge, double[] discharge, double assetCost) {
        /**
         * Its total cost at prices: the assets' cost plus {@code Σ_t buy_t·import_t − sell_t·export_t}.
         *
         * @param buy  per period the buy price
         * @param sell per period the sell price
         * @return the cost its best response minimises
         */
        public double cost(double[] buy, double[] sell) {
            double v = assetCost;
            for (int t = 0; t < net.length; t++) {
                v += buy[t] * Math.max(-net[t], 0) - sell[t] * Math.max(net[t], 0);
            }
            return v;
        }
    }

    /**
     * The leader's optimum.
     *
     * @param status       the MILP's status
     * @param message      the back-end's message, or why there is no solution
     * @param buy          per period the buy price (null without a solution)
     * @param sell         per period the sell price (equal to buy for a single price)
     * @param periodProfit per period the leader's profit, recomputed from the responses
     * @param profit       the leader's total profit, their sum
     * @param milpObjective the MILP's own value of the profit
     * @param responses    the followers' responses, in order
     * @param notes        what was done: grid, sizes, big-M values, back-end
     */
    public record Result(Status status, String message, double[] buy, double[] sell, double[] periodProfit,
                         double profit, double milpObjective, List<Response> responses, List<String> notes) {
        /** {@return {@code true} when the result carries prices and responses} */
        public boolean hasSolution() {
            return buy != null;
        }

        /**
         * A copy with other prices (the responses kept), for testing the verification.
         *
         * @param newBuy  the buy prices
         * @param newSell the sell prices
         * @return the copy
         */
        public Result withPrices(double[] newBuy, double[] newSell) {
            return new Result(status, message, newBuy, newSell, periodProfit, profit, milpObjective, responses, notes);
        }
    }

    /**
     * Solves the MILP with the registry's default MILP back-end and default parameters.
     *
     * @return the leader's optimum on the price grid
     */
    public Result solve() {
        return solve(SolverRegistry.load().defaultFor(ProblemClass.MILP), SolverParameters.DEFAULT);
    }

    /**
     * Solves the MILP.
     *
     * @param backend    a MILP back-end
     * @param parameters its limits
     * @return the leader's optimum on the price grid, or a result without a solution and the back-end's status
     */
    public Result solve(SolverBackend backend, SolverParameters parameters) {
        Model m = new Model();
        Solution s = backend.solve(m.problem, parameters);
        List<String> notes = new ArrayList<>(m.notes);
        notes.add(String.format(Locale.ROOT, "back-end %s: %s in %.3f s", s.backend(), s.status(), s.seconds()));
        if (!s.hasPoint()) {
            return new Result(s.status(), s.message(), null, null, null, Double.NaN, Double.NaN, List.of(), notes);
        }
        double[] x = s.x();
        boolean single = options.structure() == PriceStructure.SINGLE;
        double[] buy = new double[periods];
        double[] sell = new double[periods];
        for (int t = 0; t < periods; t++) {
            buy[t] = m.price(x, m.buyBits[t]);
            sell[t] = single ? buy[t] : m.price(x, m.sellBits[t]);
        }
        List<Response> rs = new ArrayList<>();
        for (int n = 0; n < followers.size(); n++) {
            HorizonAgent ag = followers.get(n);
            double[] net = new double[periods];
            double[] c = new double[periods];
            double[] d = new double[periods];
            double[][] flex = new double[periods][ag.assets().size()];
            for (int t = 0; t < periods; t++) {
                for (int j = 0; j < flex[t].length; j++) {
                    if (ag.assets().get(j) instanceof FlexibleAsset fa) {
                        flex[t][j] = m.power[n][t][j] < 0 ? fa.pMin().at(t) : x[m.power[n][t][j]];
                        net[t] += flex[t][j];
                    }
                }
                c[t] = m.charge[n][t] < 0 ? 0 : x[m.charge[n][t]];
                d[t] = m.discharge[n][t] < 0 ? 0 : x[m.discharge[n][t]];
                net[t] += d[t] - c[t];
            }
            rs.add(new Response(ag.id(), net, c, d, assetCost(ag, flex, d)));
        }
        for (int j = 0; j < m.values.size(); j++) {
            double w = m.valueBounds.get(j);
            for (int v : m.values.get(j)) {
                if (v >= 0 && Math.abs(x[v]) >= w * (1 - 1e-9)) {
                    notes.add("a stored-energy value sits at its bound W = " + w + ": the bound may bind (check the"
                            + " verification)");
                }
            }
        }
        double[] pp = profits(rs, buy, sell);
        double total = 0;
        for (double v : pp) {
            total += v;
        }
        notes.add(String.format(Locale.ROOT, "MILP profit %s, recomputed from the responses %s", -s.objective(), total));
        return new Result(s.status(), s.message(), buy, sell, pp, total, -s.objective(), List.copyOf(rs), notes);
    }

    /**
     * The MILP, for inspection.
     *
     * @return the problem, a minimisation of minus the leader's profit
     */
    public Problem problem() {
        return new Model().problem;
    }

    /**
     * The leader's profit per period at given responses: {@code buy_t·I_t − sell_t·E_t} minus the
     * net grid bill of {@code E_t − I_t} at the period's grid prices.
     *
     * @param responses the followers' responses
     * @param buy       per period the buy price
     * @param sell      per period the sell price
     * @return per period the profit
     */
    public double[] profits(List<Response> responses, double[] buy, double[] sell) {
        double[] p = new double[periods];
        for (int t = 0; t < periods; t++) {
            double imp = 0;
            double exp = 0;
            for (Response r : responses) {
                imp += Math.max(-r.net()[t], 0);
                exp += Math.max(r.net()[t], 0);
            }
            double gridNet = exp - imp;
            p[t] = buy[t] * imp - sell[t] * exp
                    + (gridNet >= 0 ? exportPrice[t] * gridNet : importPrice[t] * gridNet);
        }
        return p;
    }

    /**
     * Checks a result independently: every follower's best response over the horizon at the
     * result's prices, by a horizon clearing ({@link HorizonClearing}) of the follower alone against
     * a grid priced at {@code buy_t} (import) and {@code sell_t} (export), must cost no less than
     * its reported response less {@link GameTolerances#STACKELBERG_BEST_RESPONSE}, relative to
     * {@code 1 +} its cost's size; and every reported storage path must keep its limits (to
     * {@link GameTolerances#STACKELBERG_FEASIBILITY}). The flexible assets' bounds and the balance
     * are not rechecked (the reported net is the MILP's). The clearing's per-period asset powers are
     * read as the follower's assets first, in declaration order, which is how a one-agent horizon
     * market is indexed.
     *
     * @param r a result with a solution
     * @return the failures, empty when the result is an equilibrium
     */
    public List<String> verify(Result r) {
        List<String> failures = new ArrayList<>();
        if (!r.hasSolution()) {
            failures.add("no solution to verify");
            return failures;
        }
        for (int n = 0; n < followers.size(); n++) {
            HorizonAgent a = followers.get(n);
            Response reported = r.responses().get(n);
            Response bestResponse = bestResponse(n, r.buy(), r.sell());
            if (bestResponse == null) {
                failures.add("follower " + a.id() + ": the independent clearing found no best response");
                continue;
            }
            String infeasible = infeasibility(a, reported);
            if (infeasible != null) {
                failures.add("follower " + a.id() + ": its response is not feasible: " + infeasible);
            }
            double bestCost = bestResponse.cost(r.buy(), r.sell());
            double reportedCost = reported.cost(r.buy(), r.sell());
            double scale = 1 + Math.abs(reportedCost);
            if (reportedCost - bestCost > GameTolerances.STACKELBERG_BEST_RESPONSE * scale) {
                failures.add(String.format(Locale.ROOT, "follower %s can improve: its response costs %s, its best"
                        + " response over the horizon %s", a.id(), reportedCost, bestCost));
            }
        }
        return failures;
    }

    /** Why a response's storage path breaks the storage's limits, or null when it keeps them. */
    private String infeasibility(HorizonAgent a, Response r) {
        double tol = GameTolerances.STACKELBERG_FEASIBILITY;
        for (HorizonAsset h : a.assets()) {
            if (h instanceof Storage st) {
                double e = st.energyInitial();
                for (int t = 0; t < periods; t++) {
                    double c = r.charge()[t];
                    double d = r.discharge()[t];
                    if (c < -tol || d < -tol || c > st.chargeMax() + tol || d > st.dischargeMax() + tol) {
                        return "period " + t + ": charge " + c + ", discharge " + d + " out of bounds";
                    }
                    e += hours * (st.chargeEfficiency() * c - d / st.dischargeEfficiency());
                    double lo = t == periods - 1 && st.hasEnergyFinal() ? Math.max(st.energyMin(), st.energyFinal())
                            : st.energyMin();
                    if (e < lo - tol * (1 + st.energyMax()) || e > st.energyMax() + tol * (1 + st.energyMax())) {
                        return "energy " + e + " after period " + t + " outside [" + lo + ", " + st.energyMax() + "]";
                    }
                }
            }
        }
        return null;
    }

    /**
     * Follower n's best response over the horizon at given prices, independently of the MILP: a
     * horizon clearing of the follower alone against a grid that sells at {@code buy_t} and buys at
     * {@code sell_t}.
     *
     * @return the response, or null when the clearing has no solution
     */
    Response bestResponse(int n, double[] buy, double[] sell) {
        HorizonAgent a = followers.get(n);
        HorizonMarket alone = HorizonMarket.builder(market.name() + ":" + a.id(), periods)
                .units(market.units()).agent(a)
                .grid(new HorizonGrid(a.bus(), Series.of(buy), Series.of(sell),
                        Series.constant(Double.POSITIVE_INFINITY), Series.constant(Double.POSITIVE_INFINITY)))
                .build();
        HorizonResult best = new HorizonClearing().clear(Horizons.of(alone), ClearingOptions.DEFAULT);
        if (!best.hasSolution()) {
            return null;
        }
        double[] net = new double[periods];
        double[][] flex = new double[periods][];
        for (int t = 0; t < periods; t++) {
            // The follower's assets come first, in declaration order; the grid's entries follow.
            flex[t] = java.util.Arrays.copyOf(best.assetPower()[t], a.assets().size());
            for (double p : flex[t]) {
                net[t] += p;
            }
        }
        double[] charge = new double[periods];
        double[] discharge = new double[periods];
        for (int k = 0; k < best.discharge().length; k++) {
            for (int t = 0; t < periods; t++) {
                charge[t] += best.charge()[k][t];
                discharge[t] += best.discharge()[k][t];
            }
        }
        return new Response(a.id(), net, charge, discharge, assetCost(a, flex, discharge));
    }

    /**
     * A follower's assets' cost from per-period powers of its assets in declaration order (storage entries ignored)
     * and its storage's discharge.
     */
    private double assetCost(HorizonAgent a, double[][] assetPower, double[] discharge) {
        double v = 0;
        List<HorizonAsset> assets = a.assets();
        for (int t = 0; t < periods; t++) {
            for (int j = 0; j < assets.size(); j++) {
                if (assets.get(j) instanceof FlexibleAsset fa) {
                    v += fa.inPeriod(t).cost(assetPower[t][j]);
                } else if (assets.get(j) instanceof Storage st) {
                    v += st.cycleCost() * hours * discharge[t];
                }
            }
        }
        return v;
    }

    /** The MILP and where its variables are. */
    private final class Model extends PriceGridMilp {
        final Problem problem;
        final int[][] buyBits;
        final int[][] sellBits;
        /** [follower][t][declared asset]: the power variable, −1 when fixed or a storage. */
        final int[][][] power;
        /** [follower][t]: the storage's charge and discharge variables, −1 when none. */
        final int[][] charge;
        final int[][] discharge;
        final List<String> notes = new ArrayList<>();
        /** The stored-energy value variables and their bounds W. */
        final List<int[]> values = new ArrayList<>();
        final List<Double> valueBounds = new ArrayList<>();
        private final int[] cols = new int[8];
        private final double[] vals = new double[8];

        Model() {
            super("stackelberg-horizon", StackelbergHorizon.this.floor, cap, options.priceTick());
            boolean single = options.structure() == PriceStructure.SINGLE;
            int nf = followers.size();
            buyBits = new int[periods][];
            sellBits = new int[periods][];
            int[] buyPrice = new int[periods];
            int[] sellPrice = new int[periods];
            for (int t = 0; t < periods; t++) {
                buyBits[t] = bits(bits, "zb" + t + "_");
                buyPrice[t] = priceVariable("buy" + t, buyBits[t]);
                if (single) {
                    sellBits[t] = buyBits[t];
                    sellPrice[t] = buyPrice[t];
                } else {
                    sellBits[t] = bits(bits, "zs" + t + "_");
                    sellPrice[t] = priceVariable("sell" + t, sellBits[t]);
                    row("sell<=buy" + t, Sense.LESS_EQUAL, 0, sellPrice[t], 1, buyPrice[t], -1);
                }
            }
            power = new int[nf][periods][];
            charge = new int[nf][periods];
            discharge = new int[nf][periods];
            int[][] exportVar = new int[periods][nf];
            int[][] importVar = new int[periods][nf];
            double[] totalExport = new double[periods];
            double[] totalImport = new double[periods];
            double bandM = top - floor;
            double maxW = 0;
            for (int n = 0; n < nf; n++) {
                HorizonAgent ag = followers.get(n);
                String id = ag.id();
                List<HorizonAsset> assets = ag.assets();
                Storage st = null;
                for (HorizonAsset h : assets) {
                    if (h instanceof Storage x) {
                        st = x;
                    }
                }
                int[] lambda = new int[periods];
                for (int t = 0; t < periods; t++) {
                    double fixed = 0;
                    double most = 0;
                    double least = 0;
                    int[] bc = new int[assets.size() + 4];
                    double[] bv = new double[assets.size() + 4];
                    int m = 0;
                    lambda[t] = pb.addVariable("lambda" + t + "_" + id, floor, top);
                    row("lambda>=sell" + t + "_" + id, Sense.GREATER_EQUAL, 0, lambda[t], 1, sellPrice[t], -1);
                    row("lambda<=buy" + t + "_" + id, Sense.LESS_EQUAL, 0, lambda[t], 1, buyPrice[t], -1);
                    power[n][t] = new int[assets.size()];
                    for (int j = 0; j < assets.size(); j++) {
                        power[n][t][j] = -1;
                        if (!(assets.get(j) instanceof FlexibleAsset fa)) {
                            continue;
                        }
                        double lo = fa.pMin().at(t);
                        double hi = fa.pMax().at(t);
                        most += hi;
                        least += lo;
                        if (!(lo < hi)) {
                            fixed += lo;
                            continue;
                        }
                        String aid = t + "_" + id + "." + fa.id();
                        int p = assetKkt(aid, lo, hi, fa.a().at(t), fa.b().at(t), lambda[t])[0];
                        power[n][t][j] = p;
                        bc[m] = p;
                        bv[m++] = 1;
                    }
                    charge[n][t] = -1;
                    discharge[n][t] = -1;
                    if (st != null) {
                        if (st.chargeMax() > 0) {
                            charge[n][t] = pb.addVariable("c" + t + "_" + id, 0, st.chargeMax());
                            bc[m] = charge[n][t];
                            bv[m++] = -1;
                        }
                        if (st.dischargeMax() > 0) {
                            discharge[n][t] = pb.addVariable("d" + t + "_" + id, 0, st.dischargeMax());
                            bc[m] = discharge[n][t];
                            bv[m++] = 1;
                        }
                        most += st.dischargeMax();
                        least -= st.chargeMax();
                    }
                    double maxExport = Math.max(0, most);
                    double maxImport = Math.max(0, -least);
                    totalExport[t] += maxExport;
                    totalImport[t] += maxImport;
                    exportVar[t][n] = pb.addVariable("e" + t + "_" + id, 0, maxExport);
                    importVar[t][n] = pb.addVariable("i" + t + "_" + id, 0, maxImport);
                    bc[m] = exportVar[t][n];
                    bv[m++] = -1;
                    bc[m] = importVar[t][n];
                    bv[m++] = 1;
                    pb.addRow("balance" + t + "_" + id, bc, bv, m, Sense.EQUAL, -fixed);
                    if (!single) {
                        String tid = t + "_" + id;
                        if (maxExport > 0) {
                            int d = pb.addVariable("exports" + tid, 0, 1, VariableType.BINARY);
                            row("e<=M" + tid, Sense.LESS_EQUAL, 0, exportVar[t][n], 1, d, -maxExport);
                            row("lambda-sell<=M" + tid, Sense.LESS_EQUAL, bandM, lambda[t], 1, sellPrice[t], -1, d, bandM);
                        }
                        if (maxImport > 0) {
                            int d = pb.addVariable("imports" + tid, 0, 1, VariableType.BINARY);
                            row("i<=M" + tid, Sense.LESS_EQUAL, 0, importVar[t][n], 1, d, -maxImport);
                            row("buy-lambda<=M" + tid, Sense.LESS_EQUAL, bandM, buyPrice[t], 1, lambda[t], -1, d, bandM);
                        }
                    }
                }
                if (st != null) {
                    maxW = Math.max(maxW, storage(st, id, lambda, n));
                }
            }
            for (int t = 0; t < periods; t++) {
                int e = pb.addVariable("E" + t, 0, totalExport[t]);
                int i = pb.addVariable("I" + t, 0, totalImport[t]);
                sumRow("E=sum e" + t, e, exportVar[t]);
                sumRow("I=sum i" + t, i, importVar[t]);
                int[] wb = products("wb" + t + "_", buyBits[t], i, totalImport[t]);
                int[] ws = products("ws" + t + "_", sellBits[t], e, totalExport[t]);
                int gBuy = pb.addVariable("gridImport" + t, 0, totalImport[t]);
                int gSell = pb.addVariable("gridExport" + t, 0, totalExport[t]);
                row("grid=E-I" + t, Sense.EQUAL, 0, gSell, 1, gBuy, -1, e, -1, i, 1);
                pb.addLinear(i, -floor);
                pb.addLinear(e, floor);
                for (int j = 0; j < wb.length; j++) {
                    pb.addLinear(wb[j], -tick * (1L << j));
                    pb.addLinear(ws[j], tick * (1L << j));
                }
                pb.addLinear(gBuy, importPrice[t]);
                pb.addLinear(gSell, -exportPrice[t]);
            }
            problem = pb.build();
            notes.add(String.format(Locale.ROOT, "prices on the grid floor + k*%s, k = 0..%d (%d bits per price), %d"
                    + " periods", tick, steps, bits, periods));
            notes.add(String.format(Locale.ROOT, "MILP: %d variables, %d rows; big-M: price range %s, stored-energy"
                    + " value up to %s", problem.numVariables(), problem.numRows(), bandM, maxW));
        }

        /** The storage's energy, its value and its complementarity; returns the value's bound W. */
        private double storage(Storage st, String id, int[] lambda, int n) {
            double h = hours;
            double ec = st.chargeEfficiency();
            double ed = st.dischargeEfficiency();
            double kappa = st.cycleCost() * h;
            double w = (Math.max(Math.abs(floor), Math.abs(top)) + kappa) / (h * ec);
            int[] value = new int[periods + 1];
            int prevE = -1;
            for (int t = 0; t < periods; t++) {
                value[t] = pb.addVariable("w" + t + "_" + id, -w, w);
            }
            values.add(value);
            valueBounds.add(w);
            value[periods] = -1;
            for (int t = 0; t < periods; t++) {
                String sid = t + "_" + id;
                double eLo = st.energyMin();
                if (t == periods - 1 && st.hasEnergyFinal()) {
                    eLo = Math.max(eLo, st.energyFinal());
                }
                double eHi = st.energyMax();
                int e = pb.addVariable("En" + (t + 1) + "_" + id, eLo, eHi);
                // E_{t+1} − E_t − h·ηc·c_t + (h/ηd)·d_t = 0 (E_0 a constant).
                int c = 0;
                cols[c] = e;
                vals[c++] = 1;
                if (prevE >= 0) {
                    cols[c] = prevE;
                    vals[c++] = -1;
                }
                if (charge[n][t] >= 0) {
                    cols[c] = charge[n][t];
                    vals[c++] = -h * ec;
                }
                if (discharge[n][t] >= 0) {
                    cols[c] = discharge[n][t];
                    vals[c++] = h / ed;
                }
                row("energy" + sid, cols, vals, c, Sense.EQUAL, prevE >= 0 ? 0 : st.energyInitial());
                prevE = e;
                // Energy bounds' multipliers at E_{t+1}: α (low), β (high); w_t = w_{t+1} + β − α.
                int alpha = pb.addVariable("alpha" + sid, 0, 2 * w);
                int beta = pb.addVariable("beta" + sid, 0, 2 * w);
                complementary("eLow" + sid, alpha, 2 * w, e, 1, eLo, eHi - eLo);
                complementary("eHigh" + sid, beta, 2 * w, e, -1, -eHi, eHi - eLo);
                c = 0;
                cols[c] = value[t];
                vals[c++] = 1;
                if (value[t + 1] >= 0) {
                    cols[c] = value[t + 1];
                    vals[c++] = -1;
                }
                cols[c] = beta;
                vals[c++] = -1;
                cols[c] = alpha;
                vals[c++] = 1;
                row("value" + sid, cols, vals, c, Sense.EQUAL, 0);
                if (charge[n][t] >= 0) {
                    // λ + h·ηc·w − φ⁻ + φ⁺ = 0
                    double cm = st.chargeMax();
                    double lowM = Math.max(0, top + h * ec * w);
                    double highM = Math.max(0, -floor + h * ec * w);
                    int fl = pb.addVariable("phiCL" + sid, 0, lowM);
                    int fh = pb.addVariable("phiCH" + sid, 0, highM);
                    row("stationarityC" + sid, Sense.EQUAL, 0, lambda[t], 1, value[t], h * ec, fl, -1, fh, 1);
                    complementary("cLow" + sid, fl, lowM, charge[n][t], 1, 0, cm);
                    complementary("cHigh" + sid, fh, highM, charge[n][t], -1, -cm, cm);
                }
                if (discharge[n][t] >= 0) {
                    // κ − λ − (h/ηd)·w − φ⁻ + φ⁺ = 0
                    double dm = st.dischargeMax();
                    double lowM = Math.max(0, kappa - floor + h / ed * w);
                    double highM = Math.max(0, top - kappa + h / ed * w);
                    int fl = pb.addVariable("phiDL" + sid, 0, lowM);
                    int fh = pb.addVariable("phiDH" + sid, 0, highM);
                    row("stationarityD" + sid, Sense.EQUAL, -kappa, lambda[t], -1, value[t], -h / ed, fl, -1, fh, 1);
                    complementary("dLow" + sid, fl, lowM, discharge[n][t], 1, 0, dm);
                    complementary("dHigh" + sid, fh, highM, discharge[n][t], -1, -dm, dm);
                }
            }
            return w;
        }
    }
}
