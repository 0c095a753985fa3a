package org.peerclear.auction.discretise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.Fill;
import org.peerclear.io.OrdersReader;
import org.peerclear.io.OrdersWriter;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Series;
import org.peerclear.model.Shiftable;
import org.peerclear.model.Storage;
import org.peerclear.model.TradeGraph;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/** A case as orders: the ladders checked by hand, the grid, what is refused, the round trip, the way back to welfare. */
class CaseOrdersTest {
    private static final double EXACT = 1e-12;

    /** A quadratic generator [0, 6] (a 0.02, b 0.10) and a quadratic load [-5, 0] (a 0.04, b 0.28). */
    private static Market genAndLoad() {
        return Market.builder("two").agent(new Agent("g", List.of(new Asset("g.gen", 0, 6, 0.02, 0.10))))
                .agent(new Agent("c", List.of(new Asset("c.load", -5, 0, 0.04, 0.28)))).build();
    }

    private static void assertOrder(Order o, String id, String agent, Side side, double quantity, double price, long time) {
        assertThat(o.id()).isEqualTo(id);
        assertThat(o.agent()).isEqualTo(agent);
        assertThat(o.side()).isEqualTo(side);
        assertThat(o.quantity()).as("%s quantity", id).isCloseTo(quantity, within(EXACT));
        assertThat(o.price()).as("%s price", id).isCloseTo(price, within(EXACT));
        assertThat(o.time()).as("%s time", id).isEqualTo(time);
    }

    @Test
    void aQuadraticGeneratorSellsKBlocksPricedAtTheirMidpointsMarginalCost() {
        List<Order> o = CaseOrders.of(genAndLoad(), 3).orders().orders();
        // Blocks [0,2], [2,4], [4,6]; midpoints 1, 3, 5; f'(p) = 0.02 p + 0.10.
        assertOrder(o.get(0), "g.gen.1", "g", Side.SELL, 2, 0.12, 0);
        assertOrder(o.get(1), "g.gen.2", "g", Side.SELL, 2, 0.16, 1);
        assertOrder(o.get(2), "g.gen.3", "g", Side.SELL, 2, 0.20, 2);
        // The midpoint rule is exact for a linear marginal cost: the ladder's area is f(6) - f(0) = 0.36 + 0.6.
        assertThat(o.subList(0, 3).stream().mapToDouble(x -> x.quantity() * x.price()).sum()).isCloseTo(0.96, within(EXACT));
    }

    @Test
    void aQuadraticLoadBuysKBlocksAtFallingPrices() {
        List<Order> o = CaseOrders.of(genAndLoad(), 2).orders().orders();
        assertThat(o).hasSize(4);
        // Withdrawals [0,2.5] and [2.5,5], midpoints 1.25 and 3.75: the marginal value 0.28 - 0.04 d.
        assertOrder(o.get(2), "c.load.1", "c", Side.BUY, 2.5, 0.23, 2);
        assertOrder(o.get(3), "c.load.2", "c", Side.BUY, 2.5, 0.13, 3);
        // Its area is the load's utility at 5: -f(-5) = 0.28 * 5 - 0.5 * 0.04 * 25.
        assertThat(o.get(2).quantity() * o.get(2).price() + o.get(3).quantity() * o.get(3).price()).isCloseTo(0.9, within(EXACT));
    }

    @Test
    void aLinearAssetIsOneOrderWhateverK() {
        Market m = Market.builder("linear").agent(new Agent("h", List.of(new Asset("h.pv", 0, 4, 0, 0.01),
                new Asset("h.heat", -3, 0, 0, 0.25)))).build();
        for (int k : new int[] {1, 2, 32}) {
            List<Order> o = CaseOrders.of(m, k).orders().orders();
            assertThat(o).hasSize(2);
            assertOrder(o.get(0), "h.pv.1", "h", Side.SELL, 4, 0.01, 0);
            assertOrder(o.get(1), "h.heat.1", "h", Side.BUY, 3, 0.25, 1);
        }
    }

