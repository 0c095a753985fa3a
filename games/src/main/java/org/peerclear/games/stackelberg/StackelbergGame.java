package org.peerclear.games.stackelberg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;

/**
 * One Stackelberg pricing game: the leader's grid tariff, its options and the followers with their
 * assets, compiled once into primitive arrays; and each follower's best response in closed form.
 *
 * <p><b>A follower's best response.</b> Follower {@code n} sets its assets' powers {@code p_k ∈
 * [pMin, pMax]} to minimise {@code Σ_k (½·a_k·p_k² + b_k·p_k) − sell·export + buy·import}, where
 * {@code x = Σ_k p_k} is its net position, {@code export = max(x, 0)} and {@code import = max(−x, 0)}.
 * With {@code buy >= sell} the payment term is convex, so this is a convex problem. Its aggregate
 * supply {@code S_n(λ) = Σ_k clamp((λ − b_k)/a_k, pMin_k, pMax_k)} (the net it offers when each
 * asset runs at marginal cost {@code λ}) is continuous, non-decreasing and piecewise linear, with
 * breakpoints {@code a_k·pMin_k + b_k} and {@code a_k·pMax_k + b_k}. The optimality condition
 * {@code 0 ∈ ∂(cost + payment)(x)} gives the response: export {@code S_n(sell)} if it is positive;
 * otherwise import {@code −S_n(buy)} if {@code S_n(buy) < 0}; otherwise {@code x = 0}, with
 * marginal value in the dead band {@code [sell, buy]}. So the response is piecewise linear in each
 * price, its exports depend on the sell price only and its imports on the buy price only.
 *
 * <p><b>Scope.</b> Every asset whose bounds differ must have {@code a > 0}: its response is then a
 * function of the prices. An asset with {@code a = 0} answers a price equal to its {@code b} with a
 * whole interval of powers, and the leader's problem becomes the optimistic bilevel one, whose
 * value the breakpoint search would have to find at the jumps; such assets are refused (fixed
 * assets, {@code pMin = pMax}, may have any {@code a}). The market's trade graph, communities and
 * network are not part of the game: each follower trades with the leader only. The grid must have
 * no import or export limit (the leader would have to ration its followers, which a price alone
 * cannot do).
 */
public final class StackelbergGame {
    private final List<Agent> followers;
    private final StackelbergOptions options;
    private final double importPrice;
    private final double exportPrice;
    private final double floor;
    private final double cap;
    private final List<String> notes;

    // Flexible assets (pMin < pMax), grouped by follower: follower n owns [start[n], start[n+1]).
    final int[] start;
    final double[] lo;
    final double[] hi;
    final double[] qa;
    final double[] lb;
    /** Per follower: the net and the cost of its fixed assets. */
    final double[] fixedNet;
    final double[] fixedCost;
    /** Per follower: {@code inf{λ : S_n(λ) > 0}} ({@code −∞} if always positive, {@code +∞} if never). */
    final double[] zeroUp;
    /** Per follower: {@code sup{λ : S_n(λ) < 0}} ({@code +∞} if always negative, {@code −∞} if never). */
    final double[] zeroDown;
    /** Per follower and declared asset: its flexible index, or −1 for a fixed asset. */
    private final int[][] flexIndex;

    private StackelbergGame(List<Agent> followers, double importPrice, double exportPrice, StackelbergOptions options,
                            List<String> notes) {
        this.followers = List.copyOf(followers);
        this.options = options;
        this.importPrice = importPrice;
        this.exportPrice = exportPrice;
        this.floor = Double.isNaN(options.priceFloor()) ? exportPrice : options.priceFloor();
        this.cap = Double.isNaN(options.priceCap()) ? importPrice : options.priceCap();
        if (floor > cap) {
            throw new IllegalArgumentException("Invalid price range: floor " + floor + " > cap " + cap
                    + " (NaN bounds are the grid's export and import prices)");
        }
        int n = this.followers.size();
        int flexible = 0;
        for (Agent a : this.followers) {
            for (Asset s : a.assets()) {
                if (s.pMin() < s.pMax()) {
                    if (!(s.a() > 0)) {
                        throw new IllegalArgumentException("Asset '" + s.id() + "' of follower '" + a.id()
                                + "' has a = 0 and pMin < pMax: its best response to a price equal to its b is a whole"
                                + " interval, which the Stackelberg game does not model (give it a > 0, or fix it)");
                    }
                    flexible++;
                }
            }
        }
        start = new int[n + 1];
        lo = new double[flexible];
        hi = new double[flexible];
        qa = new double[flexible];
        lb = new double[flexible];
        fixedNet = new double[n];
        fixedCost = new double[n];
        zeroUp = new double[n];
        zeroDown = new double[n];
        flexIndex = new int[n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            List<Asset> assets = this.followers.get(i).assets();
            flexIndex[i] = new int[assets.size()];
            for (int j = 0; j < assets.size(); j++) {
                Asset s = assets.get(j);
                if (s.pMin() < s.pMax()) {
                    lo[k] = s.pMin();
                    hi[k] = s.pMax();
                    qa[k] = s.a();
                    lb[k] = s.b();
                    flexIndex[i][j] = k++;
                } else {
                    fixedNet[i] += s.pMin();
                    fixedCost[i] += s.cost(s.pMin());
                    flexIndex[i][j] = -1;
                }
            }
        }
        start[n] = k;
        for (int i = 0; i < n; i++) {
            zeroCrossings(i);
        }
        this.notes = List.copyOf(notes);
    }

