package org.peerclear.clearing.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.losses.LossAllocation;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.clearing.multiclass.MultiClassClearing;
import org.peerclear.clearing.multiclass.MultiClassResult;
import org.peerclear.clearing.charges.NetworkCharges;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.clearing.preference.ClassPreferences;
import org.peerclear.index.MarketIndex;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;

/** A version-2 case file cleared through {@link CaseClearing}, checked against independent computations. */
class CaseV2ClearingTest {
    private static final double TOL = 1e-6;

    private static Market read(String body) {
        return MarketCaseReader.create().read("{\"format\":\"peerclear-market\",\"version\":2," + body + "}", Path.of("."));
    }

    /**
     * One buyer (utility 0.30 per kW, up to 3 kW, a=0) and two producers: a block offer of 2 kW at 0.10
     * and a flexible 0..3 kW at 0.20. Enumerating the block: on, 2 kW at 0.10 + 1 kW at 0.20 → welfare
     * 3·0.30 − 0.20 − 0.20 = 0.50; off, 3 kW at 0.20 → 0.30. So the block runs.
     */
    private static final String BLOCK = "\"agents\":["
            + "{\"id\":\"b\",\"assets\":[{\"id\":\"load\",\"pMin\":-3,\"pMax\":0,\"a\":0,\"b\":0.30}]},"
            + "{\"id\":\"g1\",\"assets\":[{\"id\":\"blk\",\"pMin\":0,\"pMax\":2,\"a\":0,\"b\":0.10,\"block\":true}]},"
            + "{\"id\":\"g2\",\"assets\":[{\"id\":\"flex\",\"pMin\":0,\"pMax\":3,\"a\":0,\"b\":0.20}]}]";

    @Test
    void milpSolvesBlockOfferAsEnumerationSays() {
        Market m = read(BLOCK);
        double best = Double.NEGATIVE_INFINITY;
        double bestBlock = Double.NaN;
        for (double blk : new double[] {0, 2}) {
            double flex = 3 - blk;
            double welfare = 3 * 0.30 - 0.10 * blk - 0.20 * flex;
            if (welfare > best) {
                best = welfare;
                bestBlock = blk;
            }
        }
        ClearingResult r = CaseClearing.clear(m, "milp", ClearingOptions.DEFAULT);
        assertEquals(Status.OPTIMAL, r.status(), r.message());
        assertEquals(bestBlock, r.assets().stream().filter(a -> a.id().equals("blk")).findFirst().orElseThrow().p(), TOL);
        assertEquals(best, r.welfare(), TOL);
    }

