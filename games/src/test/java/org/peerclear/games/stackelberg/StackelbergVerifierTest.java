package org.peerclear.games.stackelberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerclear.games.GameTolerances;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;

/** The equilibrium check passes on the solvers' results and fails on corrupted ones. */
class StackelbergVerifierTest {
    private static StackelbergResult solved() {
        return StackelbergPriceSearch.solve(Instances.game(40, 7, StackelbergOptions.DEFAULT));
    }

    @Test
    void everyFollowerRespondsBestAtTheSearchedPrices() {
        StackelbergResult r = solved();
        EquilibriumCheck c = r.check();
        assertThat(c.passed()).as("%s", c).isTrue();
        assertThat(c.failures()).isEmpty();
        assertThat(c.maxRelativeImprovement()).isLessThanOrEqualTo(GameTolerances.STACKELBERG_BEST_RESPONSE);
        assertThat(c.maxInfeasibility()).isZero();
        assertThat(Math.abs(c.objectiveResidual())).isLessThanOrEqualTo(GameTolerances.STACKELBERG_OBJECTIVE);
        // Responses are unique (every flexible asset has a > 0): the clearing finds the same powers.
        assertThat(c.maxResponseDifference()).isLessThan(1e-6);
        assertThat(c.method()).startsWith("clearing ");
        // The result holds both kinds of follower and the dead band, so the check covers them all.
        assertThat(r.responses()).anyMatch(f -> f.exported() > 0).anyMatch(f -> f.imported() > 0);
        assertThat(r.sellPrice()).isLessThan(r.buyPrice());
    }

    @Test
    void aFollowerMovedOffItsBestResponseFailsTheCheck() {
        StackelbergGame game = Instances.game(40, 7, StackelbergOptions.DEFAULT.withVerify(false));
        StackelbergResult r = StackelbergPriceSearch.solve(game);
        // Move follower 3's load by 0.5 kW towards its bound: still feasible, no longer best.
        List<FollowerResponse> responses = new ArrayList<>(r.responses());
        FollowerResponse f = responses.get(3);
        Map<String, Double> powers = new LinkedHashMap<>(f.assetPower());
        String load = f.agentId() + ".load";
        Asset asset = game.followers().get(3).assets().get(0);
        double moved = powers.get(load) + (powers.get(load) - 0.5 >= asset.pMin() ? -0.5 : 0.5);
        powers.put(load, moved);
        responses.set(3, new FollowerResponse(f.agentId(), powers, f.net(), f.imported(), f.exported(),
                f.marginalValue(), f.assetCost(), f.payment()));
        StackelbergResult corrupted = altered(r, r.buyPrice(), r.sellPrice(), responses, 0);

        EquilibriumCheck c = StackelbergVerifier.verify(game, corrupted);
        assertThat(c.passed()).isFalse();
        assertThat(c.worstFollower()).isEqualTo(f.agentId());
        // Moving an interior asset by δ costs it ½·a·δ² at least (a >= 0.01 here).
        assertThat(c.maxImprovement()).isGreaterThanOrEqualTo(0.5 * 0.01 * 0.25 * (1 - 1e-9));
        assertThat(c.failures()).anyMatch(s -> s.contains(f.agentId()));
    }

    @Test
    void responsesClaimedAtOtherPricesFailTheCheck() {
        StackelbergGame game = Instances.game(40, 7, StackelbergOptions.DEFAULT.withVerify(false));
        StackelbergResult r = StackelbergPriceSearch.solve(game);
        // The same responses, announced as answers to prices a cent higher on both sides.
        StackelbergResult shifted = altered(r, r.buyPrice() + 0.01, r.sellPrice() + 0.01, r.responses(), 0);
        EquilibriumCheck c = StackelbergVerifier.verify(game, shifted);
        assertThat(c.passed()).isFalse();
        assertThat(c.maxRelativeImprovement()).isGreaterThan(GameTolerances.STACKELBERG_BEST_RESPONSE);
    }

