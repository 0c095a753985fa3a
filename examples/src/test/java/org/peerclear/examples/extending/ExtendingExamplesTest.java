package org.peerclear.examples.extending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.clearing.charges.NetworkChargePolicy;
import org.peerclear.clearing.charges.NetworkCharges;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.model.Units;
import org.peerclear.opt.Problem;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.settlement.Bill;
import org.peerclear.settlement.Bills;
import org.peerclear.settlement.Settle;

/** The examples of docs/extending.md, found as a user's would be: through their registration lines. */
class ExtendingExamplesTest {
    /** Two sellers and two buyers, every trade paying a fee of 0.05 per unit. */
    private static Market market() {
        return Market.builder("four")
                .agent(new Agent("s1", List.of(new Asset("s1.pv", 0, 5, 0.02, 0.10))))
                .agent(new Agent("s2", List.of(new Asset("s2.pv", 0, 5, 0.04, 0.12))))
                .agent(new Agent("b1", List.of(new Asset("b1.load", -6, 0, 0.03, 0.50))))
                .agent(new Agent("b2", List.of(new Asset("b2.load", -4, 0, 0.05, 0.45))))
                .tradeGraph(TradeGraph.complete(0.05, List.of()))
                .build();
    }

    @Test
    void theClearingMethodIsRegisteredAndClearsAsIfTradesWereFree() {
        ClearingMethod method = ClearingMethods.load().get("fee-free");
        assertThat(method).isInstanceOf(FeeFreeClearing.class);

        ClearingResult free = method.clear(market(), ClearingOptions.DEFAULT);
        ClearingResult withFees = ClearingMethods.load().get("qp").clear(market(), ClearingOptions.DEFAULT);

        assertThat(free.status()).isEqualTo(Status.OPTIMAL);
        assertThat(free.verify().passes()).as(free.verify().toString()).isTrue();
        // Without fees one price clears the whole market; with them buyers pay more than sellers get.
        double p = free.agent("s1").price();
        assertThat(free.agents()).extracting(AgentResult::price).allSatisfy(q -> assertThat(q).isCloseTo(p, within(1e-9)));
        assertThat(withFees.agent("b1").price()).isGreaterThan(withFees.agent("s1").price() + 0.05 - 1e-9);
        assertThat(free.welfare()).isGreaterThan(withFees.welfare());
    }

    @Test
    void theBackEndIsRegisteredAndSolvesAnLpWithItsDuals() {
        SolverBackend backend = SolverRegistry.load().get("my-solver");
        assertThat(backend).isInstanceOf(MySolverBackend.class);

        // min x + 2y  s.t.  x + y >= 1,  x <= 0.25,  x, y >= 0: x = 0.25, y = 0.75, cost 1.75;
        // one more unit of demand costs 2 (it is met by y).
        ProblemBuilder b = new ProblemBuilder("two-variables");
        int x = b.addVariable("x", 0, 0.25);
        int y = b.addVariable("y", 0, Double.POSITIVE_INFINITY);
        b.addLinear(x, 1).addLinear(y, 2);
        b.addRow("demand", new int[] {x, y}, new double[] {1, 1}, Sense.GREATER_EQUAL, 1);
        Problem problem = b.build();
        Solution s = backend.solve(problem, SolverParameters.DEFAULT);

        assertThat(s.status()).isEqualTo(Status.OPTIMAL);
        assertThat(s.backend()).isEqualTo("my-solver");
        assertThat(s.x()).containsExactly(new double[] {0.25, 0.75}, within(1e-9));
        assertThat(s.objective()).isCloseTo(1.75, within(1e-9));
        assertThat(s.duals()).hasValueSatisfying(d -> assertThat(d[0]).isCloseTo(2.0, within(1e-9)));
    }

    @Test
    void aMarketClearsOnTheBackEndAsOnOjAlgo() {
        ClearingMethod qp = ClearingMethods.load().get("qp");
        ClearingResult mine = qp.clear(market(), ClearingOptions.DEFAULT.withSolver("my-solver"));
        ClearingResult ojalgo = qp.clear(market(), ClearingOptions.DEFAULT.withSolver("ojalgo"));

        assertThat(mine.status()).isEqualTo(Status.OPTIMAL);
        assertThat(mine.solver()).isEqualTo("my-solver");
        assertThat(mine.verify().passes()).as(mine.verify().toString()).isTrue();
        assertThat(mine.welfare()).isCloseTo(ojalgo.welfare(), within(1e-9));
    }

    /** Case33bw with sellers at the far ends of the main feeder (18) and of a lateral (30), buyers at 9 and 23. */
    private static Market feederCase(String networkExtra) {
        String json = """
                {"format": "peerclear-market", "version": 2, "name": "feeder",
                 "agents": [
                   {"id": "s18", "bus": "18", "assets": [{"id": "s18.gen", "pMin": 0, "pMax": 150, "a": 0.0004, "b": 0.05}]},
                   {"id": "s30", "bus": "30", "assets": [{"id": "s30.gen", "pMin": 0, "pMax": 150, "a": 0.0004, "b": 0.05}]},
                   {"id": "b9", "bus": "9", "assets": [{"id": "b9.load", "pMin": -120, "pMax": 0, "a": 0.0005, "b": 0.25}]},
                   {"id": "b23", "bus": "23", "assets": [{"id": "b23.load", "pMin": -90, "pMax": 0, "a": 0.0005, "b": 0.25}]}],
                 "trades": {"graph": "complete", "fee": 0.001},
                 "grid": {"bus": "1", "importPrice": 0.30, "exportPrice": 0.02},
                 "network": {"case": "case33bw", "vMin": 0.9, "vMax": 1.05, EXTRA}}
                """.replace("EXTRA", networkExtra);
        return MarketCaseReader.create().read(json, Path.of("."));
    }

