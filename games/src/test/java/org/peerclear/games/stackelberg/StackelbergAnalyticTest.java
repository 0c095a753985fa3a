package org.peerclear.games.stackelberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.auto.AutoClearing;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;

/** Games whose optimum is known in closed form, derived by hand in each test's comment. */
class StackelbergAnalyticTest {
    /** Closed forms are exact; the search computes them through piecewise sums of a few terms. */
    private static final double EXACT = 1e-12;

    private static final double[] U = {0.5, 0.6, 0.45};
    private static final double[] A = {0.02, 0.04, 0.03};

    private static List<Agent> consumers() {
        List<Agent> out = new ArrayList<>();
        for (int i = 0; i < U.length; i++) {
            // Demand d = −p in [0, 50]; utility u·d − ½a·d² is the cost ½a·p² + u·p.
            out.add(new Agent("c" + i, List.of(new Asset("c" + i + ".load", -50, 0, A[i], U[i]))));
        }
        return out;
    }

    /**
     * One leader, quadratic followers, one price. Follower i's demand at price π is
     * {@code d_i(π) = (u_i − π)/a_i} (interior: {@code p = (π − u)/a} from {@code a·p + u = π}). The
     * leader buys all of it from the grid at {@code c} and sells at π: profit
     * {@code (π − c)·Σ_i (u_i − π)/a_i}, whose derivative {@code Σ u_i/a_i − 2π·Σ 1/a_i + c·Σ 1/a_i}
     * vanishes at {@code π* = (Σ u_i/a_i + c·Σ 1/a_i) / (2·Σ 1/a_i)}. Here Σ 1/a = 108.33, Σ u/a = 55,
     * c = 0.2: π* = 0.35385, where every demand (7.3, 6.2, 3.2) is inside (0, 50).
     */
    @Test
    void onePriceMonopolyMatchesItsClosedForm() {
        double c = 0.2;
        StackelbergOptions o = StackelbergOptions.DEFAULT.withStructure(PriceStructure.SINGLE).withPriceRange(0.0, 1.0);
        StackelbergResult r = StackelbergPriceSearch.solve(StackelbergGame.of(consumers(), c, 0.0, o));

        double inv = 0;
        double uOverA = 0;
        for (int i = 0; i < U.length; i++) {
            inv += 1 / A[i];
            uOverA += U[i] / A[i];
        }
        double price = (uOverA + c * inv) / (2 * inv);
        double demand = 0;
        for (int i = 0; i < U.length; i++) {
            double d = (U[i] - price) / A[i];
            assertThat(d).isStrictlyBetween(0.0, 50.0);
            demand += d;
        }
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.buyPrice()).isCloseTo(price, within(EXACT));
        assertThat(r.sellPrice()).isEqualTo(r.buyPrice());
        assertThat(r.leaderProfit()).isCloseTo((price - c) * demand, within(EXACT));
        assertThat(r.imports()).isCloseTo(demand, within(EXACT));
        assertThat(r.gridImport()).isCloseTo(demand, within(EXACT));
        assertThat(r.check().passed()).as("%s", r.check()).isTrue();
    }

    /**
     * Two prices, net importing community. Add producers k with supply {@code (s − b_k)/a_k} at sell
     * price s. Where the community imports ({@code E < I}), each unit exported saves the leader the
     * grid's import price {@code c}, so its profit is {@code (b − c)·I(b) + (c − s)·E(s)}: separable.
     * The buy price is the one-price monopoly's above; the sell price maximises
     * {@code (c − s)·Σ_k (s − b_k)/a_k}, i.e. {@code s* = (c·Σ 1/a_k + Σ b_k/a_k) / (2·Σ 1/a_k)}.
     * Here producers (b, a) = (0.05, 0.04), (0.10, 0.05): Σ 1/a = 45, Σ b/a = 3.25, s* = 0.136111,
     * where both produce (2.15, 0.72), E = 2.88 < I = 16.65, and s* < b*: the separable optimum is
     * admissible, and it is the global one (with c⁻ = 0, the region E >= I only sells surplus for nothing).
     */
    @Test
    void buyAndSellPricesSeparateIntoMonopolyAndMonopsony() {
        double c = 0.2;
        double[] b = {0.05, 0.10};
        double[] a = {0.04, 0.05};
        List<Agent> followers = consumers();
        for (int k = 0; k < b.length; k++) {
            followers.add(new Agent("g" + k, List.of(new Asset("g" + k + ".gen", 0, 50, a[k], b[k]))));
        }
        StackelbergOptions o = StackelbergOptions.DEFAULT.withPriceRange(0.0, 1.0);
        StackelbergResult r = StackelbergPriceSearch.solve(StackelbergGame.of(followers, c, 0.0, o));

        double inv = 0;
        double uOverA = 0;
        for (int i = 0; i < U.length; i++) {
            inv += 1 / A[i];
            uOverA += U[i] / A[i];
        }
        double buy = (uOverA + c * inv) / (2 * inv);
        double invP = 0;
        double bOverA = 0;
        for (int k = 0; k < b.length; k++) {
            invP += 1 / a[k];
            bOverA += b[k] / a[k];
        }
        double sell = (c * invP + bOverA) / (2 * invP);
        double imports = (uOverA - buy * inv);
        double exports = sell * invP - bOverA;
        assertThat(exports).isPositive().isLessThan(imports);
        assertThat(sell).isGreaterThan(b[1]).isLessThan(buy);

        assertThat(r.buyPrice()).isCloseTo(buy, within(EXACT));
        assertThat(r.sellPrice()).isCloseTo(sell, within(EXACT));
        assertThat(r.leaderProfit()).isCloseTo((buy - c) * imports + (c - sell) * exports, within(EXACT));
        assertThat(r.check().passed()).as("%s", r.check()).isTrue();
    }

    /**
     * Two prices, a balanced optimum. One consumer (u = 0.6, a₁ = 0.05) and one producer (b = 0.1,
     * a₂ = 0.05); the grid sells at 10 and buys at 0, prices within [0, 1]: a unit passed to or from
     * the grid loses money, so the leader matches exactly, {@code E(s) = I(b) = q}. Then
     * {@code b = u − a₁·q}, {@code s = b₀ + a₂·q} and its profit {@code (b − s)·q = (u − b₀ − (a₁ + a₂)·q)·q}
     * peaks at {@code q* = (u − b₀) / (2·(a₁ + a₂)) = 2.5}: buy 0.475, sell 0.225, profit 0.625.
     */
    @Test
    void balancedCommunityMatchesItsClosedForm() {
        List<Agent> followers = List.of(
                new Agent("c", List.of(new Asset("c.load", -50, 0, 0.05, 0.6))),
                new Agent("g", List.of(new Asset("g.gen", 0, 50, 0.05, 0.1))));
        StackelbergOptions o = StackelbergOptions.DEFAULT.withPriceRange(0.0, 1.0);
        StackelbergResult r = StackelbergPriceSearch.solve(StackelbergGame.of(followers, 10.0, 0.0, o));

        double q = (0.6 - 0.1) / (2 * (0.05 + 0.05));
        assertThat(r.buyPrice()).isCloseTo(0.6 - 0.05 * q, within(EXACT));
        assertThat(r.sellPrice()).isCloseTo(0.1 + 0.05 * q, within(EXACT));
        assertThat(r.imports()).isCloseTo(q, within(EXACT));
        assertThat(r.exports()).isCloseTo(q, within(EXACT));
        assertThat(r.leaderProfit()).isCloseTo(0.625, within(EXACT));
        assertThat(r.check().passed()).as("%s", r.check()).isTrue();
    }

    /**
     * Welfare with one price and no cost to recover is the competitive equilibrium: at the optimal
     * clearing's price every follower's best response is its part of the optimal dispatch, and the
     * leader's profit is zero (the price is the grid's when the community trades with it, and the
     * community is balanced otherwise). No price does better, since the clearing maximises the same
     * welfare over all dispatches. So the game's welfare equals the clearing's, on a market where
     * the followers trade with each other freely and with the grid.
     */
    @Test
    void welfareWithOnePriceIsTheOptimalClearing() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Agent> followers = Instances.prosumers(12, seed);
            StackelbergOptions o = StackelbergOptions.DEFAULT.withObjective(LeaderObjective.WELFARE)
                    .withStructure(PriceStructure.SINGLE);
            StackelbergResult r = StackelbergPriceSearch.solve(
                    StackelbergGame.of(followers, Instances.IMPORT, Instances.EXPORT, o));
            Market m = Market.builder("community").agents(followers).tradeGraph(TradeGraph.complete(0.0, List.of()))
                    .grid(new Grid(null, Instances.IMPORT, Instances.EXPORT)).build();
            ClearingResult cleared = new AutoClearing().clear(m, ClearingOptions.DEFAULT);

            assertThat(cleared.status()).isEqualTo(Status.OPTIMAL);
            assertThat(r.welfare()).as("seed %d", seed)
                    .isCloseTo(cleared.welfare(), within(1e-7 * (1 + Math.abs(cleared.welfare()))));
            assertThat(r.leaderProfit()).isCloseTo(0.0, within(1e-9));
            assertThat(r.check().passed()).as("%s", r.check()).isTrue();
        }
    }
}
