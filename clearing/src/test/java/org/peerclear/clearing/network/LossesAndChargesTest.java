package org.peerclear.clearing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.losses.LossAllocation;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.result.ClearingResult;

/** Loss allocation, network charges and loss-aware clearing on case33bw. */
class LossesAndChargesTest {
    private final QpClearing qp = new QpClearing();

    /**
     * Sellers near the substation and far down the main feeder, buyers spread over it, every pair
     * may trade, the grid behind bus 1:
     * <pre>
     *   1(grid) ─ 2(s2) ─ 3 ─ ... ─ 9(b9) ─ ... ─ 15(b15) ─ ... ─ 18(s18)
     *               └ 19 ─ 20(b20)        23(b23)    30(s30)
     * </pre>
     */
    static Market p2pOnFeeder() {
        List<Agent> agents = new ArrayList<>();
        for (String s : List.of("2", "18", "30")) {
            agents.add(new Agent("s" + s, s, null, List.of(new Asset("s" + s + ".gen", 0, 150, 0.0004, 0.05))));
        }
        for (String b : List.of("9", "15", "20", "23")) {
            agents.add(new Agent("b" + b, b, null, List.of(new Asset("b" + b + ".load", -120, 0, 0.0005, 0.25))));
        }
        return Market.builder("p2p-case33bw").agents(agents).tradeGraph(TradeGraph.complete(0.001, List.of()))
                .grid(new Grid("1", 0.30, 0.02)).network(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())).build();
    }

    @Test
    void everyMethodAllocatesExactlyAllTheAcLosses() {
        Market m = p2pOnFeeder();
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        NetworkModel model = NetworkModel.of(m, MarketIndex.of(m));
        double losses = r.network().orElseThrow().lossesKw();
        assertThat(losses).isGreaterThan(100);
        for (LossAllocator a : LossAllocator.builtIn()) {
            LossAllocation alloc = a.allocate(r, model);
            assertThat(alloc.totalKw()).isEqualTo(losses);
            assertThat(alloc.allocatedKw()).as(a.name()).isCloseTo(losses, within(1e-9 * losses));
            if (a.name().equals("path")) {
                double trades = alloc.byTrade().values().stream().mapToDouble(Double::doubleValue).sum();
                assertThat(trades).isPositive();
            }
        }
    }

    @Test
    void marginalLossFactorsCreditInjectionsThatRelieveLosses() {
        Market m = p2pOnFeeder();
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        LossAllocation mlf = org.peerclear.clearing.losses.LossAllocators.load().get("marginal").allocate(r, NetworkModel.of(m, MarketIndex.of(m)));
        // A seller at the far end of a loaded feeder reduces losses: it is credited; far loads pay most.
        assertThat(mlf.share("s18")).isNegative();
        assertThat(mlf.share("load@18")).isGreaterThan(mlf.share("load@2"));
    }

    @Test
    void electricalDistanceIsThePathResistance() {
        Market m = p2pOnFeeder();
        ElectricalDistance d = new ElectricalDistance(NetworkModel.of(m, MarketIndex.of(m)));
        var feeder = NetworkModel.of(m, MarketIndex.of(m)).feeder();
        // r_pu of branches 1-2 and 2-3 (MATPOWER case33bw after its own conversion: 0.00575259116172, 0.0307595167324).
        assertThat(d.between(feeder.busIndex("1"), feeder.busIndex("2"))).isCloseTo(0.00575259116172, within(1e-12));
        assertThat(d.between(feeder.busIndex("1"), feeder.busIndex("3"))).isCloseTo(0.00575259116172 + 0.0307595167324, within(1e-12));
        assertThat(d.between(feeder.busIndex("3"), feeder.busIndex("19")))
                .isCloseTo(d.between(feeder.busIndex("3"), feeder.busIndex("2")) + d.between(feeder.busIndex("2"), feeder.busIndex("19")), within(1e-12));
        assertThat(d.between(feeder.busIndex("7"), feeder.busIndex("7"))).isZero();
    }

    @Test
    void chargesAreNonNegativeAndChangeWhoTradesWithWhom() {
        Market m = p2pOnFeeder();
        ClearingResult plain = qp.clear(m, ClearingOptions.DEFAULT);
        for (NetworkCharges c : List.of(NetworkCharges.uniform(0.01), NetworkCharges.zonal(0.0, 0.02),
                NetworkCharges.distance(0.5), NetworkCharges.distancePreference(0.5))) {
            Market charged = c.apply(m);
            assertThat(charged.arcs()).allSatisfy(a -> assertThat(a.gamma()).isGreaterThanOrEqualTo(0.001));
            ClearingResult r = qp.clear(charged, ClearingOptions.DEFAULT);
            assertThat(r.verify().passes()).as(c.name() + " " + r.verify()).isTrue();
            assertThat(r.welfare()).as(c.name()).isLessThanOrEqualTo(plain.welfare() + 1e-9);
        }
        // Distance charges: the far seller s18 sells less to the buyer near the substation (b20 on the lateral at 19-22).
        ClearingResult dist = qp.clear(NetworkCharges.distance(2.0).apply(m), ClearingOptions.DEFAULT);
        assertThat(Math.max(0, dist.trade("s18", "b20"))).isLessThanOrEqualTo(Math.max(0, plain.trade("s18", "b20")) + 1e-9);
        assertThatThrownBy(() -> NetworkCharges.uniform(-1)).hasMessage("Invalid value for parameter charge: -1.0");
    }

    @Test
    void zonesAreTheLateralsOfTheFeeder() {
        Market m = p2pOnFeeder();
        var feeder = NetworkModel.of(m, MarketIndex.of(m)).feeder();
        int[] zone = NetworkCharges.zones(feeder);
        // 19..22 hang off bus 2, 23..25 off bus 3, 26..33 off bus 6: each lateral is one zone.
        assertThat(zone[feeder.busIndex("20")]).isEqualTo(zone[feeder.busIndex("22")]).isNotEqualTo(zone[feeder.busIndex("24")]);
        assertThat(zone[feeder.busIndex("27")]).isEqualTo(zone[feeder.busIndex("33")]);
    }

    @Test
    void lossAwareClearingConvergesAndLowersLosses() {
        Market m = p2pOnFeeder();
        ClearingResult plain = qp.clear(m, ClearingOptions.DEFAULT);
        ClearingResult aware = qp.clear(m, ClearingOptions.DEFAULT.withMethodOptions(NetworkOptions.DEFAULT.withLossAware(true)));
        assertThat(aware.verify().passes()).as(aware.verify().toString()).isTrue();
        assertThat(aware.notes()).anySatisfy(n -> assertThat(n).contains("loss-factor updates").doesNotContain("limit reached"));
        double plainLoss = plain.network().orElseThrow().lossesKw();
        double awareLoss = aware.network().orElseThrow().lossesKw();
        assertThat(awareLoss).isLessThan(plainLoss);
        // What matters is the whole cost: asset costs plus losses bought at the import price.
        double plainTotal = plain.objective() + 0.30 * plainLoss;
        double awareTotal = aware.objective() + 0.30 * awareLoss;
        assertThat(awareTotal).isLessThan(plainTotal);
    }

    @Test
    void tighteningBringsTheAcVoltagesWithinLimits() {
        Market m = FeederMarkets.underVoltage();
        ClearingResult loose = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(loose.network().orElseThrow().worstViolationPu()).as("LinDistFlow alone leaves an AC violation").isPositive();
        ClearingResult tight = qp.clear(m, ClearingOptions.DEFAULT.withMethodOptions(NetworkOptions.DEFAULT.withTightenToAc(true)));
        assertThat(tight.network().orElseThrow().acWithinLimits()).as(tight.notes().toString()).isTrue();
        assertThat(tight.verify().passes()).isTrue();
        // The fix costs more local generation than LinDistFlow alone asked for.
        assertThat(tight.agent("g18").p() + tight.agent("g33").p()).isGreaterThan(loose.agent("g18").p() + loose.agent("g33").p());
    }
}