    @Test
    void aPowerBeyondItsBoundFailsTheCheck() {
        StackelbergGame game = Instances.game(5, 3, StackelbergOptions.DEFAULT.withVerify(false));
        StackelbergResult r = StackelbergPriceSearch.solve(game);
        List<FollowerResponse> responses = new ArrayList<>(r.responses());
        FollowerResponse f = responses.get(0);
        Map<String, Double> powers = new LinkedHashMap<>(f.assetPower());
        powers.put(f.agentId() + ".load", 1.0); // a load cannot inject
        responses.set(0, new FollowerResponse(f.agentId(), powers, f.net(), f.imported(), f.exported(),
                f.marginalValue(), f.assetCost(), f.payment()));
        StackelbergResult corrupted = altered(r, r.buyPrice(), r.sellPrice(), responses, 0);
        EquilibriumCheck c = StackelbergVerifier.verify(game, corrupted);
        assertThat(c.passed()).isFalse();
        assertThat(c.maxInfeasibility()).isGreaterThan(GameTolerances.STACKELBERG_FEASIBILITY);
    }

    @Test
    void aClaimedLeaderObjectiveThatTheResponsesDoNotGiveFailsTheCheck() {
        StackelbergGame game = Instances.game(10, 5, StackelbergOptions.DEFAULT.withVerify(false));
        StackelbergResult r = StackelbergPriceSearch.solve(game);
        StackelbergResult inflated = altered(r, r.buyPrice(), r.sellPrice(), r.responses(), 1);
        EquilibriumCheck c = StackelbergVerifier.verify(game, inflated);
        assertThat(c.passed()).isFalse();
        assertThat(c.maxRelativeImprovement()).isLessThanOrEqualTo(GameTolerances.STACKELBERG_BEST_RESPONSE);
        assertThat(c.failures()).anyMatch(s -> s.contains("profit"));
    }

    @Test
    void gamesOutsideTheScopeAreRefusedSayingWhy() {
        List<Agent> flatCost = List.of(new Agent("s", List.of(new Asset("s.battery", -5, 5, 0.0, 0.0))));
        assertThatThrownBy(() -> StackelbergGame.of(flatCost, 0.3, 0.1, StackelbergOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a = 0");
        Market limited = Market.builder("m").agents(Instances.prosumers(3, 1))
                .grid(new Grid(null, 0.3, 0.1, 10.0, Double.POSITIVE_INFINITY)).build();
        assertThatThrownBy(() -> StackelbergGame.of(limited, StackelbergOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        StackelbergGame welfareTwoPrices = Instances.game(3, 1,
                StackelbergOptions.DEFAULT.withObjective(LeaderObjective.WELFARE));
        assertThatThrownBy(() -> StackelbergPriceSearch.solve(welfareTwoPrices))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price tick");
    }

    @Test
    void aCostNoPriceRecoversIsInfeasibleSayingWhatTheLeaderCanEarn() {
        StackelbergOptions o = StackelbergOptions.DEFAULT.withObjective(LeaderObjective.WELFARE)
                .withStructure(PriceStructure.SINGLE).withLeaderCost(1.0);
        StackelbergResult r = StackelbergPriceSearch.solve(Instances.game(10, 2, o));
        // One price within the grid's prices never earns: (price − import)·imports <= 0 or (export − price)·exports <= 0.
        assertThat(r.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(r.message()).contains("the most it can earn");
        assertThat(r.responses()).isEmpty();
        assertThat(r.check()).isNull();
    }

    @Test
    void aMarketsAgentsWithAssetsAreTheFollowers() {
        Market m = Market.builder("community").agents(Instances.prosumers(4, 9)).agent(new Agent("manager", List.of()))
                .grid(new Grid(null, Instances.IMPORT, Instances.EXPORT)).build();
        StackelbergGame g = StackelbergGame.of(m, StackelbergOptions.DEFAULT);
        assertThat(g.numFollowers()).isEqualTo(4);
        assertThat(g.priceFloor()).isEqualTo(Instances.EXPORT);
        assertThat(g.priceCap()).isEqualTo(Instances.IMPORT);
        assertThat(g.notes()).anyMatch(s -> s.contains("without assets")).anyMatch(s -> s.contains("trade graph"));
    }

    /**
     * The result with other prices and responses announced, and its leader's profit and objective
     * raised by {@code claimedGain}; everything else as solved.
     */
    private static StackelbergResult altered(StackelbergResult r, double buyPrice, double sellPrice,
                                             List<FollowerResponse> responses, double claimedGain) {
        return new StackelbergResult(r.status(), r.method(), r.message(), r.objective(), r.structure(), buyPrice, sellPrice,
                responses, r.leaderProfit() + claimedGain, r.leaderObjective() + claimedGain, r.welfare(), r.imports(),
                r.exports(), r.gridImport(), r.gridExport(), r.notes(), r.seconds(), null);
    }
}
