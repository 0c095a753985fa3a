package org.peerclear.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.internal.ResultOnIndex;

/** A result laid out on an index by id: the numbers it was built from, whatever the index's order. */
class ResultOnIndexTest {
    private static final double[] MU = {0.03, 0.33, 0.05, 0.30};
    private static final double[] LAMBDA = {0.04, 0.04, 0.31, 0.31};

    @Test
    void onItsOwnMarketsIndexTheArraysAreExactlyThoseItWasBuiltFrom() {
        ClearingResult r = IndexedResults.agentNetworkPrices(GridResultTest.handCleared(MU, LAMBDA).toBuilder(),
                new double[] {0.5, -0.25, 0, 0}).build();
        ResultOnIndex v = ResultOnIndex.of(r, MarketIndex.of(r.market()));
        assertThat(v.assetPower()).containsExactly(2, -1.4, 0, -2, 1.4, 0);
        assertThat(v.trade()).containsExactly(2, -2, -1.4, 1.4);
        assertThat(v.agentPrice()).containsExactly(MU);
        assertThat(v.tradePrice()).containsExactly(LAMBDA);
        assertThat(v.agentNetworkPrice()).containsExactly(0.5, -0.25, 0, 0);
    }

    /** The same market with b declared first: its agents, legs and arcs are numbered otherwise, the numbers follow their ids. */
    @Test
    void onAnIndexInAnotherOrderEveryNumberFollowsItsId() {
        ClearingResult r = GridResultTest.handCleared(MU, LAMBDA);
        Market reordered = Market.builder("tariff")
                .agent(new Agent("b", List.of(new Asset("b.load", -4, 0, 0.05, 0.40))))
                .agent(new Agent("a", List.of(new Asset("a.pv", 0, 2, 0, 0))))
                .tradeGraph(TradeGraph.none(0.01, List.of(new Arc("b", Grid.AGENT_ID, 0.02))))
                .grid(new Grid(null, 0.30, 0.05)).build();
        MarketIndex ix = MarketIndex.of(reordered);
        assertThat(ix.agentIndex("b")).isZero();
        ResultOnIndex v = ResultOnIndex.of(r, ix);
        int a = ix.agentIndex("a");
        int b = ix.agentIndex("b");
        int legA = ix.gridLegOf(a);
        int legB = ix.gridLegOf(b);
        assertThat(v.agentPrice()[a]).isEqualTo(0.03);
        assertThat(v.agentPrice()[b]).isEqualTo(0.33);
        assertThat(v.agentPrice()[legA]).isEqualTo(0.05);
        assertThat(v.agentPrice()[legB]).isEqualTo(0.30);
        assertThat(v.assetPower()[ix.assetStart()[a]]).isEqualTo(2.0);
        assertThat(v.assetPower()[ix.assetStart()[b]]).isEqualTo(-1.4);
        assertThat(v.assetPower()[ix.assetStart()[legA] + 1]).as("a's leg exports").isEqualTo(-2.0);
        assertThat(v.assetPower()[ix.assetStart()[legB]]).as("b's leg imports").isEqualTo(1.4);
        for (int k = 0; k < ix.numArcs(); k++) {
            String from = ix.agentLabel(ix.from()[k]);
            String to = ix.agentLabel(ix.to()[k]);
            String arc = from + "->" + to;
            double t = switch (arc) {
                case "a->grid (leg to a)" -> 2.0;
                case "grid (leg to a)->a" -> -2.0;
                case "b->grid (leg to b)" -> -1.4;
                case "grid (leg to b)->b" -> 1.4;
                default -> throw new AssertionError(arc);
            };
            assertThat(v.trade()[k]).as(arc).isEqualTo(t);
            assertThat(v.tradePrice()[k]).as(arc).isEqualTo(arc.contains("leg to a") ? 0.04 : 0.31);
        }
    }

    @Test
    void anIndexOfAnotherMarketIsRefusedNamingWhatDiffers() {
        ClearingResult r = TwoAgentMarket.optimum();
        assertThatThrownBy(() -> ResultOnIndex.of(r, MarketIndex.of(GridResultTest.market())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("The result does not match the index: ")
                .hasMessageContaining("seller");
        // The same agents with a grid: the index has legs the result does not.
        ClearingResult withGrid = TwoAgentMarket.optimumWithIdleGrid(6.0);
        assertThatThrownBy(() -> ResultOnIndex.of(r, MarketIndex.of(withGrid.market())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid legs");
        assertThatThrownBy(() -> ResultOnIndex.of(withGrid, MarketIndex.of(r.market())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trades with the grid in the result");
    }

    @Test
    void aResultWithoutASolutionHasNothingToLayOut() {
        ClearingResult r = TwoAgentMarket.optimum().toBuilder().status(Status.NUMERICAL_ERROR, "by hand").build();
        assertThatThrownBy(() -> ResultOnIndex.of(r, MarketIndex.of(r.market()))).isInstanceOf(IllegalStateException.class);
    }
}
