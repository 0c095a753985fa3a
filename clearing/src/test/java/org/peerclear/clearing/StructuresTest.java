package org.peerclear.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.structure.MarketStructures;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Agent;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.TradeResult;

/** Pool, P2P, community and composite structures: the theory that ties them together, and the money they move. */
class StructuresTest {
    private final QpClearing qp = new QpClearing();

    static List<Agent> peers(int n, long seed) {
        return BipartiteMarketGenerator.generate(n, BipartiteMarketGenerator.ALL_PARTNERS, seed, null, null).agents();
    }

    static Map<String, List<String>> twoCommunities(List<Agent> agents, boolean everyone) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            if (!everyone && i % 5 == 4) {
                continue; // independent peers: a composite market
            }
            (i % 2 == 0 ? first : second).add(agents.get(i).id());
        }
        c.put("m1", first);
        c.put("m2", second);
        return c;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void withoutCoefficientsEveryStructureGivesTheSameWelfareAndOneUniformPrice(long seed) {
        List<Agent> agents = peers(12, seed);
        Grid grid = new Grid(null, 0.45, 0.1);
        List<ClearingResult> results = List.of(
                qp.clear(MarketStructures.pool("pool", agents, "mo", 0.0, grid), ClearingOptions.DEFAULT),
                qp.clear(MarketStructures.fullP2P("p2p", agents, 0.0, grid), ClearingOptions.DEFAULT),
                qp.clear(MarketStructures.communities("community", agents, twoCommunities(agents, true), 0.0, grid), ClearingOptions.DEFAULT),
                qp.clear(MarketStructures.communities("composite", agents, twoCommunities(agents, false), 0.0, grid), ClearingOptions.DEFAULT));
        double welfare = results.get(0).welfare();
        double price = results.get(0).agent(agents.get(0).id()).price();
        for (ClearingResult r : results) {
            assertThat(r.status()).as(r.market().name()).isEqualTo(Status.OPTIMAL);
            assertThat(r.verify().passes()).as(r.market().name() + " " + r.verify()).isTrue();
            assertThat(r.welfare()).as(r.market().name()).isCloseTo(welfare, within(Tolerances.ANALYTIC * Math.max(1, Math.abs(welfare))));
            for (AgentResult a : r.agents()) {
                if (!Double.isNaN(a.price()) && !a.id().equals(Grid.AGENT_ID)) {
                    assertThat(a.price()).as(r.market().name() + " " + a.id()).isCloseTo(price, within(Tolerances.ANALYTIC));
                }
            }
        }
    }

    /**
     * What the settlement relies on, from the result alone (the bills are the settlement module's,
     * which depends on this one): each pair's two records are one trade at one price, so what a
     * seller receives is what its buyer pays, and each agent's trades carry its injection.
     */
    @ParameterizedTest
    @ValueSource(strings = {"pool", "p2p", "community"})
    void everyStructuresTradesConserveMoneyAndEnergy(String structure) {
        List<Agent> agents = peers(10, 5);
        Grid grid = new Grid(null, 0.45, 0.1);
        Market m = switch (structure) {
            case "pool" -> MarketStructures.pool("pool", agents, "mo", 0.01, grid);
            case "p2p" -> MarketStructures.fullP2P("p2p", agents, 0.015, grid);
            default -> MarketStructures.communities("c", agents, twoCommunities(agents, false), 0.005, grid);
        };
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        double money = 0;
        double mismatch = 0;
        for (TradeResult t : r.trades()) {
            TradeResult back = r.trades().stream().filter(u -> u.from().equals(t.to()) && u.to().equals(t.from()))
                    .findFirst().orElseThrow();
            if (t.quantity() > 0) {
                money += t.quantity() * t.price();
                // The seller's record of the money against the buyer's own.
                mismatch += t.quantity() * t.price() + back.quantity() * back.price();
            }
        }
        assertThat(money).isPositive();
        assertThat(Math.abs(mismatch)).isLessThanOrEqualTo(Tolerances.MONEY * money);
        for (Agent a : m.agents()) {
            double traded = r.trades().stream().filter(t -> t.from().equals(a.id())).mapToDouble(TradeResult::quantity).sum();
            double p = r.agent(a.id()).p();
            assertThat(traded).as(a.id()).isCloseTo(p, within(1e-6 * Math.max(1, Math.abs(p))));
        }
    }
}
