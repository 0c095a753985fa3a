package org.peerclear.clearing.charges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Arc;
import org.peerclear.model.Grid;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkTariff;
import org.peerclear.spi.Registry;

/**
 * A network charge ready to apply: a {@link NetworkChargePolicy} found by name with its case
 * parameters. Applying it raises every arc's {@code gamma} by the policy's charge, so any
 * clearing method prices it without knowing about it (exogenous cost allocation after Baroche,
 * Pinson et al., TPWRS 2019).
 */
public final class NetworkCharges {
    private final NetworkChargePolicy policy;
    private final NetworkTariff.Charges parameters;

    private NetworkCharges(NetworkChargePolicy policy, NetworkTariff.Charges parameters) {
        this.policy = policy;
        this.parameters = parameters;
    }

    /**
     * The charge a case's {@code network.charges} describes, its policy found among the registered ones.
     *
     * @param parameters the case's block
     * @return the charge
     * @throws InvalidMarketException naming {@code network.charges.kind} when no policy has that name
     */
    public static NetworkCharges of(NetworkTariff.Charges parameters) {
        return of(parameters, NetworkChargePolicy.registered());
    }

    /**
     * As {@link #of(NetworkTariff.Charges)}, among the given policies.
     *
     * @param parameters the case's block
     * @param policies   where to find the policy
     * @return the charge
     * @throws InvalidMarketException naming {@code network.charges.kind} when no policy has that name
     */
    public static NetworkCharges of(NetworkTariff.Charges parameters, Registry<NetworkChargePolicy> policies) {
        try {
            return new NetworkCharges(policies.get(parameters.kind()), parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidMarketException("network.charges.kind", e.getMessage(), e);
        }
    }

    /**
     * {@code uniform}.
     *
     * @param rate currency per unit of power traded, {@code >= 0}
     * @return the charge
     */
    public static NetworkCharges uniform(double rate) {
        return of(new NetworkTariff.Charges("uniform", rate, Map.of(), Map.of(), "both"));
    }

    /**
     * {@code zonal} (see {@link ZonalCharge}).
     *
     * @param rates     zone to its rate, currency per unit of power traded, each {@code >= 0}
     * @param zoneOfBus bus id to zone; empty for the feeder's laterals, each named by its first bus's id
     * @return the charge
     */
    public static NetworkCharges zonal(Map<String, Double> rates, Map<String, String> zoneOfBus) {
        return of(new NetworkTariff.Charges("zonal", Double.NaN, rates, zoneOfBus, "both"));
    }

    /**
     * {@code distance} on both sides of every trade (see {@link DistanceCharge}).
     *
     * @param ratePerPu currency per unit of power per pu of path resistance, {@code >= 0}
     * @return the charge
     */
    public static NetworkCharges distance(double ratePerPu) {
        return of(new NetworkTariff.Charges("distance", ratePerPu, Map.of(), Map.of(), "both"));
    }

    /**
     * {@code distance} on the buyer's side only (see {@link DistanceCharge}).
     *
     * @param ratePerPu currency per unit of power per pu of path resistance, {@code >= 0}
     * @return the charge
     */
    public static NetworkCharges distancePreference(double ratePerPu) {
        return of(new NetworkTariff.Charges("distance", ratePerPu, Map.of(), Map.of(), "buyer"));
    }

    /** {@return the policy's name, and its side when only the buyer pays} */
    public String name() {
        return parameters.side().equals("buyer") ? policy.name() + " (buyer)" : policy.name();
    }

    /**
     * The market with every arc's gamma raised by this charge.
     *
     * @param market a market with a network
     * @return the same market with new arc coefficients
     * @throws IllegalStateException if the policy returns a negative or non-finite charge
     */
    public Market apply(Market market) {
        NetworkModel model = NetworkModel.of(market, MarketIndex.of(market));
        NetworkChargePolicy.Rule rule = policy.rule(model.feeder(),
                new ElectricalDistance(model.feeder(), model.linDistFlow()), parameters);
        MarketIndex ix = model.index();
        int slack = model.feeder().slackIndex();
        List<Arc> overrides = new ArrayList<>();
        for (Arc arc : market.arcs()) {
            int f = busOr(model, ix, arc.from(), slack);
            int t = busOr(model, ix, arc.to(), slack);
            double charge = rule.charge(f, t, isBuyer(market, arc.from()));
            if (!(charge >= 0) || Double.isInfinite(charge)) {
                throw new IllegalStateException("The network-charge policy '" + policy.name() + "' charged " + charge
                        + " on the trade " + arc.from() + " -> " + arc.to() + "; a charge is finite and >= 0");
            }
            overrides.add(new Arc(arc.from(), arc.to(), arc.gamma() + charge));
        }
        return market.toBuilder().tradeGraph(market.tradeGraph().withOverrides(overrides)).build();
    }

    private static int busOr(NetworkModel m, MarketIndex ix, String agent, int slack) {
        int b = Grid.AGENT_ID.equals(agent) ? -1 : m.agentBus(ix.agentIndex(agent));
        return b < 0 ? slack : b;
    }

    /** An agent that can only withdraw (every asset has pMax ≤ 0) is a buyer. */
    private static boolean isBuyer(Market market, String id) {
        if (Grid.AGENT_ID.equals(id)) {
            return false;
        }
        return market.agent(id).maxInjection() <= 0 && !market.agent(id).assets().isEmpty();
    }
}