    @Test
    void otherMethodsRefuseIntegerRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaseClearing.clear(read(BLOCK), "qp", ClearingOptions.DEFAULT));
        assertTrue(e.getMessage().startsWith("agents[g1].assets[blk].block: ") && e.getMessage().contains("--method milp"), e.getMessage());
    }

    @Test
    void minQuantityKeepsEveryTradeZeroOrLarge() {
        String body = "\"agents\":["
                + "{\"id\":\"b\",\"assets\":[{\"id\":\"load\",\"pMin\":-0.5,\"pMax\":0,\"a\":0,\"b\":0.30}]},"
                + "{\"id\":\"g\",\"assets\":[{\"id\":\"pv\",\"pMin\":0,\"pMax\":2,\"a\":0,\"b\":0.10}]}],"
                + "\"trades\":{\"minQuantity\":1.0}";
        ClearingResult r = CaseClearing.clear(read(body), "milp", ClearingOptions.DEFAULT);
        assertEquals(Status.OPTIMAL, r.status(), r.message());
        // The only trade possible is 0.5 < 1: it must be 0, so nothing is served.
        assertEquals(0.0, r.agent("b").p(), TOL);
    }

    private static final String CLASSES = "\"classes\":{\"green\":{}},\"agents\":["
            + "{\"id\":\"b\",\"premiums\":{\"green\":0.05},\"assets\":[{\"id\":\"load\",\"pMin\":-2,\"pMax\":0,\"a\":0.1,\"b\":0.30}]},"
            + "{\"id\":\"pv\",\"class\":\"green\",\"assets\":[{\"id\":\"pvA\",\"pMin\":0,\"pMax\":2,\"a\":0.2,\"b\":0.12}]},"
            + "{\"id\":\"gas\",\"assets\":[{\"id\":\"gasA\",\"pMin\":0,\"pMax\":2,\"a\":0.2,\"b\":0.10}]}]";

    @Test
    void premiumsClearAsTheLibraryApplyThem() {
        Market m = read(CLASSES);
        ClearingResult viaCase = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
        Market byHand = ClassPreferences.of(Map.of("b", Map.of("green", 0.05))).apply(m);
        ClearingResult lib = ClearingMethods.load().get("qp").clear(byHand, ClearingOptions.DEFAULT);
        assertEquals(Status.OPTIMAL, viaCase.status(), viaCase.message());
        assertEquals(lib.objective(), viaCase.objective(), TOL);
        assertEquals(lib.trade("gas", "b"), viaCase.trade("gas", "b"), TOL);
        assertEquals(lib.trade("pv", "b"), viaCase.trade("pv", "b"), TOL);
        // The premium moves trade to the green seller: without it gas (cheaper) would sell more.
        assertTrue(viaCase.trade("pv", "b") > viaCase.trade("gas", "b"));
    }

    @Test
    void classMarketsThroughTheSpiEqualMultiClassClearing() {
        Market m = read(CLASSES.replace("\"classes\"", "\"classMarkets\":true,\"classes\""));
        ClearingResult r = CaseClearing.clear(m, "auto", ClearingOptions.DEFAULT);
        MultiClassResult own = MultiClassClearing.clear(m, ClassPreferences.of(Map.of("b", Map.of("green", 0.05))),
                ClearingOptions.DEFAULT);
        assertEquals("multiclass", r.method());
        assertEquals(own.status(), r.status());
        @SuppressWarnings("unchecked")
        Map<String, Double> prices = (Map<String, Double>) ((Map<String, Object>) r.sections().get("classMarkets")).get("prices");
        assertEquals(own.classPrices().keySet(), prices.keySet());
        own.classPrices().forEach((c, p) -> assertEquals(p, prices.get(c), TOL, c));
        own.assetPower().forEach((s, p) -> assertEquals(p, r.assets().stream().filter(a -> a.id().equals(s)).findFirst()
                .orElseThrow().p(), TOL, s));
        own.agentPrices().forEach((n, p) -> assertEquals(p, r.agent(n).price(), TOL, n));
        assertThrows(IllegalArgumentException.class, () -> CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT));
    }

    private static String feeder(String network) {
        return "\"agents\":["
                + "{\"id\":\"h1\",\"bus\":\"18\",\"assets\":[{\"id\":\"pv1\",\"pMin\":0,\"pMax\":4,\"a\":0.02,\"b\":0.05}]},"
                + "{\"id\":\"h2\",\"bus\":\"33\",\"assets\":[{\"id\":\"l2\",\"pMin\":-3,\"pMax\":0,\"a\":0.02,\"b\":0.30}]},"
                + "{\"id\":\"h3\",\"bus\":\"25\",\"assets\":[{\"id\":\"l3\",\"pMin\":-3,\"pMax\":0,\"a\":0.02,\"b\":0.28}]}],"
                + "\"grid\":{\"importPrice\":0.35,\"exportPrice\":0.04},"
                + "\"network\":{\"case\":\"case33bw\",\"vMin\":0.85,\"vMax\":1.1," + network + "}";
    }

    @Test
    void chargesAsTheLibraryAppliesThem() {
        for (String charges : new String[] {"{\"kind\":\"uniform\",\"rate\":0.01}",
                "{\"kind\":\"distance\",\"rate\":0.5,\"side\":\"buyer\"}"}) {
            Market m = read(feeder("\"charges\":" + charges));
            ClearingResult viaCase = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
            NetworkCharges policy = charges.contains("uniform") ? NetworkCharges.uniform(0.01) : NetworkCharges.distancePreference(0.5);
            ClearingResult lib = ClearingMethods.load().get("qp").clear(policy.apply(m), ClearingOptions.DEFAULT);
            assertEquals(lib.status(), viaCase.status());
            assertEquals(lib.objective(), viaCase.objective(), TOL, charges);
            assertEquals(lib.trade("h1", "h2"), viaCase.trade("h1", "h2"), TOL, charges);
        }
    }

    @Test
    void zonalChargesFollowTheirRule() {
        // h1 (bus 18) and h2 (bus 33) in zone A, h3 (bus 25) in zone B: inside A pays 0.01, A–B pays 0.01 + 0.03.
        Market m = read(feeder("\"charges\":{\"kind\":\"zonal\",\"rates\":{\"A\":0.01,\"B\":0.03},"
                + "\"zones\":{\"1\":\"A\",\"18\":\"A\",\"33\":\"A\",\"25\":\"B\"}}"));
        Market charged = CaseClearing.priced(m);
        for (var arc : charged.arcs()) {
            String key = arc.from() + ">" + arc.to();
            double expected = switch (key) {
                case "h1>h2", "h2>h1", "grid>h1", "h1>grid", "grid>h2", "h2>grid" -> 0.01;
                default -> 0.04;
            };
            assertEquals(expected, arc.gamma(), 1e-12, key);
        }
    }

    @Test
    void lossesAllocatedAndPricedAsTheLibraryDoes() {
        for (String allocation : new String[] {"pro-rata", "marginal", "path"}) {
            Market m = read(feeder("\"losses\":{\"allocation\":\"" + allocation + "\",\"price\":\"grid\"}"));
            ClearingResult r = CaseClearing.clear(m, "qp", ClearingOptions.DEFAULT);
            LossAllocation lib = LossAllocator.registered().get(allocation).allocate(r, NetworkModel.of(r.market(), MarketIndex.of(r.market())));
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) r.sections().get("lossAllocation");
            assertEquals(allocation, section.get("method"));
            assertEquals(0.35, (double) section.get("price"), 0.0);
            assertEquals(lib.totalKw(), (double) section.get("totalKw"), TOL);
            @SuppressWarnings("unchecked")
            Map<String, Double> costs = (Map<String, Double>) section.get("costs");
            lib.byParticipant().forEach((who, kw) -> assertEquals(kw * 0.35, costs.get(who), TOL, allocation + " " + who));
        }
    }

    @Test
    void lossAwareAndTightenReachTheMethod() {
        ClearingResult r = CaseClearing.clear(read(feeder("\"lossAware\":true,\"tightenToAc\":true")), "qp", ClearingOptions.DEFAULT);
        ClearingResult lib = ClearingMethods.load().get("qp").clear(read(feeder("\"lossAware\":true")).toBuilder()
                        .networkTariff(org.peerclear.model.NetworkTariff.NONE).build(),
                ClearingOptions.DEFAULT.withMethodOptions(org.peerclear.clearing.network.NetworkOptions.DEFAULT
                        .withLossAware(true).withTightenToAc(true)));
        assertEquals(lib.status(), r.status());
        assertEquals(lib.objective(), r.objective(), TOL);
    }
}