    /**
     * The game on a market: the followers are its agents with assets, the leader trades with its
     * grid at the grid's prices.
     *
     * @param market  a market with a grid without limits; its trade graph, communities and network are ignored (a note says so)
     * @param options how the game is played
     * @return the game
     * @throws IllegalArgumentException if the market has no grid, the grid has a limit, no agent has an asset, an asset
     *                                  with {@code pMin < pMax} has {@code a = 0}, or the price range is empty
     */
    public static StackelbergGame of(Market market, StackelbergOptions options) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(options, "options");
        Grid grid = market.grid().orElseThrow(() -> new IllegalArgumentException("Market '" + market.name()
                + "' has no grid: a Stackelberg leader trades the community's net position with the grid"));
        if (grid.importMax() != Double.POSITIVE_INFINITY || grid.exportMax() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Market '" + market.name() + "': the grid has an import or export limit,"
                    + " which the Stackelberg game does not model (a leader would have to ration its followers)");
        }
        List<Agent> withAssets = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Agent a : market.agents()) {
            if (!a.assets().isEmpty()) {
                withAssets.add(a);
            }
        }
        int skipped = market.agents().size() - withAssets.size();
        if (skipped > 0) {
            notes.add(skipped + " agent(s) without assets are not followers (the leader plays the manager's part)");
        }
        if (!market.communities().isEmpty() || market.network().isPresent()
                || market.tradeGraph().kind() != TradeGraph.Kind.NONE) {
            notes.add("the market's trade graph, communities and network are not part of the game: every follower trades"
                    + " with the leader only");
        }
        return of(withAssets, grid.importPrice(), grid.exportPrice(), options, notes);
    }

    /**
     * The game on explicit followers and a grid tariff.
     *
     * @param followers   the followers, each with at least one asset; ids unique
     * @param importPrice what the leader pays the grid per unit it imports
     * @param exportPrice what the grid pays the leader per unit it exports; {@code <= importPrice}
     * @param options     how the game is played
     * @return the game
     * @throws IllegalArgumentException if there is no follower, one has no asset, ids repeat, the tariff is not finite
     *                                  or {@code exportPrice > importPrice}, an asset with {@code pMin < pMax} has
     *                                  {@code a = 0}, or the price range is empty
     */
    public static StackelbergGame of(List<Agent> followers, double importPrice, double exportPrice,
                                     StackelbergOptions options) {
        return of(followers, importPrice, exportPrice, options, List.of());
    }

    private static StackelbergGame of(List<Agent> followers, double importPrice, double exportPrice,
                                      StackelbergOptions options, List<String> notes) {
        Objects.requireNonNull(options, "options");
        if (followers.isEmpty()) {
            throw new IllegalArgumentException("A Stackelberg game needs at least one follower with an asset");
        }
        if (!Double.isFinite(importPrice) || !Double.isFinite(exportPrice) || exportPrice > importPrice) {
            throw new IllegalArgumentException("Invalid grid tariff: import " + importPrice + ", export " + exportPrice
                    + " (finite, export <= import)");
        }
        Set<String> ids = new HashSet<>();
        for (Agent a : followers) {
            if (a.assets().isEmpty()) {
                throw new IllegalArgumentException("Follower '" + a.id() + "' has no asset");
            }
            if (!ids.add(a.id())) {
                throw new IllegalArgumentException("Follower id '" + a.id() + "' is repeated");
            }
        }
        return new StackelbergGame(followers, importPrice, exportPrice, options, notes);
    }

    /** {@return the followers, in order; unmodifiable} */
    public List<Agent> followers() {
        return followers;
    }

    /** {@return the number of followers} */
    public int numFollowers() {
        return followers.size();
    }

    /** {@return the number of assets with {@code pMin < pMax} over all followers (the MILP's size)} */
    public int numFlexibleAssets() {
        return lo.length;
    }

    /** {@return the options the game is played with} */
    public StackelbergOptions options() {
        return options;
    }

    /** {@return what the leader pays the grid per unit imported, currency per unit of power for one period} */
    public double gridImportPrice() {
        return importPrice;
    }

    /** {@return what the grid pays the leader per unit exported, currency per unit of power for one period} */
    public double gridExportPrice() {
        return exportPrice;
    }

    /** {@return the lowest price the leader may announce (the options' floor, or the grid's export price)} */
    public double priceFloor() {
        return floor;
    }

    /** {@return the highest price the leader may announce (the options' cap, or the grid's import price)} */
    public double priceCap() {
        return cap;
    }

    /** {@return notes on what of the market the game leaves out; unmodifiable} */
    public List<String> notes() {
        return notes;
    }

    /**
     * Follower n's aggregate supply {@code S_n(λ)}: its net when every flexible asset runs at marginal cost λ.
     *
     * @param n      a follower index
     * @param lambda a marginal cost, currency per unit of power for one period
     * @return the net, power unit ({@code > 0} exports)
     */
    public double supply(int n, double lambda) {
        double s = fixedNet[n];
        for (int k = start[n]; k < start[n + 1]; k++) {
            s += power(k, lambda);
        }
        return s;
    }

    /** Flexible asset k's power at marginal cost λ. */
    double power(int k, double lambda) {
        double p = (lambda - lb[k]) / qa[k];
        return p < lo[k] ? lo[k] : Math.min(p, hi[k]);
    }

    /** Flexible asset k's cost at power p. */
    double cost(int k, double p) {
        return 0.5 * qa[k] * p * p + lb[k] * p;
    }

    /**
     * Follower n's marginal value at its best response to (buy, sell): sell if it exports, buy if it
     * imports, otherwise the λ in [sell, buy] at which its supply is zero.
     */
    double responsePrice(int n, double buy, double sell) {
        if (supply(n, sell) > 0) {
            return sell;
        }
        if (supply(n, buy) < 0) {
            return buy;
        }
        return Math.max(sell, Math.min(zeroUp[n], buy));
    }

    /**
     * Every follower's best response by the closed form.
     *
     * @param buy      the buy price
     * @param sell     the sell price, {@code <= buy}
     * @param power    out: one power per flexible asset
     * @param marginal out: one marginal value per follower
     */
    void bestResponses(double buy, double sell, double[] power, double[] marginal) {
        for (int n = 0; n < followers.size(); n++) {
            double lambda = responsePrice(n, buy, sell);
            marginal[n] = lambda;
            for (int k = start[n]; k < start[n + 1]; k++) {
                power[k] = power(k, lambda);
            }
        }
    }

    /** The leader's net grid bill for the community's net position X (> 0 exports). */
    double gridBill(double net) {
        return net < 0 ? -importPrice * net : -exportPrice * net;
    }

    /**
     * The leader's profit and the community's welfare at (buy, sell) when the followers respond
     * with the given powers: {@code {profit, welfare, imports, exports, assetCost}}.
     */
    double[] outcome(double buy, double sell, double[] power) {
        double imports = 0;
        double exports = 0;
        double assetCost = 0;
        for (int n = 0; n < followers.size(); n++) {
            double x = fixedNet[n];
            assetCost += fixedCost[n];
            for (int k = start[n]; k < start[n + 1]; k++) {
                x += power[k];
                assetCost += cost(k, power[k]);
            }
            if (x > 0) {
                exports += x;
            } else {
                imports -= x;
            }
        }
        double bill = gridBill(exports - imports);
        return new double[] {buy * imports - sell * exports - bill, -assetCost - bill, imports, exports, assetCost};
    }

    /**
     * The best responses to a price pair and what they give the leader and the community, by the closed form.
     *
     * @param buy  the buy price, within the game's range
     * @param sell the sell price, within the range and {@code <= buy}
     * @return a result of method {@code closed-form} with status OPTIMAL for the followers (the leader's prices are
     *         the caller's, not optimised), unverified
     * @throws IllegalArgumentException if a price is not finite or {@code sell > buy}
     */
    public StackelbergResult respond(double buy, double sell) {
        if (!Double.isFinite(buy) || !Double.isFinite(sell) || sell > buy) {
            throw new IllegalArgumentException("Invalid prices: buy " + buy + ", sell " + sell + " (finite, sell <= buy)");
        }
        double[] power = new double[lo.length];
        double[] marginal = new double[followers.size()];
        bestResponses(buy, sell, power, marginal);
        return result(Status.OPTIMAL, "closed-form", "the followers' best responses to the given prices", buy, sell,
                power, marginal, List.of(), 0.0);
    }

    /** A follower's cost of its response: assets' cost plus what it pays the leader (negative when paid). */
    double followerObjective(int n, double buy, double sell, double[] power) {
        double x = fixedNet[n];
        double c = fixedCost[n];
        for (int k = start[n]; k < start[n + 1]; k++) {
            x += power[k];
            c += cost(k, power[k]);
        }
        return c + (x > 0 ? -sell * x : -buy * x);
    }

    /** Flexible index of declared asset j of follower n, or −1 for a fixed asset. */
    int flexIndex(int n, int j) {
        return flexIndex[n][j];
    }

    /**
     * The result of a solve: responses from the given powers, the leader's objective and the welfare recomputed from them.
     */
    StackelbergResult result(Status status, String method, String message, double buy, double sell, double[] power,
                             double[] marginal, List<String> extraNotes, double seconds) {
        List<FollowerResponse> responses = new ArrayList<>(followers.size());
        for (int n = 0; n < followers.size(); n++) {
            Agent agent = followers.get(n);
            Map<String, Double> byAsset = new LinkedHashMap<>();
            double x = 0;
            double c = 0;
            for (int j = 0; j < agent.assets().size(); j++) {
                Asset s = agent.assets().get(j);
                double p = flexIndex[n][j] >= 0 ? power[flexIndex[n][j]] : s.pMin();
                byAsset.put(s.id(), p);
                x += p;
                c += s.cost(p);
            }
            double imported = Math.max(-x, 0);
            double exported = Math.max(x, 0);
            responses.add(new FollowerResponse(agent.id(), Collections.unmodifiableMap(byAsset), x, imported, exported,
                    marginal[n], c, buy * imported - sell * exported));
        }
        double[] o = outcome(buy, sell, power);
        double net = o[3] - o[2];
        double objective = options.objective() == LeaderObjective.PROFIT ? o[0] : o[1];
        List<String> all = new ArrayList<>(notes);
        all.addAll(extraNotes);
        return new StackelbergResult(status, method, message, options.objective(), options.structure(), buy, sell,
                responses, o[0], objective, o[1], o[2], o[3], Math.max(-net, 0), Math.max(net, 0), all, seconds, null);
    }

    /** A result without a solution (infeasible, solver failure). */
    StackelbergResult noSolution(Status status, String method, String message, List<String> extraNotes, double seconds) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(extraNotes);
        return new StackelbergResult(status, method, message, options.objective(), options.structure(), Double.NaN,
                Double.NaN, List.of(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                all, seconds, null);
    }

    /** Finds follower n's zero crossings from its sorted breakpoints (binary search, S evaluated directly). */
    private void zeroCrossings(int n) {
        double low = fixedNet[n];
        double high = fixedNet[n];
        int m = start[n + 1] - start[n];
        double[] t = new double[2 * m];
        for (int k = start[n], j = 0; k < start[n + 1]; k++, j += 2) {
            low += lo[k];
            high += hi[k];
            t[j] = qa[k] * lo[k] + lb[k];
            t[j + 1] = qa[k] * hi[k] + lb[k];
        }
        Arrays.sort(t);
        // Below every breakpoint S is its lowest value, above every one its highest.
        if (low > 0) {
            zeroUp[n] = Double.NEGATIVE_INFINITY;
        } else if (high <= 0) {
            zeroUp[n] = Double.POSITIVE_INFINITY;
        } else {
            int j = firstAbove(n, t, 0.0, true);
            zeroUp[n] = crossing(n, t[j - 1], t[j]);
        }
        if (high < 0) {
            zeroDown[n] = Double.POSITIVE_INFINITY;
        } else if (low >= 0) {
            zeroDown[n] = Double.NEGATIVE_INFINITY;
        } else {
            int j = firstAbove(n, t, 0.0, false); // first breakpoint with S >= 0
            zeroDown[n] = crossing(n, t[j - 1], t[j]);
        }
    }

    /** The first index j with S(t_j) > level (strict) or >= level; S(t_0) is on the other side, S(t_last) on this one. */
    private int firstAbove(int n, double[] t, double level, boolean strict) {
        int l = 0;
        int r = t.length - 1;
        while (l < r) {
            int mid = (l + r) >>> 1;
            double s = supply(n, t[mid]);
            if (strict ? s > level : s >= level) {
                r = mid;
            } else {
                l = mid + 1;
            }
        }
        return l;
    }

    /** Where S_n, linear on [t0, t1], is zero; S(t0) <= 0 <= S(t1) with one of them non-zero. */
    private double crossing(int n, double t0, double t1) {
        double s0 = supply(n, t0);
        double s1 = supply(n, t1);
        if (s0 == 0) {
            return t0;
        }
        if (s1 == 0) {
            return t1;
        }
        double z = t0 - s0 * (t1 - t0) / (s1 - s0);
        return Math.max(t0, Math.min(z, t1));
    }
}
