package org.peerclear.result;

import java.util.List;

/**
 * What a network-aware clearing did to the feeder: per bus the exact AC voltage of the cleared
 * injections, the LinDistFlow voltage the clearing used, and the network price component
 * {@code pi_b} (the dual of the bus's injection, from voltage and line constraints; 0 when none
 * binds: an agent's marginal value at bus b is {@code mu_n + pi_b}); per branch the AC flow at
 * the sending end and its losses; the total AC losses and the worst voltage violation of the AC
 * solution. Powers are in kW/kvar (the feeder's units), voltages in per unit.
 */
public record NetworkOutcome(String feeder, double vMin, double vMax, List<Bus> buses, List<Branch> branches,
                             double lossesKw, double lossesKvar, double worstViolationPu, String acStatus,
                             int acIterations) {
    public NetworkOutcome {
        buses = List.copyOf(buses);
        branches = List.copyOf(branches);
    }

    /** A bus: id, AC voltage, LinDistFlow voltage, network price component. */
    public record Bus(String id, double vm, double vmLinear, double price) {
    }

    /** A branch: sending-end flow p/q (kW/kvar) and active/reactive loss. */
    public record Branch(String from, String to, double p, double q, double pLoss, double qLoss) {
    }

    /** Largest |AC − LinDistFlow| voltage difference over the buses: the linearisation's error here. */
    public double linearisationError() {
        double e = 0;
        for (Bus b : buses) {
            e = Math.max(e, Math.abs(b.vm() - b.vmLinear()));
        }
        return e;
    }

    /** True when every AC voltage is within [vMin, vMax] (to 1e-9 pu). */
    public boolean acWithinLimits() {
        return worstViolationPu <= 1e-9;
    }
}
