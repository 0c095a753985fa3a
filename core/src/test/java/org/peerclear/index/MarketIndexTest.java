package org.peerclear.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;

/** The solver view of the grid: one leg per agent that may trade with it, and nothing between legs. */
class MarketIndexTest {
    private static final Grid GRID = new Grid(null, 0.30, 0.05);

    private static Agent agent(String id) {
        return new Agent(id, List.of(new Asset(id + ".load", -1, 0, 0.1, 0.4)));
    }

    private static Market.Builder threeAgents() {
        return Market.builder("three").agent(agent("a")).agent(agent("b")).agent(agent("c"));
    }

    @Test
    void theGridHasOneLegPerPartnerEachWithItsOwnTariffAssetsAndOnlyThatPartner() {
        Market m = threeAgents().tradeGraph(TradeGraph.none(0.01, List.of())).grid(GRID).build();
        MarketIndex ix = MarketIndex.of(m);
        assertThat(ix.firstGridLeg()).isEqualTo(3);
        assertThat(ix.numGridLegs()).isEqualTo(3);
        assertThat(ix.numAgents()).isEqualTo(6);
        for (int n = 0; n < 3; n++) {
            int leg = ix.gridLegOf(n);
            assertThat(ix.isGridLeg(leg)).isTrue();
            assertThat(ix.agentId(leg)).isEqualTo(Grid.AGENT_ID);
            // One pair, with its partner only: a leg's trade is its own injection, so it cannot pass energy on.
            assertThat(ix.arcStart()[leg + 1] - ix.arcStart()[leg]).isEqualTo(1);
            assertThat(ix.to()[ix.arcsOf()[ix.arcStart()[leg]]]).isEqualTo(n);
            int s = ix.assetStart()[leg];
            assertThat(ix.assetStart()[leg + 1] - s).isEqualTo(2);
            assertThat(ix.assetId(s)).isEqualTo(Grid.IMPORT_ASSET_ID);
            assertThat(new double[] {ix.pMin()[s], ix.pMax()[s], ix.a()[s], ix.b()[s]})
                    .containsExactly(0.0, Double.POSITIVE_INFINITY, 0.0, 0.30);
            assertThat(ix.assetId(s + 1)).isEqualTo(Grid.EXPORT_ASSET_ID);
            assertThat(new double[] {ix.pMin()[s + 1], ix.pMax()[s + 1], ix.a()[s + 1], ix.b()[s + 1]})
                    .containsExactly(Double.NEGATIVE_INFINITY, 0.0, 0.0, 0.05);
        }
        assertThat(ix.gridLegOf(ix.gridLegOf(0))).as("no arc joins two legs").isEqualTo(-1);
        assertThatThrownBy(() -> ix.agentIndex(Grid.AGENT_ID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one leg per agent");
    }

    @Test
    void arcsKeepTheMarketsOrderAndCoefficientsWithTheGridsEndOnTheLeg() {
        Market m = threeAgents().tradeGraph(TradeGraph.pairs(List.of(List.of("a", "b")), 0.01,
                List.of(new Arc("c", Grid.AGENT_ID, 0.02), new Arc(Grid.AGENT_ID, "a", 0.03)))).grid(GRID).build();
        MarketIndex ix = MarketIndex.of(m);
        assertThat(ix.numArcs()).isEqualTo(m.arcs().size());
        for (int k = 0; k < ix.numArcs(); k++) {
            Arc arc = m.arcs().get(k);
            assertThat(ix.agentId(ix.from()[k])).isEqualTo(arc.from());
            assertThat(ix.agentId(ix.to()[k])).isEqualTo(arc.to());
            assertThat(ix.gamma()[k]).isEqualTo(arc.gamma());
            assertThat(ix.from()[MarketIndex.mirror(k)]).isEqualTo(ix.to()[k]);
        }
    }

    @Test
    void communityMembersHaveNoLegTheirManagerHasOne() {
        Market m = threeAgents().agent(new Agent("mgr", List.of())).community(new Community("C", "mgr", List.of("a", "b")))
                .tradeGraph(TradeGraph.complete(0.0, List.of())).grid(GRID).build();
        MarketIndex ix = MarketIndex.of(m);
        assertThat(ix.gridLegOf(ix.agentIndex("a"))).isEqualTo(-1);
        assertThat(ix.gridLegOf(ix.agentIndex("b"))).isEqualTo(-1);
        assertThat(ix.gridLegOf(ix.agentIndex("c"))).isNotNegative();
        assertThat(ix.gridLegOf(ix.agentIndex("mgr"))).isNotNegative();
        assertThat(ix.numGridLegs()).isEqualTo(2);
    }

    @Test
    void anIslandedMarketHasNoLegs() {
        MarketIndex ix = MarketIndex.of(threeAgents().build());
        assertThat(ix.numGridLegs()).isZero();
        assertThat(ix.firstGridLeg()).isEqualTo(ix.numAgents());
        assertThat(ix.gridLegOf(0)).isEqualTo(-1);
    }

    @Test
    void aFiniteLimitSharedByTwoLegsIsRefusedNamingTheField() {
        Market imports = threeAgents().grid(new Grid(null, 0.30, 0.05, 5.0, Double.POSITIVE_INFINITY)).build();
        assertThatThrownBy(() -> MarketIndex.of(imports)).isInstanceOf(InvalidMarketException.class)
                .hasMessageStartingWith("grid.importMax: a limit of 5.0 shared by the 3 agents");
        Market exports = threeAgents().grid(new Grid(null, 0.30, 0.05, Double.POSITIVE_INFINITY, 2.0)).build();
        assertThatThrownBy(() -> MarketIndex.of(exports)).isInstanceOf(InvalidMarketException.class)
                .hasMessageStartingWith("grid.exportMax: a limit of 2.0 shared by the 3 agents");
    }

    @Test
    void aLimitOfZeroOrOnASingleLegIsTheSameAsTheGrids() {
        MarketIndex noImport = MarketIndex.of(threeAgents().grid(new Grid(null, 0.30, 0.05, 0.0, Double.POSITIVE_INFINITY)).build());
        for (int leg = noImport.firstGridLeg(); leg < noImport.numAgents(); leg++) {
            assertThat(noImport.pMax()[noImport.assetStart()[leg]]).isZero();
        }
        Market pool = threeAgents().agent(new Agent("mgr", List.of()))
                .community(new Community("pool", "mgr", List.of("a", "b", "c"))).grid(new Grid(null, 0.30, 0.05, 5.0, 2.0)).build();
        MarketIndex ix = MarketIndex.of(pool);
        assertThat(ix.numGridLegs()).isEqualTo(1);
        int s = ix.assetStart()[ix.firstGridLeg()];
        assertThat(ix.pMax()[s]).isEqualTo(5.0);
        assertThat(ix.pMin()[s + 1]).isEqualTo(-2.0);
    }

    @Test
    void aViewOnSomePairsKeepsTheirArcsInOrderAndRebuildsTheAdjacency() {
        Market m = threeAgents().tradeGraph(TradeGraph.complete(0.01, List.of(new Arc("b", "c", 0.02)))).grid(GRID).build();
        MarketIndex ix = MarketIndex.of(m);
        int[] keep = {1, ix.numPairs() - 1};
        MarketIndex some = ix.withPairs(keep);
        assertThat(some.numPairs()).isEqualTo(2);
        assertThat(some.numAgents()).isEqualTo(ix.numAgents());
        assertThat(some.numAssets()).isEqualTo(ix.numAssets());
        for (int i = 0; i < keep.length; i++) {
            for (int d = 0; d < 2; d++) {
                int k = 2 * keep[i] + d;
                assertThat(new Object[] {some.from()[2 * i + d], some.to()[2 * i + d], some.gamma()[2 * i + d]})
                        .containsExactly(ix.from()[k], ix.to()[k], ix.gamma()[k]);
            }
        }
        // Every arc is listed once, under the agent it leaves.
        int listed = 0;
        for (int n = 0; n < some.numAgents(); n++) {
            for (int q = some.arcStart()[n]; q < some.arcStart()[n + 1]; q++) {
                assertThat(some.from()[some.arcsOf()[q]]).isEqualTo(n);
                listed++;
            }
        }
        assertThat(listed).isEqualTo(4);
        assertThatThrownBy(() -> ix.withPairs(new int[] {2, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> ix.withPairs(new int[] {ix.numPairs()})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aViewWithOtherBoundsKeepsTheRestAndRefusesCrossedBounds() {
        MarketIndex ix = MarketIndex.of(threeAgents().grid(GRID).build());
        double[] lo = ix.pMin().clone();
        double[] hi = ix.pMax().clone();
        lo[0] = -0.5;
        MarketIndex tight = ix.withBounds(lo, hi);
        assertThat(tight.pMin()[0]).isEqualTo(-0.5);
        assertThat(tight.b()).isSameAs(ix.b());
        assertThat(tight.arcsOf()).isSameAs(ix.arcsOf());
        hi[0] = -0.6;
        assertThatThrownBy(() -> ix.withBounds(lo, hi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.load");
    }

    /** Periods stacked: each period's agents, assets and arcs a copy of its own, with that period's numbers, nothing across periods. */
    @Test
    void stackedPeriodsAreDisjointCopiesInAgentMajorOrder() {
        MarketIndex p0 = MarketIndex.of(threeAgents().tradeGraph(TradeGraph.complete(0.01, List.of())).grid(GRID).build());
        MarketIndex p1 = MarketIndex.of(threeAgents().tradeGraph(TradeGraph.complete(0.02, List.of()))
                .grid(new Grid(null, 0.40, 0.05)).build());
        MarketIndex st = MarketIndex.stacked(List.of(p0, p1));
        assertThat(st.numAgents()).isEqualTo(2 * p0.numAgents());
        assertThat(st.numArcs()).isEqualTo(2 * p0.numArcs());
        assertThat(st.firstGridLeg()).isEqualTo(2 * p0.firstGridLeg());
        for (int n = 0; n < p0.numAgents(); n++) {
            for (int t = 0; t < 2; t++) {
                MarketIndex ix = t == 0 ? p0 : p1;
                int a = 2 * n + t;
                assertThat(st.arcStart()[a + 1] - st.arcStart()[a]).isEqualTo(ix.arcStart()[n + 1] - ix.arcStart()[n]);
                for (int r = 0; r < ix.arcStart()[n + 1] - ix.arcStart()[n]; r++) {
                    int k = ix.arcsOf()[ix.arcStart()[n] + r];
                    int q = st.arcsOf()[st.arcStart()[a] + r];
                    assertThat(st.from()[q]).isEqualTo(a);
                    assertThat(st.to()[q]).isEqualTo(2 * ix.to()[k] + t);
                    assertThat(st.to()[MarketIndex.mirror(q)]).isEqualTo(a);
                    assertThat(st.gamma()[q]).isEqualTo(ix.gamma()[k]);
                }
                for (int s = 0; s < ix.assetStart()[n + 1] - ix.assetStart()[n]; s++) {
                    int si = st.assetStart()[a] + s;
                    assertThat(st.assetOwner()[si]).isEqualTo(a);
                    assertThat(st.b()[si]).isEqualTo(ix.b()[ix.assetStart()[n] + s]);
                }
            }
        }
    }
}
