package org.peerclear.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.index.MarketIndex;
import org.peerclear.io.ResultCsvWriter;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.opt.Tolerances;

/**
 * A result shows the grid as one agent, its legs merged. The market, cleared by hand:
 * <pre>
 *   a: PV, p ∈ [0, 2], free         b: load, p ∈ [−4, 0], f = ½·0.05·p² + 0.40·p
 *   no trading between agents ("graph": "none"), fee 0.01 on every arc, 0.02 on b→grid
 *   grid: importPrice 0.30, exportPrice 0.05
 * </pre>
 * a can only sell to the grid: its leg buys at 0.05, so lambda = 0.05 − 0.01 = 0.04 and a gets
 * mu_a = 0.04 − 0.01 = 0.03 for all 2. b's leg sells at 0.30, lambda = 0.30 + 0.01 = 0.31, and
 * b pays mu_b = 0.31 + 0.02 = 0.33, where 0.05·p + 0.40 = 0.33 gives p = −1.4. Objective:
 * b's ½·0.05·1.96 − 0.56 = −0.511, the legs' 0.30·1.4 − 0.05·2 = 0.32, fees 0.04 + 0.042:
 * −0.109.
 */
class GridResultTest {
    @TempDir
    Path dir;

    static Market market() {
        return Market.builder("tariff")
                .agent(new Agent("a", List.of(new Asset("a.pv", 0, 2, 0, 0))))
                .agent(new Agent("b", List.of(new Asset("b.load", -4, 0, 0.05, 0.40))))
                .tradeGraph(TradeGraph.none(0.01, List.of(new Arc("b", Grid.AGENT_ID, 0.02))))
                .grid(new Grid(null, 0.30, 0.05)).build();
    }

    /**
     * Index order: agents a, b, a's leg, b's leg; assets a.pv, b.load, then each leg's import and
     * export; arcs a→grid, grid→a, b→grid, grid→b.
     */
    static ClearingResult handCleared(double[] mu, double[] lambda) {
        Market m = market();
        return IndexedResults.solution(IndexedResults.builder(m, MarketIndex.of(m)).status(Status.OPTIMAL, "by hand").method("hand")
                .solver("hand"), new double[] {2, -1.4, 0, -2, 1.4, 0}, new double[] {2, -2, -1.4, 1.4}, mu, lambda).build();
    }

    static ClearingResult handCleared() {
        return handCleared(new double[] {0.03, 0.33, 0.05, 0.30}, new double[] {0.04, 0.04, 0.31, 0.31});
    }

    @Test
    void theHandClearedPointIsAnEquilibrium() {
        ClearingResult r = handCleared();
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        assertThat(r.objective()).isCloseTo(-0.109, within(Tolerances.ARITHMETIC));
    }

    @Test
    void oneGridPriceForBothSidesIsNotAnEquilibrium() {
        // The old single grid agent brokered a's sale to b at one bilateral price; carried over to
        // the legs, a's leg would buy at 0.31 + 0.01 = 0.32 while its export asset is worth 0.05.
        ClearingResult r = handCleared(new double[] {0.30, 0.33, 0.32, 0.30}, new double[] {0.31, 0.31, 0.31, 0.31});
        Verification v = r.verify();
        assertThat(v.passes()).isFalse();
        // Both of its assets disagree with 0.32: it exports at 0.05, and leaves idle an import at
        // 0.30; at that price the unlimited import makes the dual objective −∞ (the gap check).
        assertThat(v.violations()).hasSize(3).anyMatch(s -> s.startsWith("objective gap:") && s.contains("asset grid.import")).anyMatch(s -> s.startsWith("asset grid.export: marginal cost 0.05 at p = -2.0")
                && s.endsWith("price 0.32 of agent grid (leg to a)")).anyMatch(s -> s.startsWith("asset grid.import: marginal cost 0.3 at p = 0.0"));
    }

