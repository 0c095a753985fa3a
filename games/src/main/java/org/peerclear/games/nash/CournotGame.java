package org.peerclear.games.nash;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.peerclear.games.GameTolerances;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;

/**
 * Cournot competition among sellers: each seller chooses its output {@code q_i}, the buyers take
 * the total {@code Q} at the price {@code P(Q)} of their inverse demand, and seller {@code i} earns
 * {@code P(Q)·q_i − C_i(q_i)} with a convex cost ({@link SellerCost}).
 *
 * <p><b>The exact method.</b> With a linear inverse demand {@code P = α − β·Q} the game has an
 * exact potential (Monderer &amp; Shapley 1996)
 * <pre>  Φ(q) = α·Q − ½·β·(Q² + Σ q_i²) − Σ C_i(q_i),</pre>
 * whose gradient in {@code q_i} is seller {@code i}'s marginal profit. {@code Φ} is strictly
 * concave ({@code β > 0}, costs convex), so its maximiser is the unique Nash equilibrium, and
 * the maximiser is where every seller meets {@code α − β·Q − β·q_i ∈ ∂C_i(q_i)} within its
 * bounds. For a given {@code Q} each seller's {@code q_i(Q)} is that meeting point (unique,
 * nonincreasing in {@code Q}), so the equilibrium total is the unique root of
 * {@code Σ q_i(Q) = Q}: two nested bisections, each run to the last bit, give it to machine
 * precision with no iteration count or step size to choose ({@link CournotPotential} solves the
 * same maximisation as one QP on a back-end, which the tests compare).
 *
 * <p><b>Piecewise-linear demand</b> (buyers' assets): each piece's linear game is solved as above
 * and kept when its total falls on the piece and every seller's exact best response over the
 * whole demand curve gains nothing ({@link #bestResponse}): on each piece the profit is concave,
 * so the best response is the best of one exact maximisation per piece. Where demand has convex
 * kinks the profit is not concave across them and a pure equilibrium may not exist; then
 * {@link #equilibria()} is empty, and says so rather than returning an unverified point.
 *
 * <p>Scope: no grid (it would cap the buyers' price and buy the sellers' surplus: a competitive
 * fringe this game does not model); one homogeneous good, the trade graph ignored.
 */
public final class CournotGame {
    private final List<String> sellers;
    private final List<SellerCost> costs;
    private final InverseDemand demand;
    private final SellerCost all;

    /**
     * A game.
     *
     * @param sellers the sellers' ids, unique
     * @param costs   their costs, in the same order
     * @param demand  the buyers' inverse demand
     * @throws IllegalArgumentException if the lists differ in size, are empty or an id repeats
     */
    public CournotGame(List<String> sellers, List<SellerCost> costs, InverseDemand demand) {
        this.sellers = List.copyOf(sellers);
        this.costs = List.copyOf(costs);
        this.demand = Objects.requireNonNull(demand, "demand");
        if (this.sellers.isEmpty() || this.sellers.size() != this.costs.size()) {
            throw new IllegalArgumentException("need one cost per seller and at least one seller, got " + sellers.size()
                    + " sellers and " + costs.size() + " costs");
        }
        if (this.sellers.stream().distinct().count() != this.sellers.size()) {
            throw new IllegalArgumentException("seller ids must be unique: " + sellers);
        }
        List<Asset> assets = new ArrayList<>();
        this.costs.forEach(c -> assets.addAll(c.assets()));
        this.all = SellerCost.of(assets);
    }

    /**
     * The game of a market: the given agents are the sellers (their assets generate), every other
     * agent with assets is a buyer (its assets consume; see {@link InverseDemand#ofBuyers}).
     *
     * @param market  a market without a grid
     * @param sellers the sellers' ids
     * @return the game
     * @throws IllegalArgumentException if the market has a grid, an id is no agent, a seller's asset withdraws or a
     *                                  buyer's asset is not an elastic consumption
     */
    public static CournotGame of(Market market, List<String> sellers) {
        if (market.grid().isPresent()) {
            throw new IllegalArgumentException("market '" + market.name() + "' has a grid: the Cournot game has no competitive"
                    + " fringe (the grid would cap the buyers' price and buy the sellers' surplus)");
        }
        List<SellerCost> costs = sellers.stream().map(id -> SellerCost.of(market.agent(id).assets())).toList();
        List<Asset> buyers = new ArrayList<>();
        for (Agent a : market.agents()) {
            if (!sellers.contains(a.id())) {
                buyers.addAll(a.assets());
            }
        }
        return new CournotGame(sellers, costs, InverseDemand.ofBuyers(buyers));
    }

