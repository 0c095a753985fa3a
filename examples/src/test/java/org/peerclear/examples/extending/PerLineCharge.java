package org.peerclear.examples.extending;

import org.peerclear.clearing.charges.ElectricalDistance;
import org.peerclear.clearing.charges.NetworkChargePolicy;
import org.peerclear.model.NetworkTariff;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.RadialFeeder;

/** A network charge of {@code rate} per line a trade crosses on the radial feeder. */
public final class PerLineCharge implements NetworkChargePolicy {
    @Override
    public String name() {
        return "per-line";
    }

    @Override
    public String description() {
        return "rate per line between the parties (reads rate)";
    }

    @Override
    public Rule rule(Feeder feeder, ElectricalDistance distance, NetworkTariff.Charges parameters) {
        RadialFeeder tree = feeder.radial();
        int[] depth = new int[feeder.busCount()];
        for (int b = 0; b < depth.length; b++) {
            for (int u = b; u != feeder.slackIndex(); u = tree.parentBus(u)) {
                depth[b]++;
            }
        }
        double rate = parameters.rate();
        return (from, to, fromBuys) -> {
            int lines = 0;
            // Climb from the deeper bus until both meet: each step is one line of the path.
            for (int a = from, b = to; a != b; lines++) {
                if (depth[a] >= depth[b]) {
                    a = tree.parentBus(a);
                } else {
                    b = tree.parentBus(b);
                }
            }
            return rate * lines;
        };
    }
}
