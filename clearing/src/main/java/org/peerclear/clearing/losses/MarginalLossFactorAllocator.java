package org.peerclear.clearing.losses;

import java.util.Map;
import org.peerclear.clearing.NumericalTolerances;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.powerflow.AcPowerFlow;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.internal.ResultOnIndex;

/**
 * Losses shared by marginal loss factors: participant i at bus b is charged
 * {@code MLF_b·p_i} (MLF = ∂losses/∂injection from the AC solution, so a load where extra demand
 * raises losses pays, an injection that relieves them is credited), then every share is scaled by
 * the same factor so that the total is the actual losses (losses are about quadratic in the flows,
 * so marginal charges add up to roughly twice the losses: the usual reconciliation).
 */
public final class MarginalLossFactorAllocator implements LossAllocator {
    @Override
    public String name() {
        return "marginal";
    }

    @Override
    public LossAllocation allocate(ClearingResult result, NetworkModel model) {
        Participants ps = Participants.of(result, model);
        double[] injections = model.busInjectionsKw(ResultOnIndex.of(result, model.index()).assetPower());
        double[] mlf = AcPowerFlow.marginalLossFactors(model.feeder(), injections, null)[0];
        double[] share = new double[ps.names.length];
        double sum = 0;
        for (int i = 0; i < share.length; i++) {
            share[i] = mlf[ps.bus[i]] * ps.injectionKw[i];
            sum += share[i];
        }
        if (Math.abs(sum) < NumericalTolerances.LOSS_CHARGES_ZERO * Math.max(1, ps.totalLossKw)) {
            throw new IllegalStateException("Marginal loss charges add up to " + sum + " kW: nothing to reconcile to "
                    + ps.totalLossKw + " kW of losses");
        }
        double scale = ps.totalLossKw / sum;
        for (int i = 0; i < share.length; i++) {
            share[i] *= scale;
        }
        return new LossAllocation(name(), ps.totalLossKw, ps.map(share), Map.of());
    }
}