    /** {@return the sellers' ids} */
    public List<String> sellers() {
        return sellers;
    }

    /** {@return the sellers' costs, in their order} */
    public List<SellerCost> costs() {
        return costs;
    }

    /** {@return the buyers' inverse demand} */
    public InverseDemand demand() {
        return demand;
    }

    private static double sum(double[] q) {
        double s = 0;
        for (double v : q) {
            s += v;
        }
        return s;
    }

    /**
     * A seller's profit at a profile.
     *
     * @param i a seller's index
     * @param q every seller's output, total within the demand's range
     * @return {@code P(Q)·q_i − C_i(q_i)}, currency per period
     */
    public double profit(int i, double[] q) {
        return demand.price(sum(q)) * q[i] - costs.get(i).cost(q[i]);
    }

    /**
     * A seller's exact best response to the others' outputs: the best over the demand's pieces of
     * the concave maximisation on each.
     *
     * @param i a seller's index
     * @param q every seller's output (its own is ignored)
     * @return the output that maximises its profit
     * @throws IllegalArgumentException if the others alone exceed what the buyers take
     */
    public double bestResponse(int i, double[] q) {
        double others = sum(q) - q[i];
        SellerCost c = costs.get(i);
        double best = Double.NaN;
        double bestProfit = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < demand.pieces(); k++) {
            double lo = Math.max(c.qMin(), demand.from(k) - others);
            double hi = Math.min(c.qMax(), demand.to(k) - others);
            if (lo > hi) {
                continue;
            }
            double intercept = demand.alpha(k) - demand.beta(k) * others;
            double x = c.bestOutput(intercept, demand.beta(k), lo, hi);
            double value = (intercept - demand.beta(k) * x) * x - c.cost(x);
            if (value > bestProfit) {
                bestProfit = value;
                best = x;
            }
        }
        if (Double.isNaN(best)) {
            throw new IllegalArgumentException("seller " + sellers.get(i) + " has no output the buyers can take beside the others' "
                    + others);
        }
        return best;
    }

    /**
     * What a seller gains by its best response over its profit at the profile, relative to its
     * gross money ({@code |P·q_i| + |C_i(q_i)|}, at least 1).
     *
     * @param i a seller's index
     * @param q every seller's output
     * @return {@code >= 0} up to rounding; above {@link GameTolerances#BEST_RESPONSE_GAIN}, the profile is no equilibrium
     */
    public double bestResponseGain(int i, double[] q) {
        double[] deviated = q.clone();
        deviated[i] = bestResponse(i, q);
        double now = profit(i, q);
        double gross = Math.max(1.0, Math.abs(demand.price(sum(q)) * q[i]) + Math.abs(costs.get(i).cost(q[i])));
        return (profit(i, deviated) - now) / gross;
    }

    /**
     * The largest relative best-response gain over the sellers.
     *
     * @param q every seller's output
     * @return the largest {@link #bestResponseGain}
     */
    public double maxBestResponseGain(double[] q) {
        double g = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < q.length; i++) {
            g = Math.max(g, bestResponseGain(i, q));
        }
        return g;
    }

    /**
     * The welfare of a profile: the buyers' utility of the total less the sellers' costs.
     *
     * @param q every seller's output
     * @return {@code ∫_0^Q P − Σ C_i(q_i)}, currency per period
     */
    public double welfare(double[] q) {
        double w = demand.integral(sum(q));
        for (int i = 0; i < q.length; i++) {
            w -= costs.get(i).cost(q[i]);
        }
        return w;
    }

    /**
     * The equilibrium of the linear game {@code P = α − β·Q} (extended beyond the demand's
     * range), by the potential's optimality conditions (see the class comment).
     *
     * @param alpha the intercept
     * @param beta  the slope, {@code > 0}
     * @return each seller's output
     */
    public double[] linearEquilibrium(double alpha, double beta) {
        int n = costs.size();
        double lo = 0;
        double hi = 0;
        double cheapest = Double.POSITIVE_INFINITY;
        for (SellerCost c : costs) {
            lo += c.qMin();
            hi += c.qMax();
            cheapest = Math.min(cheapest, c.lowestMarginalCost());
        }
        // Above this total the price is below every seller's lowest marginal cost: all sit at their minimum.
        hi = Math.min(hi, Math.max(lo, (alpha - cheapest) / beta) + 1);
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double excess = sum(responses(alpha, beta, mid)) - mid;
            if (excess > 0) {
                lo = mid;
            } else if (excess < 0) {
                hi = mid;
            } else {
                lo = mid;
                hi = mid;
            }
        }
        double[] q = responses(alpha, beta, 0.5 * (lo + hi));
        assert q.length == n;
        return q;
    }

    /** Each seller's q_i(Q): where α − β·Q − β·q meets its marginal cost. */
    private double[] responses(double alpha, double beta, double total) {
        double[] q = new double[costs.size()];
        for (int i = 0; i < q.length; i++) {
            SellerCost c = costs.get(i);
            q[i] = c.meet(alpha - beta * total, beta, c.qMin(), c.qMax());
        }
        return q;
    }

    /** On a flat piece the sellers are price takers at α: each supplies at that marginal cost, total kept on the piece. */
    private double[] priceTaking(int k) {
        double price = demand.alpha(k);
        double[] q = new double[costs.size()];
        double total = 0;
        for (int i = 0; i < q.length; i++) {
            q[i] = costs.get(i).supply(price);
            total += q[i];
        }
        // Trim the largest outputs back towards their minimum until the total is on the piece.
        double excess = total - demand.to(k);
        for (int i = q.length - 1; i >= 0 && excess > 0; i--) {
            double cut = Math.min(excess, q[i] - costs.get(i).qMin());
            q[i] -= cut;
            excess -= cut;
        }
        return q;
    }

    /**
     * Every verified pure Nash equilibrium found: one candidate per demand piece (the piece's
     * linear game, or price taking on a flat piece), kept when its total is on the piece and no
     * seller's exact best response gains more than {@link GameTolerances#BEST_RESPONSE_GAIN}.
     * A linear demand has exactly one.
     *
     * @return the equilibria in the order of the pieces, with their welfare against the optimum; empty when none
     *         exists among the candidates (a pure equilibrium may not exist across convex kinks)
     */
    public List<CournotEquilibrium> equilibria() {
        double[] optimum = optimum();
        List<CournotEquilibrium> out = new ArrayList<>();
        double scale = 1;
        for (int k = 0; k < demand.pieces(); k++) {
            scale = Math.max(scale, Math.abs(demand.from(k)));
            if (Double.isFinite(demand.to(k))) {
                scale = Math.max(scale, Math.abs(demand.to(k)));
            }
        }
        double slack = GameTolerances.PIECE_MEMBERSHIP * scale;
        for (int k = 0; k < demand.pieces(); k++) {
            double[] q = demand.beta(k) > 0 ? linearEquilibrium(demand.alpha(k), demand.beta(k)) : priceTaking(k);
            double total = sum(q);
            if (total < demand.from(k) - slack || total > demand.to(k) + slack) {
                continue;
            }
            if (total > demand.maxQuantity()) {
                continue;
            }
            double gain = maxBestResponseGain(q);
            if (gain > GameTolerances.BEST_RESPONSE_GAIN) {
                continue;
            }
            double[] profits = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                profits[i] = profit(i, q);
            }
            boolean seen = out.stream().anyMatch(e -> Math.abs(e.total() - total) <= slack);
            if (!seen) {
                out.add(new CournotEquilibrium(sellers, q, total, demand.price(total), profits, k, Math.max(gain, 0.0),
                        welfare(q), optimum[1], optimum[0], optimum[2]));
            }
        }
        return out;
    }

    /**
     * The first verified equilibrium, if any.
     *
     * @return the equilibrium of the lowest demand piece; empty when no pure equilibrium was found
     */
    public Optional<CournotEquilibrium> equilibrium() {
        List<CournotEquilibrium> all = equilibria();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * The welfare optimum: the total where the buyers' price meets the sellers' aggregate
     * marginal cost (every seller a price taker), found by bisection on the total.
     *
     * @return {@code {total, welfare, price}}
     */
    public double[] optimum() {
        double lo = all.qMin();
        double hi = Math.min(all.qMax(), demand.maxQuantity());
        if (!Double.isFinite(hi)) {
            // Past this the linear price is below every marginal cost.
            hi = Math.max(lo, (demand.alpha(0) - all.lowestMarginalCost()) / demand.beta(0)) + 1;
        }
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double p = demand.price(mid);
            if (p > all.marginalCostHigh(mid)) {
                lo = mid;
            } else if (p < all.marginalCostLow(mid)) {
                hi = mid;
            } else {
                lo = mid;
                hi = mid;
            }
        }
        double q = 0.5 * (lo + hi);
        return new double[] {q, demand.integral(q) - all.cost(q), demand.price(q)};
    }
}
