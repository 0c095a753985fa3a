package org.peerclear.clearing.losses;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.NetworkOutcome;

/**
 * Who injects where, in kW: the market's agents on their buses (the grid, at the substation,
 * supplies the losses and is not a participant) and the feeder's own loads per bus.
 */
final class Participants {
    final String[] names;
    final int[] bus;
    final double[] injectionKw;
    final double totalLossKw;

    private Participants(String[] names, int[] bus, double[] injectionKw, double totalLossKw) {
        this.names = names;
        this.bus = bus;
        this.injectionKw = injectionKw;
        this.totalLossKw = totalLossKw;
    }

    static Participants of(ClearingResult r, NetworkModel model) {
        NetworkOutcome net = r.network().orElseThrow(() -> new IllegalArgumentException(
                "Loss allocation needs a network-aware result (market '" + r.market().name() + "' has none)"));
        MarketIndex ix = model.index();
        double[] load = model.feeder().fixedLoadKw();
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Integer> buses = new java.util.ArrayList<>();
        java.util.List<Double> inj = new java.util.ArrayList<>();
        for (int n = 0; n < ix.numAgents(); n++) {
            int b = model.agentBus(n);
            if (b < 0) {
                continue;
            }
            // An agent with a bus is a declared one (the grid's legs have none): its net injection by id.
            double kw = r.agent(ix.agentId(n)).p();
            names.add(ix.agentId(n));
            buses.add(b);
            inj.add(kw * model.kwPerUnit());
        }
        for (int b = 0; b < load.length; b++) {
            if (load[b] != 0 && b != model.feeder().slackIndex()) {
                names.add("load@" + model.feeder().busIds().get(b));
                buses.add(b);
                inj.add(-load[b]);
            }
        }
        return new Participants(names.toArray(String[]::new), buses.stream().mapToInt(Integer::intValue).toArray(),
                inj.stream().mapToDouble(Double::doubleValue).toArray(), net.lossesKw());
    }

    Map<String, Double> map(double[] shares) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.merge(names[i], shares[i], Double::sum);
        }
        return m;
    }
}
