package org.peerclear.settlement;

import java.util.HashMap;
import java.util.Map;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.clearing.charges.NetworkCharges;
import org.peerclear.model.Arc;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkTariff;

/**
 * What one period's case charges per unit traded on each directed arc, split by who collects it:
 * the case's own {@code gamma} (fees, the platform's) and its {@code network.charges} (the
 * operator's). Clearing folds the charges into the arcs' gammas ({@link CaseClearing}); here they
 * are taken apart again by applying the same {@link NetworkCharges} to the case's market and
 * keeping the rise of each arc's gamma, so that every policy, plug-ins included, is settled as it
 * was cleared.
 */
final class ArcCharges {
    private final Map<String, Double> fee;
    private final Map<String, Double> network;

    private ArcCharges(Map<String, Double> fee, Map<String, Double> network) {
        this.fee = fee;
        this.network = network;
    }

    /**
     * The charges of a market as read from its case.
     *
     * @param m      the period's market as its case declares it (gammas without the network charges)
     * @param method the clearing method the result names: fees and charges are settled only where it priced them
     */
    static ArcCharges of(Market m, String method) {
        if (!CaseClearing.pricesArcs(method)) {
            return new ArcCharges(Map.of(), Map.of());
        }
        Map<String, Double> fee = gammas(m);
        Map<String, Double> network = new HashMap<>();
        NetworkTariff.Charges c = m.networkTariff().charges();
        if (c != null) {
            gammas(NetworkCharges.of(c).apply(m)).forEach((arc, g) -> network.put(arc, g - fee.getOrDefault(arc, 0.0)));
        }
        return new ArcCharges(fee, network);
    }

    /** {@return the fee per unit traded on the arc, currency per unit of power for the period} */
    double fee(String from, String to) {
        return fee.getOrDefault(key(from, to), 0.0);
    }

    /** {@return the network charge per unit traded on the arc, currency per unit of power for the period} */
    double network(String from, String to) {
        return network.getOrDefault(key(from, to), 0.0);
    }

    private static Map<String, Double> gammas(Market m) {
        Map<String, Double> g = new HashMap<>();
        for (Arc a : m.arcs()) {
            g.put(key(a.from(), a.to()), a.gamma());
        }
        return g;
    }

    private static String key(String from, String to) {
        return from + '\u0000' + to;
    }
}