    @Test
    void anAssetOfBothSignsSellsThenBuysAndNeverCrossesItself() {
        Market m = Market.builder("flex").agent(new Agent("f", List.of(new Asset("f.flex", -2, 4, 0.1, 0.2)))).build();
        List<Order> o = CaseOrders.of(m, 2).orders().orders();
        assertThat(o).hasSize(4);
        assertOrder(o.get(0), "f.flex.1", "f", Side.SELL, 2, 0.3, 0);
        assertOrder(o.get(1), "f.flex.2", "f", Side.SELL, 2, 0.5, 1);
        assertOrder(o.get(2), "f.flex.3", "f", Side.BUY, 1, 0.15, 2);
        assertOrder(o.get(3), "f.flex.4", "f", Side.BUY, 1, 0.05, 3);
    }

    @Test
    void anAssetAtZeroHasNoOrderAndAProductClassGoesOnSellOrdersOnly() {
        Market m = Market.builder("night").agent(new Agent("h", null, "green", List.of(new Asset("h.pv", 0, 0, 0.001, 0),
                new Asset("h.gen", 0, 1, 0, 0.1), new Asset("h.load", -1, 0, 0, 0.3)))).build();
        List<Order> o = CaseOrders.of(m, 4).orders().orders();
        assertThat(o).extracting(Order::id).containsExactly("h.gen.1", "h.load.1");
        assertThat(o.get(0).productClass()).isEqualTo("green");
        assertThat(o.get(1).productClass()).isNull();
    }

    @Test
    void theGridSellsAtItsImportPriceAndBuysAtItsExportPriceWithinItsLimits() {
        Market m = genAndLoad().toBuilder().grid(new Grid(null, 0.35, 0.05, 3, 2)).build();
        CaseOrders c = CaseOrders.of(m, 1);
        List<Order> o = c.orders().orders();
        assertThat(o).hasSize(4);
        assertOrder(o.get(2), "grid.import.1", Grid.AGENT_ID, Side.SELL, 3, 0.35, 2);
        assertOrder(o.get(3), "grid.export.1", Grid.AGENT_ID, Side.BUY, 2, 0.05, 3);
        assertThat(c.asset("grid.import.1")).isEqualTo(Grid.IMPORT_ASSET_ID);
        assertThat(c.asset("grid.export.1")).isEqualTo(Grid.EXPORT_ASSET_ID);
        assertThat(o.get(2).bus()).as("no network, no bus").isNull();
    }

    @Test
    void anUnlimitedGridSideCoversEveryOrderOfTheOtherSide() {
        Market m = genAndLoad().toBuilder().grid(new Grid(null, 0.35, 0.05)).build();
        List<Order> o = CaseOrders.of(m, 2).orders().orders();
        // Bids: the load's 5; asks: the generator's 6. The grid's sell can meet every bid, its buy every ask.
        assertOrder(o.get(4), "grid.import.1", Grid.AGENT_ID, Side.SELL, 5, 0.35, 4);
        assertOrder(o.get(5), "grid.export.1", Grid.AGENT_ID, Side.BUY, 6, 0.05, 5);
    }

    @Test
    void aGridSideWithNothingToTradeAgainstHasNoOrder() {
        Market m = Market.builder("sellers").agent(new Agent("g", List.of(new Asset("g.gen", 0, 6, 0.02, 0.10))))
                .grid(new Grid(null, 0.35, 0.05)).build();
        assertThat(CaseOrders.of(m, 1).orders().orders()).extracting(Order::id).containsExactly("g.gen.1", "grid.export.1");
        Market closed = genAndLoad().toBuilder().grid(new Grid(null, 0.35, 0.05, 0, 0)).build();
        assertThat(CaseOrders.of(closed, 1).orders().orders()).extracting(Order::id).containsExactly("g.gen.1", "c.load.1");
    }

