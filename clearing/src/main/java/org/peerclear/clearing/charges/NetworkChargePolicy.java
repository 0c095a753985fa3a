package org.peerclear.clearing.charges;

import org.peerclear.model.NetworkTariff;
import org.peerclear.powerflow.Feeder;
import org.peerclear.spi.Named;
import org.peerclear.spi.Registry;

/**
 * A rule that charges each trade for its use of the feeder, named by the case file's
 * {@code network.charges.kind}. Implementations are found through {@link java.util.ServiceLoader}:
 * a new policy is one class plus one line naming it in
 * {@code META-INF/services/org.peerclear.clearing.charges.NetworkChargePolicy}; the built-in
 * {@code uniform}, {@code zonal} and {@code distance} are registered the same way.
 *
 * <p>A policy sees the feeder and the case's parameters, not the market: what it returns is a
 * charge per unit of power traded, and {@link NetworkCharges#apply} adds it to the trade's
 * coefficient {@code gamma} on the side of each arc's from-agent. The grid trades as if at the
 * substation's bus; an agent without a bus (a manager) likewise.
 */
public interface NetworkChargePolicy extends Named {
    /**
     * The registered policies, read anew from the thread's context class loader.
     *
     * @return the registry, sorted by name
     * @throws IllegalStateException when two policies have one name
     */
    static Registry<NetworkChargePolicy> registered() {
        return Registry.load(NetworkChargePolicy.class, "network-charge policy");
    }

    /** {@return one line for listings: what the charge depends on and which fields it reads} */
    String description();

    /**
     * Prepares the charges on one feeder.
     *
     * @param feeder     the market's feeder; bus numbers below are its indices ({@link Feeder#busIds()})
     * @param distance   series resistance between buses, for policies that charge by distance
     * @param parameters the case's {@code network.charges} block: this policy reads the fields it needs
     *                   and throws {@link org.peerclear.model.InvalidMarketException} naming one it cannot use
     * @return the charge of each directed trade
     */
    Rule rule(Feeder feeder, ElectricalDistance distance, NetworkTariff.Charges parameters);

    /** The charge of one directed trade. */
    @FunctionalInterface
    interface Rule {
        /**
         * The charge the from-agent pays on this trade.
         *
         * @param fromBus   the from-agent's bus (the substation's for the grid and managers)
         * @param toBus     the to-agent's bus, likewise
         * @param fromBuys  whether the from-agent can only withdraw (every asset has {@code pMax <= 0})
         * @return currency per unit of power traded, {@code >= 0}
         */
        double charge(int fromBus, int toBus, boolean fromBuys);
    }
}
