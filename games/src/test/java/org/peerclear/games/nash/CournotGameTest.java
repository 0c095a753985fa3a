package org.peerclear.games.nash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.structure.MarketStructures;
import org.peerclear.games.GameTolerances;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/** Cournot: the textbook cases in closed form, best-response checks, the potential QP and a market's buyers. */
class CournotGameTest {
    private static final double EXACT = 1e-12;
    private static final double ALPHA = 10;
    private static final double BETA = 1;
    private static final double C = 2;
    /** A capacity the textbook's unlimited sellers never reach (the total output stays below α/β = 10). */
    private static final double UNLIMITED = 1e6;

    private static CournotGame symmetric(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("s" + i);
        }
        return new CournotGame(ids, Collections.nCopies(n, SellerCost.quadratic(0, C, UNLIMITED)),
                InverseDemand.linear(ALPHA, BETA));
    }

    @Test
    void theSymmetricDuopolyMatchesItsClosedForm() {
        CournotEquilibrium e = symmetric(2).equilibrium().orElseThrow();
        // q* = (α − c)/(3β), P = (α + 2c)/3.
        assertThat(e.quantities()[0]).isCloseTo((ALPHA - C) / (3 * BETA), within(EXACT));
        assertThat(e.quantities()[1]).isCloseTo((ALPHA - C) / (3 * BETA), within(EXACT));
        assertThat(e.price()).isCloseTo((ALPHA + 2 * C) / 3, within(EXACT));
        assertThat(e.maxGain()).isLessThanOrEqualTo(GameTolerances.BEST_RESPONSE_GAIN);
        // Welfare: optimum (α − c)²/(2β) = 32; the duopoly's 4/9·(α − c)²/β: the price of anarchy is 9/8.
        assertThat(e.optimum()).isCloseTo(32, within(1e-9));
        assertThat(e.optimumPrice()).isCloseTo(C, within(1e-9));
        assertThat(e.priceOfAnarchy()).isCloseTo(9.0 / 8, within(1e-9));
    }

    @Test
    void thePriceFallsToTheCompetitivePriceAsSellersGrow() {
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {1, 2, 3, 5, 10, 20, 50, 100, 200}) {
            CournotEquilibrium e = symmetric(n).equilibrium().orElseThrow();
            assertThat(e.price()).as("n = %d", n).isCloseTo((ALPHA + n * C) / (n + 1), within(1e-10));
            assertThat(e.price()).isLessThan(previous).isGreaterThan(C);
            assertThat(e.priceOfAnarchy()).isGreaterThanOrEqualTo(1.0);
            previous = e.price();
        }
        // (α − c)/(n + 1) above cost: within 0.04 at n = 200, and the welfare lost goes with it.
        CournotEquilibrium many = symmetric(200).equilibrium().orElseThrow();
        assertThat(many.price() - C).isLessThan((ALPHA - C) / 200);
        assertThat(many.priceOfAnarchy()).isLessThan(1.0001);
    }

    @Test
    void theBestResponseCheckFailsOffTheEquilibrium() {
        CournotGame game = symmetric(2);
        double[] q = game.equilibrium().orElseThrow().quantities();
        assertThat(game.maxBestResponseGain(q)).isLessThanOrEqualTo(GameTolerances.BEST_RESPONSE_GAIN);
        double[] perturbed = q.clone();
        perturbed[0] += 0.1;
        assertThat(game.maxBestResponseGain(perturbed)).isGreaterThan(GameTolerances.BEST_RESPONSE_GAIN);
        // Seller 1's best response to seller 0's 8/3 + 0.1 is (α − c − β·q0)/(2β).
        assertThat(game.bestResponse(1, perturbed)).isCloseTo((ALPHA - C - perturbed[0]) / 2, within(EXACT));
    }

    @Test
    void thePotentialQpOnABackEndFindsTheSameEquilibrium() {
        List<SellerCost> costs = List.of(SellerCost.quadratic(0.5, 1.0, 4.0), SellerCost.quadratic(0.2, 2.0, 10.0),
                SellerCost.of(List.of(new Asset("c1", 0, 1.5, 0, 0.5), new Asset("c2", 0, 6, 1.0, 1.0))));
        CournotGame game = new CournotGame(List.of("a", "b", "c"), costs, InverseDemand.linear(12, 0.8));
        double[] exact = game.equilibrium().orElseThrow().quantities();
        double[] qp = CournotPotential.solve(costs, 12, 0.8);
        double total = 0;
        for (double v : exact) {
            total += v;
        }
        for (int i = 0; i < exact.length; i++) {
            assertThat(qp[i]).as("seller %d", i).isCloseTo(exact[i], within(GameTolerances.BACKEND_AGREEMENT * Math.max(1, total)));
        }
        // Seller a is at its capacity, c's cheap asset full.
        assertThat(game.maxBestResponseGain(exact)).isLessThanOrEqualTo(GameTolerances.BEST_RESPONSE_GAIN);
    }

    @Test
    void aSellersBestOutputBeatsEveryPointOfAFineGrid() {
        SellerCost c = SellerCost.of(List.of(new Asset("x", 0.5, 2, 0, 1.0), new Asset("y", 0, 5, 0.5, 0)));
        double intercept = 6;
        double slope = 0.7;
        double best = c.bestOutput(intercept, slope, c.qMin(), c.qMax());
        double bestValue = (intercept - slope * best) * best - c.cost(best);
        for (int k = 0; k <= 7000; k++) {
            double q = c.qMin() + k * (c.qMax() - c.qMin()) / 7000;
            assertThat((intercept - slope * q) * q - c.cost(q)).isLessThanOrEqualTo(bestValue + EXACT);
        }
        // The cheapest split fills y first (marginal cost 0 + 0.5·p) up to 2, then x at 1.
        assertThat(c.dispatch(3.0)).containsExactly(1.0, 2.0);
        assertThat(c.cost(3.0)).isCloseTo(1.0 + 0.25 * 4, within(EXACT));
    }

    @Test
    void aMarketsSellersFaceTheBuyersAssetsAndTheOptimumIsTheClearingsWelfare() {
        List<Agent> agents = new ArrayList<>();
        agents.add(new Agent("g1", List.of(new Asset("g1.u", 0, 8, 0.05, 0.05))));
        agents.add(new Agent("g2", List.of(new Asset("g2.u", 0, 6, 0.08, 0.04))));
        agents.add(new Agent("g3", List.of(new Asset("g3.u", 0, 10, 0.02, 0.10))));
        double[][] loads = {{-4, 0.05, 0.45}, {-3, 0.08, 0.40}, {-5, 0.03, 0.35}, {-2, 0.10, 0.50}, {-6, 0.02, 0.30}};
        for (int j = 0; j < loads.length; j++) {
            agents.add(new Agent("b" + j, List.of(new Asset("b" + j + ".load", loads[j][0], 0, loads[j][1], loads[j][2]))));
        }
        Market market = MarketStructures.fullP2P("cournot", agents, 0.0, null);
        CournotGame game = CournotGame.of(market, List.of("g1", "g2", "g3"));
        assertThat(game.demand().pieces()).isGreaterThan(1);
        List<CournotEquilibrium> all = game.equilibria();
        assertThat(all).isNotEmpty();
        for (CournotEquilibrium e : all) {
            assertThat(game.maxBestResponseGain(e.quantities())).isLessThanOrEqualTo(GameTolerances.BEST_RESPONSE_GAIN);
            assertThat(e.price()).isGreaterThan(e.optimumPrice());
            assertThat(e.total()).isLessThan(e.optimumQuantity());
            assertThat(e.priceOfAnarchy()).isGreaterThan(1.0);
        }
        ClearingResult optimum = ClearingMethods.load().get("qp").clear(market, ClearingOptions.DEFAULT);
        CournotEquilibrium e = all.get(0);
        assertThat(e.optimum()).isCloseTo(optimum.welfare(), within(GameTolerances.BACKEND_AGREEMENT * Math.max(1, e.optimum())));
        assertThat(e.optimumPrice()).isCloseTo(optimum.agent("b0").price(), within(GameTolerances.BACKEND_AGREEMENT));
    }

    @Test
    void aMarketWithAGridOrAMustTakeLoadIsRefused() {
        List<Agent> agents = List.of(new Agent("g", List.of(new Asset("g.u", 0, 5, 0.1, 0.1))),
                new Agent("b", List.of(new Asset("b.load", -3, 0, 0.1, 0.4))));
        Market withGrid = MarketStructures.fullP2P("m", agents, 0.0, new Grid(null, 0.3, 0.05));
        assertThatThrownBy(() -> CournotGame.of(withGrid, List.of("g"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grid");
        assertThatThrownBy(() -> InverseDemand.ofBuyers(List.of(new Asset("fixed", -3, -1, 0.1, 0.4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must-take");
    }

    @Test
    void theBuyersInverseDemandAndItsIntegralAreTheirUtility() {
        // Two buyers: b = 0.5, a = 0.1, up to 2; b = 0.3, a = 0 (flat), up to 1.
        InverseDemand d = InverseDemand.ofBuyers(List.of(new Asset("x", -2, 0, 0.1, 0.5), new Asset("y", -1, 0, 0, 0.3)));
        assertThat(d.price(0)).isCloseTo(0.5, within(EXACT));
        assertThat(d.price(1)).isCloseTo(0.4, within(EXACT));
        // x fills up at 0.3 (2 units), then y takes its unit at 0.3.
        assertThat(d.price(2)).isCloseTo(0.3, within(EXACT));
        assertThat(d.price(2.5)).isCloseTo(0.3, within(EXACT));
        assertThat(d.maxQuantity()).isCloseTo(3, within(EXACT));
        // ∫_0^3 P = x's utility 0.5·2 − 0.05·4 = 0.8 plus y's 0.3.
        assertThat(d.integral(3)).isCloseTo(1.1, within(EXACT));
    }
}
