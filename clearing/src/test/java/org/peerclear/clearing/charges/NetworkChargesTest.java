package org.peerclear.clearing.charges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.network.FeederMarkets;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Arc;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkTariff;
import org.peerclear.powerflow.Feeder;
import org.peerclear.result.ClearingResult;
import org.peerclear.spi.Registry;

/** Network charges on case33bw ({@link FeederMarkets#peerToPeer()}: sellers s2, s18, s30; buyers b9, b15, b20, b23). */
class NetworkChargesTest {
    /** case33bw's zones as {@link ZonalCharge#laterals} names them: the substation, then each lateral by its first bus. */
    private static final List<String> LATERALS = List.of("1", "2", "3", "4", "7", "19", "23", "26");

    private final QpClearing qp = new QpClearing();

    private static NetworkModel model(Market m) {
        return NetworkModel.of(m, MarketIndex.of(m));
    }

    @Test
    void electricalDistanceIsThePathResistance() {
        NetworkModel model = model(FeederMarkets.peerToPeer());
        Feeder feeder = model.feeder();
        ElectricalDistance d = new ElectricalDistance(feeder, model.linDistFlow());
        // r_pu of branches 1-2 and 2-3 (MATPOWER case33bw after its own conversion: 0.00575259116172, 0.0307595167324).
        assertThat(d.between(feeder.busIndex("1"), feeder.busIndex("2"))).isCloseTo(0.00575259116172, within(1e-12));
        assertThat(d.between(feeder.busIndex("1"), feeder.busIndex("3"))).isCloseTo(0.00575259116172 + 0.0307595167324, within(1e-12));
        assertThat(d.between(feeder.busIndex("3"), feeder.busIndex("19")))
                .isCloseTo(d.between(feeder.busIndex("3"), feeder.busIndex("2")) + d.between(feeder.busIndex("2"), feeder.busIndex("19")), within(1e-12));
        assertThat(d.between(feeder.busIndex("7"), feeder.busIndex("7"))).isZero();
    }

    @Test
    void lateralsAreTheZonesByDefault() {
        Feeder feeder = model(FeederMarkets.peerToPeer()).feeder();
        int[] zone = ZonalCharge.laterals(feeder);
        // 19..22 hang off bus 2, 23..25 off bus 3, 26..33 off bus 6: each lateral is one zone.
        assertThat(zone[feeder.busIndex("20")]).isEqualTo(zone[feeder.busIndex("22")]).isNotEqualTo(zone[feeder.busIndex("24")]);
        assertThat(zone[feeder.busIndex("27")]).isEqualTo(zone[feeder.busIndex("33")]);
        assertThat(java.util.Arrays.stream(zone).mapToObj(z -> feeder.busIds().get(z)).distinct().sorted())
                .containsExactlyInAnyOrderElementsOf(LATERALS);
    }

    @Test
    void eachPolicyAddsItsChargeToTheArcs() {
        Market m = FeederMarkets.peerToPeer();
        // s18 (bus 18, lateral "7") sells to b20 (bus 20, lateral "19"): across zones, both rates.
        Map<String, Double> rates = new java.util.TreeMap<>();
        LATERALS.forEach(z -> rates.put(z, 0.001));
        rates.put("7", 0.004);
        rates.put("19", 0.002);
        assertThat(gammaAdded(NetworkCharges.zonal(rates, Map.of()), m, "s18", "b20")).isCloseTo(0.006, within(1e-15));
        // b9 and b15 are both on the main path below bus 7: inside one zone, one rate.
        assertThat(gammaAdded(NetworkCharges.zonal(rates, Map.of()), m, "b9", "b15")).isCloseTo(0.004, within(1e-15));
        assertThat(gammaAdded(NetworkCharges.uniform(0.01), m, "s2", "b23")).isCloseTo(0.01, within(1e-15));
        NetworkModel model = model(m);
        Feeder f = model.feeder();
        double r = new ElectricalDistance(f, model.linDistFlow()).between(f.busIndex("18"), f.busIndex("20"));
        assertThat(gammaAdded(NetworkCharges.distance(0.5), m, "s18", "b20")).isCloseTo(0.5 * r, within(1e-15));
        // On the buyer's side only: the buyer's arc pays it, the seller's does not.
        assertThat(gammaAdded(NetworkCharges.distancePreference(0.5), m, "b20", "s18")).isCloseTo(0.5 * r, within(1e-15));
        assertThat(gammaAdded(NetworkCharges.distancePreference(0.5), m, "s18", "b20")).isZero();
    }

    private static double gammaAdded(NetworkCharges c, Market m, String from, String to) {
        return gamma(c.apply(m), from, to) - gamma(m, from, to);
    }

    private static double gamma(Market m, String from, String to) {
        return m.arcs().stream().filter(a -> a.from().equals(from) && a.to().equals(to)).mapToDouble(Arc::gamma)
                .findFirst().orElseThrow();
    }

    @Test
    void chargesChangeWhoTradesWithWhomAndCostWelfare() {
        Market m = FeederMarkets.peerToPeer();
        ClearingResult plain = qp.clear(m, ClearingOptions.DEFAULT);
        Map<String, Double> rates = new java.util.TreeMap<>();
        LATERALS.forEach(z -> rates.put(z, 0.01));
        for (NetworkCharges c : List.of(NetworkCharges.uniform(0.01), NetworkCharges.zonal(rates, Map.of()),
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
    }

    @Test
    void theBuiltInPoliciesAreRegisteredAndAnUnknownKindIsNamed() {
        assertThat(NetworkChargePolicy.registered().names()).containsExactly("distance", "uniform", "zonal");
        NetworkTariff.Charges typo = new NetworkTariff.Charges("unifrom", 0.01, Map.of(), Map.of(), "both");
        assertThatThrownBy(() -> NetworkCharges.of(typo)).isInstanceOf(InvalidMarketException.class)
                .hasMessageContaining("network.charges.kind").hasMessageContaining("did you mean 'uniform'");
        assertThatThrownBy(() -> NetworkCharges.uniform(-1)).isInstanceOf(InvalidMarketException.class)
                .hasMessageContaining("network.charges.rate");
    }

    @Test
    void aPlugInIsFoundByNameAndANegativeChargeIsRefused() {
        NetworkChargePolicy negative = new NetworkChargePolicy() {
            @Override
            public String name() {
                return "rebate";
            }

            @Override
            public String description() {
                return "pays traders (not allowed)";
            }

            @Override
            public Rule rule(Feeder feeder, ElectricalDistance distance, NetworkTariff.Charges parameters) {
                return (f, t, buys) -> -parameters.rate();
            }
        };
        NetworkTariff.Charges p = new NetworkTariff.Charges("rebate", 0.01, Map.of(), Map.of(), "both");
        NetworkCharges c = NetworkCharges.of(p, Registry.of("network-charge policy", List.of(negative)));
        assertThatThrownBy(() -> c.apply(FeederMarkets.peerToPeer())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'rebate' charged -0.01");
    }
}
