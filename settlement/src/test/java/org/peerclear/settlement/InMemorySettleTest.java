package org.peerclear.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.structure.MarketStructures;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.model.Units;
import org.peerclear.opt.Status;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;
import org.peerclear.result.ClearingResult;

/** Results settled in memory: hand-computed bills, the market structures, the grid's bill, auctions. */
class InMemorySettleTest {
    private final QpClearing qp = new QpClearing();

    @TempDir
    Path dir;

    private ClearingResult clear(Market m) {
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        return r;
    }

    /**
     * Seller f = ½p² + 4p (marginal cost 4 + t for t sold), buyer f = ½p² + 8p on p ∈ [−30, 0]
     * (marginal value 8 − t for t taken), a fee of 1 on each side: 4 + t + 1 = 8 − t − 1 gives
     * t = 1 at λ = 6. The seller is paid 6 and pays a fee of 1; the buyer pays 6 and a fee of 1; the
     * platform collects 2.
     */
    @Test
    void theTwoAgentMarketsBillIsTheHandComputedOne() {
        Market m = Market.builder("two-agents")
                .agent(new Agent("seller", List.of(new Asset("seller.gen", 0, 60, 1, 4))))
                .agent(new Agent("buyer", List.of(new Asset("buyer.load", -30, 0, 1, 8))))
                .tradeGraph(TradeGraph.complete(1.0, List.of())).build();
        Bills b = Settle.of(clear(m), m);
        assertThat(b.bill("seller").received()).isCloseTo(6.0, within(Tolerances.ANALYTIC));
        assertThat(b.bill("seller").paid()).isCloseTo(1.0, within(Tolerances.ANALYTIC));
        assertThat(b.bill("seller").net()).isCloseTo(5.0, within(Tolerances.ANALYTIC));
        assertThat(b.bill("buyer").net()).isCloseTo(-7.0, within(Tolerances.ANALYTIC));
        assertThat(b.bill(Settle.PLATFORM).received()).isCloseTo(2.0, within(Tolerances.ANALYTIC));
        assertThat(b.imbalance()).isCloseTo(0.0, within(Tolerances.ROUNDING));
    }

    /**
     * Nobody trades but with the grid (import 0.30, export 0.05, a fee of 0.01 on every arc, b's
     * own arc to the grid 0.02): a sells its 2, b takes 1.4 and c 3 (the clearing module's
     * GridTariffTest derives them). The grid sells 4.4 at λ = 0.31 and buys 2 at λ = 0.04 and pays
     * 0.01 on each of its three records: it nets 0.31·4.4 − 0.04·2 − 0.01·6.4 = 1.22, the tariff
     * 0.30·4.4 − 0.05·2; the platform collects 0.142.
     */
    @Test
    void theGridIsOneBillThatNetsItsTariff() {
        Market m = Market.builder("tariff")
                .agent(new Agent("a", List.of(new Asset("a.pv", 0, 2, 0, 0))))
                .agent(new Agent("b", List.of(new Asset("b.load", -4, 0, 0.05, 0.40))))
                .agent(new Agent("c", List.of(new Asset("c.load", -3, -3, 0, 0))))
                .tradeGraph(TradeGraph.none(0.01, List.of(new Arc("b", Grid.AGENT_ID, 0.02))))
                .grid(new Grid(null, 0.30, 0.05)).build();
        Bills b = Settle.of(clear(m), m);
        assertThat(b.bills()).extracting(Bill::party).containsExactlyInAnyOrder("a", "b", "c", Grid.AGENT_ID, Settle.PLATFORM);
        assertThat(b.bill(Grid.AGENT_ID).kind()).isEqualTo("grid");
        assertThat(b.bill(Grid.AGENT_ID).net()).isCloseTo(0.30 * 4.4 - 0.05 * 2, within(Tolerances.ANALYTIC));
        assertThat(b.bill(Settle.PLATFORM).received()).isCloseTo(0.142, within(Tolerances.ANALYTIC));
        assertThat(b.lines()).filteredOn(l -> l.payer().equals("c") && l.reason().equals("grid")).singleElement()
                .satisfies(l -> assertThat(l.amount()).isCloseTo(0.31 * 3, within(Tolerances.ANALYTIC)));
        assertThat(b.moneyConserved()).isTrue();
        assertThat(b.energyConserved()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pool", "p2p", "community"})
    void everyMarketStructureSettlesWithMoneyConserved(String structure) {
        List<Agent> agents = BipartiteMarketGenerator.generate(10, BipartiteMarketGenerator.ALL_PARTNERS, 5, null, null).agents();
        Grid grid = new Grid(null, 0.45, 0.1);
        Map<String, List<String>> communities = new LinkedHashMap<>();
        communities.put("m1", new ArrayList<>());
        communities.put("m2", new ArrayList<>());
        for (int i = 0; i < agents.size(); i++) {
            if (i % 5 != 4) { // every fifth peer independent: a composite market
                communities.get(i % 2 == 0 ? "m1" : "m2").add(agents.get(i).id());
            }
        }
        Market m = switch (structure) {
            case "pool" -> MarketStructures.pool("pool", agents, "mo", 0.01, grid);
            case "p2p" -> MarketStructures.fullP2P("p2p", agents, 0.015, grid);
            default -> MarketStructures.communities("c", agents, communities, 0.005, grid);
        };
        Bills b = Settle.of(clear(m), m);
        SettleTest.assertSound(b);
        assertThat(b.bill(Settle.PLATFORM).received()).isPositive();
    }

    @Test
    void anAuctionSettlesTheSameFromMemoryAndFromItsFile() throws Exception {
        List<Order> orders = List.of(new Order("b1", "h1", Side.BUY, 2, 0.30, 0, null, null),
                new Order("b2", "h2", Side.BUY, 1, 0.20, 1, null, null),
                new Order("s1", "h3", Side.SELL, 1.5, 0.10, 2, null, null),
                new Order("s2", "h4", Side.SELL, 2, 0.25, 3, null, null));
        List<AuctionResult> periods = new ArrayList<>();
        for (String mechanism : List.of("uniform", "huang")) {
            periods.add(AuctionMechanism.registered().get(mechanism).run(OrderFile.of("four", Units.DEFAULT, orders),
                    AuctionOptions.DEFAULT));
        }
        Path one = dir.resolve("one.json");
        AuctionResultWriter.write(periods.get(1), one);
        assertThat(BillsWriter.toJson(Settle.of(periods.get(1)))).isEqualTo(BillsWriter.toJson(Settle.auction(one)));
        Bills both = Settle.auction(periods);
        assertThat(both.periods()).isEqualTo(2);
        double surplus = periods.stream().mapToDouble(AuctionResult::surplus).sum();
        assertThat(both.bill(Settle.AUCTIONEER).net()).isCloseTo(surplus, within(Tolerances.ROUNDING));
        assertThat(both.moneyConserved()).isTrue();
        assertThat(both.energyConserved()).isTrue();
    }
}
