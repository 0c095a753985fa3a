package org.peerclear.result;

import java.util.List;
import org.peerclear.opt.NumericalTolerances;

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
    /**
     * Copies the lists.
     *
     * @param feeder           the feeder's name
     * @param vMin             the lower voltage limit, pu
     * @param vMax             the upper voltage limit, pu
     * @param buses            per bus, in the feeder's order
     * @param branches         per branch, in the feeder's order
     * @param lossesKw         total AC active losses, kW
     * @param lossesKvar       total AC reactive losses, kvar
     * @param worstViolationPu the largest amount by which an AC voltage leaves [vMin, vMax], pu; {@code <= 0} when none does
     * @param acStatus         the AC power flow's status, e.g. {@code CONVERGED}
     * @param acIterations     the AC power flow's iterations
     */
    public NetworkOutcome {
        buses = List.copyOf(buses);
        branches = List.copyOf(branches);
    }

    /**
     * A bus: id, AC voltage, LinDistFlow voltage, network price component.
     *
     * @param id       the bus id
     * @param vm       AC voltage magnitude, pu
     * @param vmLinear LinDistFlow voltage magnitude the clearing used, pu
     * @param price    network price component {@code pi_b}, currency per unit of power for one period; 0 when no network constraint binds
     */
    public record Bus(String id, double vm, double vmLinear, double price) {
    }

    /**
     * A branch: sending-end flow p/q (kW/kvar) and active/reactive loss.
     *
     * @param from  the sending-end bus id
     * @param to    the receiving-end bus id
     * @param p     active flow at the sending end, kW; positive from {@code from} to {@code to}
     * @param q     reactive flow at the sending end, kvar
     * @param pLoss active loss, kW
     * @param qLoss reactive loss, kvar
     */
    public record Branch(String from, String to, double p, double q, double pLoss, double qLoss) {
    }

    /** {@return the largest |AC − LinDistFlow| voltage difference over the buses, pu: the linearisation's error here} */
    public double linearisationError() {
        double e = 0;
        for (Bus b : buses) {
            e = Math.max(e, Math.abs(b.vm() - b.vmLinear()));
        }
        return e;
    }

    /** {@return whether every AC voltage is within [vMin, vMax], to {@link NumericalTolerances#AC_VOLTAGE_LIMIT} pu} */
    public boolean acWithinLimits() {
        return worstViolationPu <= NumericalTolerances.AC_VOLTAGE_LIMIT;
    }
}