    @Test
    void theNetworkChargeIsFoundByTheCaseFilesKind() {
        Market m = feederCase("\"charges\": {\"kind\": \"per-line\", \"rate\": 0.001}");
        assertThat(NetworkChargePolicy.registered().get("per-line")).isInstanceOf(PerLineCharge.class);
        Market charged = NetworkCharges.of(m.networkTariff().charges()).apply(m);
        // 18 -> 9 runs 9 lines along the main feeder; 18 -> 23 climbs 15 lines to bus 3, where
        // the lateral 23..25 leaves, and takes the line 3-23: 16.
        assertThat(gamma(charged, "s18", "b9") - gamma(m, "s18", "b9")).isCloseTo(0.009, within(1e-15));
        assertThat(gamma(charged, "s18", "b23") - gamma(m, "s18", "b23")).isCloseTo(0.016, within(1e-15));
        // The grid trades at the substation, bus 1: 17 lines from 18.
        assertThat(gamma(charged, "s18", "grid") - gamma(m, "s18", "grid")).isCloseTo(0.017, within(1e-15));

        ClearingResult r = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    private static double gamma(Market m, String from, String to) {
        return m.arcs().stream().filter(a -> a.from().equals(from) && a.to().equals(to)).mapToDouble(Arc::gamma)
                .findFirst().orElseThrow();
    }

    @Test
    void theLossAllocatorIsFoundByTheCaseFilesAllocation() {
        Market m = feederCase("\"losses\": {\"allocation\": \"load-pays\", \"price\": \"grid\"}");
        assertThat(LossAllocator.registered().get("load-pays")).isInstanceOf(LoadPaysAllocator.class);
        ClearingResult r = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);

        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) r.sections().get("lossAllocation");
        @SuppressWarnings("unchecked")
        Map<String, Double> shares = (Map<String, Double>) section.get("shares");
        assertThat(section.get("method")).isEqualTo("load-pays");
        double total = (double) section.get("totalKw");
        assertThat(total).isEqualTo(r.network().orElseThrow().lossesKw()).isPositive();
        // The buyers carry all of it, each in proportion to what it withdraws; the sellers nothing.
        assertThat(shares).containsOnlyKeys("b9", "b23");
        double b9 = -r.agent("b9").p();
        double b23 = -r.agent("b23").p();
        assertThat(shares.get("b9")).isCloseTo(total * b9 / (b9 + b23), within(1e-12));
        assertThat(shares.get("b9") + shares.get("b23")).isCloseTo(total, within(1e-12));
    }

    @Test
    void theAuctionMechanismIsRegisteredAndSettlesItsSpread() {
        assertThat(AuctionMechanism.registered().get("pay-as-bid")).isInstanceOf(PayAsBidAuction.class);
        // Bids 2 @ 0.30 and 1 @ 0.20; asks 1.5 @ 0.10 and 2 @ 0.25: 1.5 trades at (0.30, 0.10), then
        // 0.5 at (0.30, 0.25); the second bid (0.20) is below the next ask (0.25) and stops the auction.
        OrderFile orders = OrderFile.of("four", Units.DEFAULT, List.of(
                new Order("b1", "h1", Side.BUY, 2, 0.30, 0, null, null),
                new Order("b2", "h2", Side.BUY, 1, 0.20, 1, null, null),
                new Order("s1", "h3", Side.SELL, 1.5, 0.10, 2, null, null),
                new Order("s2", "h4", Side.SELL, 2, 0.25, 3, null, null)));
        AuctionResult r = AuctionMechanism.registered().get("pay-as-bid").run(orders, AuctionOptions.DEFAULT);

        assertThat(r.status()).isEqualTo(AuctionStatus.CLEARED);
        assertThat(r.volume()).isCloseTo(2.0, within(1e-12));
        assertThat(r.fill("b2")).isNull();
        assertThat(r.fill("s2").quantity()).isCloseTo(0.5, within(1e-12));
        // The auctioneer keeps 1.5 x 0.20 + 0.5 x 0.05; the traders keep nothing (each trades at its limit).
        assertThat(r.surplus()).isCloseTo(0.325, within(1e-12));
        assertThat(r.welfare()).isCloseTo(0.325, within(1e-12));
        Bills s = Settle.of(r);
        assertThat(s.relativeImbalance()).isLessThan(1e-12);
        assertThat(s.bills()).extracting(Bill::party).containsExactly("h1", "auctioneer", "h3", "h4");
        // h1 pays 1.5 x 0.30 + 0.5 x 0.30; h3 is paid 1.5 x 0.10, h4 0.5 x 0.25: the auctioneer keeps the spread.
        assertThat(s.bill("h1").paid()).isCloseTo(0.60, within(1e-12));
        assertThat(s.bill(Settle.AUCTIONEER).net()).isCloseTo(0.325, within(1e-12));
    }
}
