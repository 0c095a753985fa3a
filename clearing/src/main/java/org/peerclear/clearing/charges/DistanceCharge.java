package org.peerclear.clearing.charges;

import org.peerclear.model.NetworkTariff;
import org.peerclear.powerflow.Feeder;

/**
 * {@code distance}: {@code rate} per pu of series resistance between the two buses (after
 * Baroche, Pinson et al., "Exogenous cost allocation in peer-to-peer electricity markets",
 * TPWRS 2019). {@code side} {@code both}: both parties pay it; {@code buyer}: only the buyer's
 * side, which makes buyers prefer near sellers (product differentiation) without charging
 * sellers.
 */
public final class DistanceCharge implements NetworkChargePolicy {
    @Override
    public String name() {
        return "distance";
    }

    @Override
    public String description() {
        return "rate per pu of path resistance between the parties (reads rate, side both|buyer)";
    }

    @Override
    public Rule rule(Feeder feeder, ElectricalDistance distance, NetworkTariff.Charges parameters) {
        double rate = parameters.rate();
        if (parameters.side().equals("buyer")) {
            return (from, to, fromBuys) -> fromBuys ? rate * distance.between(from, to) : 0.0;
        }
        return (from, to, fromBuys) -> rate * distance.between(from, to);
    }
}
