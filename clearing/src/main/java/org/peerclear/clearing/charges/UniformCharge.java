package org.peerclear.clearing.charges;

import org.peerclear.model.NetworkTariff;
import org.peerclear.powerflow.Feeder;

/** {@code uniform}: the same {@code rate} on every trade, wherever its parties are. */
public final class UniformCharge implements NetworkChargePolicy {
    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "the same rate on every trade (reads rate)";
    }

    @Override
    public Rule rule(Feeder feeder, ElectricalDistance distance, NetworkTariff.Charges parameters) {
        double rate = parameters.rate();
        return (from, to, fromBuys) -> rate;
    }
}