    @Test
    void withANetworkEveryOrderHasItsAgentsBusAndTheGridSitsAtTheSubstation() {
        NetworkSpec feeder = new NetworkSpec("case33bw", null, 0.95, 1.05, List.of());
        Market m = Market.builder("feeder").agent(new Agent("g", "18", null, List.of(new Asset("g.gen", 0, 6, 0.02, 0.10))))
                .agent(new Agent("c", "25", null, List.of(new Asset("c.load", -5, 0, 0.04, 0.28))))
                .grid(new Grid(null, 0.35, 0.05)).network(feeder).build();
        OrderFile f = CaseOrders.of(m, 1).orders();
        assertThat(f.orders()).extracting(Order::bus).containsExactly("18", "25", "1", "1");
        assertThat(f.network()).contains(feeder);
    }

    @Test
    void anAssetThatMustTradeIsRefusedByName() {
        Market fixedLoad = Market.builder("fixed").agent(new Agent("h1", List.of(new Asset("h1.load", -3, -1, 0.05, 0.3))))
                .build();
        assertThatThrownBy(() -> CaseOrders.of(fixedLoad, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("agents[h1].assets[h1.load]: its range [-3.0, -1.0] excludes 0")
                .hasMessageContaining("withdraw at least 1.0");
        Market mustRun = Market.builder("chp").agent(new Agent("p", List.of(new Asset("p.chp", 2, 5, 0.0, 0.1)))).build();
        assertThatThrownBy(() -> CaseOrders.of(mustRun, 2)).hasMessageStartingWith("agents[p].assets[p.chp]")
                .hasMessageContaining("inject at least 2.0");
        assertThatThrownBy(() -> CaseOrders.of(genAndLoad(), 0)).hasMessage("steps must be >= 1, got 0");
    }

    @Test
    void aHorizonGivesOneOrderFilePerPeriod() {
        HorizonMarket day = HorizonMarket.builder("day", 2)
                .agent("h", new FlexibleAsset("h", "h.pv", Series.constant(0), Series.of(0, 4), Series.constant(0.01),
                        Series.constant(0)), new FlexibleAsset("h", "h.load", Series.of(-1, -2), Series.constant(0),
                        Series.constant(0.04), Series.of(0.3, 0.4)))
                .grid(new HorizonGrid(null, Series.of(0.2, 0.3), Series.constant(0.05), Series.constant(Double.POSITIVE_INFINITY),
                        Series.constant(Double.POSITIVE_INFINITY)))
                .build();
        List<CaseOrders> periods = CaseOrders.of(day, 1);
        assertThat(periods).hasSize(2);
        // Period 0: no sun (the panel has no order), a load of 1 at 0.3 - 0.04 * 0.5; the grid sells it 1 at 0.2.
        OrderFile night = periods.get(0).orders();
        assertThat(night.name()).isEqualTo("day, period 0, 1 step");
        assertThat(night.orders()).extracting(Order::id).containsExactly("h.load.1", "grid.import.1");
        assertOrder(night.orders().get(0), "h.load.1", "h", Side.BUY, 1, 0.28, 0);
        assertOrder(night.orders().get(1), "grid.import.1", Grid.AGENT_ID, Side.SELL, 1, 0.2, 1);
        // Period 1: the panel sells 4 at 0.01 * 2, the load buys 2 at 0.4 - 0.04 * 1, the grid takes both sides.
        List<Order> noon = periods.get(1).orders().orders();
        assertThat(noon).extracting(Order::id).containsExactly("h.pv.1", "h.load.1", "grid.import.1", "grid.export.1");
        assertOrder(noon.get(0), "h.pv.1", "h", Side.SELL, 4, 0.02, 0);
        assertOrder(noon.get(1), "h.load.1", "h", Side.BUY, 2, 0.36, 1);
        assertOrder(noon.get(2), "grid.import.1", Grid.AGENT_ID, Side.SELL, 2, 0.3, 2);
        assertOrder(noon.get(3), "grid.export.1", Grid.AGENT_ID, Side.BUY, 4, 0.05, 3);
    }

    @Test
    void assetsWithMemoryAndRampsAreRefusedByName() {
        FlexibleAsset load = new FlexibleAsset("h", "h.load", Series.constant(-1), Series.constant(0), Series.constant(0.04),
                Series.constant(0.3));
        HorizonMarket battery = HorizonMarket.builder("bat", 2)
                .agent("h", load, new Storage("h", "h.bat", 0, 10, 5, Double.NaN, 3, 3, 0.95, 0.95, 0)).build();
        assertThatThrownBy(() -> CaseOrders.of(battery, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agents[h].assets[h.bat]: a storage asset has memory (its energy couples the periods),"
                        + " so it cannot be discretised one period at a time");
        HorizonMarket shiftable = HorizonMarket.builder("wash", 2).agent("h", load, new Shiftable("h", "h.wash", 1, 1, 0, 2))
                .build();
        assertThatThrownBy(() -> CaseOrders.of(shiftable, 2)).hasMessageStartingWith("agents[h].assets[h.wash]: a shiftable asset");
        HorizonMarket ramp = HorizonMarket.builder("ramp", 2).agent("h", load).rampMax("h.load", 0.5).build();
        assertThatThrownBy(() -> CaseOrders.of(ramp, 2)).hasMessageStartingWith("agents[h].assets[h.load]: a ramp limit");
    }

    @Test
    void aRefusalInAPeriodNamesThePeriod() {
        HorizonMarket day = HorizonMarket.builder("day", 2).agent("h", new FlexibleAsset("h", "h.load", Series.of(-1, -2),
                Series.of(0, -1), Series.constant(0.04), Series.constant(0.3))).build();
        assertThatThrownBy(() -> CaseOrders.of(day, 2)).hasMessageStartingWith("in period 1: agents[h].assets[h.load]");
    }

    @Test
    void theOrdersSurviveTheOrderFileRoundTrip() {
        Market m = genAndLoad().toBuilder().grid(new Grid(null, 0.35, 0.05)).build();
        OrderFile f = CaseOrders.of(m, 4).orders();
        OrderFile back = new OrdersReader().read(OrdersWriter.toJson(f), null);
        assertThat(back).isEqualTo(f);
        assertThat(back.orders()).hasSize(4 + 4 + 2);

        NetworkSpec feeder = new NetworkSpec("case33bw", null, 0.95, 1.05, List.of());
        Market placed = Market.builder("feeder").agent(new Agent("g", "18", "green", List.of(new Asset("g.gen", 0, 6, 0.02, 0.1))))
                .agent(new Agent("c", "25", null, List.of(new Asset("c.load", -5, 0, 0.04, 0.28))))
                .grid(new Grid("1", 0.35, 0.05)).network(feeder).build();
        OrderFile withBuses = CaseOrders.of(placed, 3).orders();
        assertThat(new OrdersReader().read(OrdersWriter.toJson(withBuses), null)).isEqualTo(withBuses);
    }

    @Test
    void theWelfareOfFillsIsTheTrueCurvesAtTheAssetsPowers() {
        Market m = genAndLoad();
        CaseOrders c = CaseOrders.of(m, 2);
        // Generator blocks of 3 at 0.13 and 0.19; load blocks of 2.5 at 0.23 and 0.13. Trade 4: the generator's
        // second block a third, the load's second block 1.5 of 2.5.
        AuctionResult r = result(c.orders(), List.of(new Fill("g.gen.1", "g", Side.SELL, 3, 0.18),
                new Fill("g.gen.2", "g", Side.SELL, 1, 0.18), new Fill("c.load.1", "c", Side.BUY, 2.5, 0.18),
                new Fill("c.load.2", "c", Side.BUY, 1.5, 0.18)));
        assertThat(c.assetPower(r)).containsExactly(Map.entry("g.gen", 4.0), Map.entry("c.load", -4.0));
        // -(f_gen(4) + f_load(-4)) = -(0.16 + 0.4 + 0.32 - 1.12).
        assertThat(c.welfare(r)).isCloseTo(0.24, within(EXACT));
        // At the steps the partly traded blocks are off by a w^2 theta (1 - theta) / 2 each: 0.02 + 0.03.
        assertThat(r.welfare()).isCloseTo(0.24 - 0.05, within(EXACT));

        // Whole blocks on both sides (here not even balanced): the steps are exact.
        AuctionResult whole = result(c.orders(), List.of(new Fill("g.gen.1", "g", Side.SELL, 3, 0.18),
                new Fill("c.load.1", "c", Side.BUY, 2.5, 0.18)));
        assertThat(whole.welfare()).isCloseTo(2.5 * 0.23 - 3 * 0.13, within(EXACT));
        assertThat(c.welfare(whole)).isCloseTo(-(0.5 * 0.02 * 9 + 0.3) - (0.5 * 0.04 * 6.25 - 0.7), within(EXACT))
                .isCloseTo(whole.welfare(), within(EXACT));
        // One block partly traded, by 5/6: off by 0.5 * 0.02 * 3^2 * (5/6) * (1/6).
        AuctionResult part = result(c.orders(), List.of(new Fill("g.gen.1", "g", Side.SELL, 2.5, 0.18),
                new Fill("c.load.1", "c", Side.BUY, 2.5, 0.18)));
        assertThat(c.welfare(part) - part.welfare()).isCloseTo(0.0125, within(EXACT));
    }

    @Test
    void theGridIsValuedAtItsPricesAndAnUnknownOrderIsRefused() {
        Market m = genAndLoad().toBuilder().grid(new Grid(null, 0.35, 0.05)).build();
        CaseOrders c = CaseOrders.of(m, 1);
        AuctionResult r = result(c.orders(), List.of(new Fill("c.load.1", "c", Side.BUY, 5, 0.35),
                new Fill("grid.import.1", Grid.AGENT_ID, Side.SELL, 5, 0.35)));
        assertThat(c.assetPower(r)).containsExactly(Map.entry("g.gen", 0.0), Map.entry("c.load", -5.0),
                Map.entry(Grid.IMPORT_ASSET_ID, 5.0), Map.entry(Grid.EXPORT_ASSET_ID, 0.0));
        assertThat(c.welfare(r)).isCloseTo(0.9 - 0.35 * 5, within(EXACT));
        CaseOrders other = CaseOrders.of(Market.builder("x").agent(new Agent("c", List.of(new Asset("c.heat", -5, 0, 0, 0.3))))
                .build(), 1);
        AuctionResult foreign = result(other.orders(), List.of(new Fill("c.heat.1", "c", Side.BUY, 1, 0.3)));
        assertThatThrownBy(() -> c.welfare(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Order 'c.heat.1' is not an order of two, 1 step");
    }

    @Test
    void theNotesNameWhatTheOrdersLeaveOut() {
        assertThat(CaseOrders.of(genAndLoad(), 1).notes()).isEmpty();
        Market fees = Market.builder("fees").agent(new Agent("g", List.of(new Asset("g.gen", 0, 6, 0.02, 0.10))))
                .agent(new Agent("c", List.of(new Asset("c.load", -5, 0, 0.04, 0.28)))).agent(new Agent("m", List.of()))
                .tradeGraph(TradeGraph.complete(0.01, List.of(new Arc("g", "c", 0.03))))
                .community(new Community("C", "m", List.of("g", "c"))).build();
        assertThat(CaseOrders.of(fees, 1).notes()).satisfiesExactly(
                n -> assertThat(n).startsWith("trading fees are not in the orders (4 arcs have gamma > 0, up to 0.01)"),
                n -> assertThat(n).startsWith("communities are not in the orders"));
        Market pairs = genAndLoad().toBuilder().tradeGraph(TradeGraph.pairs(List.of(List.of("g", "c")), 0, List.of())).build();
        assertThat(CaseOrders.of(pairs, 1).notes()).containsExactly(
                "the trade graph is not in the orders: every order may trade with every other");
    }

    private static AuctionResult result(OrderFile orders, List<Fill> fills) {
        return AuctionResult.of(orders, "test", AuctionStatus.CLEARED, 0.18, 0.18, 0.18, fills, List.of(), List.of(), List.of(),
                Map.of());
    }
}
