package org.peerclear.games.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.games.GameTolerances;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

class CommunityGameTest {

    /** c(S) by the three evaluators on random coalitions: the closed form and the exact engine against qp. */
    private static void assertEvaluatorsAgree(Market m, int coalitions, long seed, boolean pool) {
        CommunityGame clearing = CommunityGame.of(m, CommunityGame.Evaluator.CLEARING);
        CommunityGame flow = CommunityGame.of(m, CommunityGame.Evaluator.FLOW);
        CommunityGame auto = CommunityGame.of(m);
        assertThat(auto.evaluator()).isEqualTo(pool ? CommunityGame.Evaluator.POOL : CommunityGame.Evaluator.FLOW);
        List<String> ids = clearing.playerIds();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < coalitions; k++) {
            Set<String> s = new LinkedHashSet<>();
            double p = rnd.nextDouble();
            for (String id : ids) {
                if (rnd.nextDouble() < p) {
                    s.add(id);
                }
            }
            if (k < ids.size()) {
                s = Set.of(ids.get(k));
            }
            if (s.isEmpty()) {
                continue;
            }
            double reference = clearing.cost(s);
            double scale = Math.max(1.0, grossScale(m, s));
            assertThat(flow.cost(s)).as("flow on %s", s).isCloseTo(reference, within(GameTolerances.COALITION_COST * scale));
            assertThat(auto.cost(s)).as("%s on %s", auto.evaluator(), s)
                    .isCloseTo(reference, within(GameTolerances.COALITION_COST * scale));
        }
    }

    /** The coalition's gross cost: the objective's terms in absolute value, from its qp clearing. */
    private static double grossScale(Market m, Set<String> s) {
        ClearingResult r = ClearingMethods.load().get("qp").clear(CoalitionMarkets.of(m, s), ClearingOptions.DEFAULT);
        return org.peerclear.result.CostAccounting.grossCost(r);
    }

    @Test
    void closedFormMatchesTheClearingOnHouseholdsTradingOnACompleteGraph() {
        assertEvaluatorsAgree(Communities.householdsAtNoon(12, 3), 40, 1, true);
    }

    @Test
    void closedFormMatchesTheClearingOnACommunityWithAManager() {
        assertEvaluatorsAgree(Communities.asCommunity(Communities.householdsAtNoon(10, 5), 0.004), 40, 2, true);
    }

    @Test
    void closedFormMatchesTheClearingOnVariedCommunities() {
        for (long seed = 1; seed <= 3; seed++) {
            assertEvaluatorsAgree(Communities.variedCommunity(9, seed, seed == 2), 30, seed, true);
        }
    }

    @Test
    void closedFormMatchesTheClearingOnVariedCompleteGraphsWithAndWithoutAGrid() {
        assertEvaluatorsAgree(Communities.variedComplete(9, 7, true), 30, 3, true);
        assertEvaluatorsAgree(Communities.variedComplete(8, 8, false), 30, 4, true);
    }

    @Test
    void aPlayerThatCannotClearAloneIsNamed() {
        // Islanded, a fixed load cannot be served alone: v is undefined, and the game says who and why.
        Market m = Market.builder("island").agent(new org.peerclear.model.Agent("a",
                        List.of(new org.peerclear.model.Asset("a.load", -1, -1, 0, 0))))
                .agent(new org.peerclear.model.Agent("b", List.of(new org.peerclear.model.Asset("b.pv", 0, 2, 0, 0)))).build();
        assertThatThrownBy(() -> CommunityGame.of(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("player 'a'").hasMessageContaining("cannot clear alone");
    }

    @Test
    void grandCoalitionCostIsTheCasesClearing() {
        Market m = Communities.householdsAtNoon(14, 9);
        ClearingResult r = ClearingMethods.load().get("qp").clear(m, ClearingOptions.DEFAULT);
        CommunityGame g = CommunityGame.of(m);
        assertThat(g.grandCoalitionCost()).isCloseTo(r.objective(),
                within(GameTolerances.COALITION_COST * org.peerclear.result.CostAccounting.grossCost(r)));
    }

    @Test
    void savingsAreNonNegativeAndZeroAlone() {
        CommunityGame g = CommunityGame.of(Communities.householdsAtNoon(8, 4));
        double[] v = CoalitionValues.of(g, 2);
        for (int i = 0; i < 8; i++) {
            assertThat(v[1 << i]).isCloseTo(0.0, within(1e-12));
        }
        for (int s = 1; s < v.length; s++) {
            assertThat(v[s]).as("v(%s)", Integer.toBinaryString(s)).isGreaterThanOrEqualTo(-1e-9);
        }
        assertThat(v[255]).isGreaterThan(0.0);
    }

    @Test
    void aMarketThatIsNoPoolIsClearedByTheEngine() {
        // Two communities: not one hub.
        Market one = Communities.asCommunity(Communities.householdsAtNoon(6, 2), 0.001);
        Market.Builder b = one.toBuilder();
        Market two = Market.builder("two").units(one.units()).grid(one.grid().orElseThrow()).tradeGraph(one.tradeGraph())
                .agents(one.agents()).agent(new org.peerclear.model.Agent("manager2", List.of()))
                .community(new org.peerclear.model.Community("c1", "manager", List.of("h0", "h1", "h2")))
                .community(new org.peerclear.model.Community("c2", "manager2", List.of("h3", "h4", "h5"))).build();
        assertThat(b).isNotNull();
        assertThat(CommunityGame.of(two).evaluator()).isEqualTo(CommunityGame.Evaluator.FLOW);
        assertThat(CommunityGame.of(two).notes().get(0)).contains("2 communities");
        assertThatThrownBy(() -> CommunityGame.of(two, CommunityGame.Evaluator.POOL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no pool");
        assertEvaluatorsAgree(two, 20, 5, false);
    }

    @Test
    void poolDetectionSaysWhyAMarketIsNoPool() {
        Market noon = Communities.householdsAtNoon(4, 1);
        // An asset-less trader on the complete graph could carry trades at other fees.
        Market withTrader = noon.toBuilder().agent(new org.peerclear.model.Agent("trader", List.of())).build();
        assertThatThrownBy(() -> CommunityGame.of(withTrader, CommunityGame.Evaluator.POOL))
                .hasMessageContaining("trader").hasMessageContaining("no assets");
        // One pair at another fee.
        Market oneFee = noon.toBuilder().tradeGraph(org.peerclear.model.TradeGraph.complete(0.002,
                List.of(new org.peerclear.model.Arc("h0", "h1", 0.01)))).build();
        assertThatThrownBy(() -> CommunityGame.of(oneFee, CommunityGame.Evaluator.POOL)).hasMessageContaining("different fees");
        // Not every pair may trade.
        Market pairs = noon.toBuilder().tradeGraph(org.peerclear.model.TradeGraph.pairs(List.of(List.of("h0", "h1"),
                List.of("h1", "h2"), List.of("h2", "h3")), 0.002, List.of())).build();
        assertThatThrownBy(() -> CommunityGame.of(pairs, CommunityGame.Evaluator.POOL)).hasMessageContaining("not every pair");
        // Each is cleared by the engine instead, and agrees with qp.
        for (Market m : List.of(withTrader, oneFee, pairs)) {
            assertEvaluatorsAgree(m, 10, 3, false);
        }
    }

    @Test
    void exactValuesDoNotDependOnThreadsWithEveryEvaluator() {
        Market m = Communities.householdsAtNoon(11, 6);
        for (CommunityGame.Evaluator e : List.of(CommunityGame.Evaluator.POOL, CommunityGame.Evaluator.FLOW)) {
            CommunityGame g = CommunityGame.of(m, e);
            assertThat(CoalitionValues.of(g, 2)).as("%s", e).containsExactly(CoalitionValues.of(g, 1));
        }
    }
}
