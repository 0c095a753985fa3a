package org.peerclear.clearing.losses;

import java.util.Map;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.result.ClearingResult;

/** Losses shared in proportion to each participant's energy |p| (injected or withdrawn). */
public final class ProRataAllocator implements LossAllocator {
    @Override
    public String name() {
        return "pro-rata";
    }

    @Override
    public LossAllocation allocate(ClearingResult result, NetworkModel model) {
        Participants ps = Participants.of(result, model);
        double sum = 0;
        for (double v : ps.injectionKw) {
            sum += Math.abs(v);
        }
        double[] share = new double[ps.names.length];
        for (int i = 0; i < share.length; i++) {
            share[i] = sum == 0 ? 0 : ps.totalLossKw * Math.abs(ps.injectionKw[i]) / sum;
        }
        return new LossAllocation(name(), ps.totalLossKw, ps.map(share), Map.of());
    }
}
