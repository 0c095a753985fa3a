package org.peerclear.games.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;

class CoalitionMarketsTest {
    private static Market market() {
        return Market.builder("m")
                .agent(new Agent("a", List.of(new Asset("a.pv", 0, 2, 0, 0))))
                .agent(new Agent("b", List.of(new Asset("b.load", -1, 0, 0.1, 0.3))))
                .agent(new Agent("c", List.of(new Asset("c.load", -1, 0, 0.1, 0.3))))
                .agent(new Agent("mgr", List.of(new Asset("mgr.gen", 0, 1, 0.1, 0.1))))
                .agent(new Agent("trader", List.of()))
                .tradeGraph(TradeGraph.pairs(List.of(List.of("a", "mgr"), List.of("a", "trader"), List.of("mgr", "trader")), 0.01,
                        List.of(new Arc("b", "mgr", 0.02), new Arc("a", "trader", 0.03))))
                .community(new Community("k", "mgr", List.of("b", "c")))
                .grid(new Grid(null, 0.3, 0.05)).build();
    }

    @Test
    void theCoalitionKeepsItsPlayersAndTheStructureTradesFlowThrough() {
        Market m = market();
        assertThat(CoalitionMarkets.players(m)).containsExactly("a", "b", "c", "mgr");
        Market onlyB = CoalitionMarkets.of(m, Set.of("b"));
        // b keeps its manager (without the manager's assets: mgr is a player outside the coalition) and the
        // asset-less trader; a and c leave with their pairs and overrides.
        assertThat(onlyB.agents()).extracting(Agent::id).containsExactly("b", "mgr", "trader");
        assertThat(onlyB.agent("mgr").assets()).isEmpty();
        assertThat(onlyB.communities()).containsExactly(new Community("k", "mgr", List.of("b")));
        assertThat(onlyB.tradeGraph().pairs()).containsExactly(List.of("mgr", "trader"));
        assertThat(onlyB.tradeGraph().overrides()).containsExactly(new Arc("b", "mgr", 0.02));
        assertThat(onlyB.grid()).isEqualTo(m.grid());
        // Without any member, the community is its manager alone.
        Market onlyA = CoalitionMarkets.of(m, Set.of("a"));
        assertThat(onlyA.communities()).isEmpty();
        assertThat(onlyA.agents()).extracting(Agent::id).containsExactly("a", "mgr", "trader");
        // The grand coalition's market is the case.
        Market all = CoalitionMarkets.of(m, Set.of("a", "b", "c", "mgr"));
        assertThat(all.arcs()).isEqualTo(m.arcs());
        assertThat(all.agents()).isEqualTo(m.agents());
    }

    @Test
    void aNonPlayerIsRefused() {
        assertThatThrownBy(() -> CoalitionMarkets.of(market(), Set.of("trader")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a player");
    }

    @Test
    void theIndexRouteReproducesTheseMarkets() {
        Market m = market();
        CommunityGame flow = CommunityGame.of(m, CommunityGame.Evaluator.FLOW);
        CommunityGame clearing = CommunityGame.of(m, CommunityGame.Evaluator.CLEARING);
        for (Set<String> s : List.of(Set.of("a"), Set.of("b"), Set.of("mgr"), Set.of("a", "b"), Set.of("b", "c"),
                Set.of("a", "c", "mgr"), Set.of("a", "b", "c", "mgr"))) {
            assertThat(flow.cost(s)).as("%s", s).isCloseTo(clearing.cost(s), org.assertj.core.api.Assertions.within(1e-9));
        }
    }
}