    @Test
    void theGridIsOneAgentWithBothLegsMerged() {
        ClearingResult r = handCleared();
        assertThat(r.agents()).extracting(AgentResult::id).containsExactly("a", "b", Grid.AGENT_ID);
        GridResult g = r.grid().orElseThrow();
        assertThat(g.importPower()).isEqualTo(1.4);
        assertThat(g.exportPower()).isEqualTo(-2.0);
        assertThat(g.p()).isCloseTo(-0.6, within(Tolerances.ARITHMETIC));
        assertThat(g.importPrice()).isEqualTo(0.30);
        assertThat(g.exportPrice()).isEqualTo(0.05);
        assertThat(g.price()).as("it buys more than it sells").isEqualTo(0.05);
        assertThat(r.agent(Grid.AGENT_ID)).isEqualTo(new AgentResult(Grid.AGENT_ID, g.p(), 0.05));
        assertThat(r.assets()).extracting(AssetResult::id, AssetResult::p).containsExactly(tuple("a.pv", 2.0), tuple("b.load", -1.4),
                tuple(Grid.IMPORT_ASSET_ID, 1.4), tuple(Grid.EXPORT_ASSET_ID, -2.0));
        assertThat(r.trades()).containsExactly(new TradeResult("a", Grid.AGENT_ID, 2, 0.04), new TradeResult(Grid.AGENT_ID, "a", -2, 0.04),
                new TradeResult("b", Grid.AGENT_ID, -1.4, 0.31), new TradeResult(Grid.AGENT_ID, "b", 1.4, 0.31));
        assertThat(r.trade("a", Grid.AGENT_ID)).isEqualTo(2.0);
        assertThat(r.trade(Grid.AGENT_ID, "b")).isEqualTo(1.4);
        assertThatThrownBy(() -> r.trade("a", "b")).hasMessageContaining("no arc");
        assertThatThrownBy(() -> r.trade(Grid.AGENT_ID, Grid.AGENT_ID)).hasMessageContaining("no arc");
    }

    /** Unmerged, each leg is named by its partner and keeps its own price; every arc is listed, in the market's order. */
    @Test
    void theLegsAndEveryArcAreReadByIdToo() {
        ClearingResult r = handCleared();
        assertThat(r.gridLegs()).containsExactly(new GridLegResult("a", 0.0, -2.0, 0.05), new GridLegResult("b", 1.4, 0.0, 0.30));
        assertThat(r.arcTrades()).extracting(TradeResult::from, TradeResult::to)
                .containsExactlyElementsOf(r.market().arcs().stream().map(a -> tuple(a.from(), a.to())).toList());
        assertThat(r.arcTrades()).containsExactlyElementsOf(r.trades());
        ClearingResult idle = TwoAgentMarket.optimumWithIdleGrid(6.0);
        assertThat(idle.trades()).hasSize(2);
        assertThat(idle.arcTrades()).hasSize(6).contains(new TradeResult("seller", Grid.AGENT_ID, 0.0, 5.5),
                new TradeResult(Grid.AGENT_ID, "buyer", 0.0, 6.5));
        assertThat(idle.gridLegs()).extracting(GridLegResult::partner, GridLegResult::price)
                .containsExactly(tuple("seller", 6.0), tuple("buyer", 6.0));
        ClearingResult none = handCleared().toBuilder().status(Status.INFEASIBLE, "by hand").build();
        assertThatThrownBy(none::gridLegs).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(none::arcTrades).isInstanceOf(IllegalStateException.class);
        assertThat(TwoAgentMarket.optimum().gridLegs()).isEmpty();
    }

    @Test
    void writersShowOneGridWithItsTwoPrices() throws Exception {
        ClearingResult r = handCleared();
        JsonNode j = new ObjectMapper().readTree(ResultJsonWriter.toJson(r));
        assertThat(j.get("agents")).hasSize(3);
        JsonNode grid = j.get("agents").get(2);
        assertThat(grid.get("id").asText()).isEqualTo(Grid.AGENT_ID);
        assertThat(grid.get("price").asDouble()).isEqualTo(0.05);
        assertThat(grid.get("importPrice").asDouble()).isEqualTo(0.30);
        assertThat(grid.get("exportPrice").asDouble()).isEqualTo(0.05);
        assertThat(j.get("agents").get(0).has("importPrice")).isFalse();
        assertThat(j.get("assets")).hasSize(4);
        assertThat(j.get("trades").get(3).get("from").asText()).isEqualTo(Grid.AGENT_ID);

        ResultCsvWriter.write(r, dir);
        assertThat(Files.readAllLines(dir.resolve("agents.csv"))).containsExactly("id,p,price,importPrice,exportPrice",
                "a,2.0,0.03,,", "b,-1.4,0.33,,", "grid," + r.grid().orElseThrow().p() + ",0.05,0.3,0.05");
        assertThat(Files.readAllLines(dir.resolve("assets.csv"))).contains("grid.import,1.4", "grid.export,-2.0");
    }
}
