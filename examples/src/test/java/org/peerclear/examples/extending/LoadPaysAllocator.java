package org.peerclear.examples.extending;

import java.util.Map;
import java.util.TreeMap;
import org.peerclear.clearing.losses.LossAllocation;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;

/** The AC losses shared by the agents that withdraw, in proportion to what they withdraw. */
public final class LoadPaysAllocator implements LossAllocator {
    @Override
    public String name() {
        return "load-pays";
    }

    @Override
    public LossAllocation allocate(ClearingResult result, NetworkModel model) {
        double lossKw = result.network().orElseThrow().lossesKw();
        double withdrawn = 0;
        for (AgentResult a : result.agents()) {
            withdrawn += Math.max(0, -a.p());
        }
        Map<String, Double> shares = new TreeMap<>();
        for (AgentResult a : result.agents()) {
            if (a.p() < 0) {
                shares.put(a.id(), lossKw * -a.p() / withdrawn);
            }
        }
        return new LossAllocation(name(), lossKw, shares, Map.of());
    }
}
