package org.peerclear.clearing.network;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.powerflow.AcPowerFlow;
import org.peerclear.powerflow.Branch;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlowResult;
import org.peerclear.powerflow.PowerFlowResult;
import org.peerclear.result.NetworkOutcome;

/**
 * The exact AC power flow of a cleared market: what the feeder really does with the cleared
 * injections, next to the LinDistFlow voltages the clearing relied on.
 */
public final class AcCheck {
    private AcCheck() {
    }

    /**
     * Solves the AC power flow of the cleared injections on the model's feeder (the method the feeder's topology
     * calls for) and the LinDistFlow flow of the same injections, and reports both.
     *
     * @param model      the market on its feeder
     * @param assetPower the cleared set-points in the market index's asset order, power unit ({@code > 0} injects)
     * @param busPrices  the network price component per feeder bus (all buses, the feeder's order), currency per
     *                   unit energy; reported as it is
     * @return per bus the AC and LinDistFlow voltages and the price, per branch the AC flow and losses (kW, kvar),
     *         the total losses and the worst violation of the voltage limits by the AC voltages (pu, 0 when none);
     *         an AC flow that did not converge is the outcome's status, not an exception
     */
    public static NetworkOutcome evaluate(NetworkModel model, double[] assetPower, double[] busPrices) {
        Feeder feeder = model.feeder();
        double[] injKw = model.busInjectionsKw(assetPower);
        PowerFlowResult ac = AcPowerFlow.solve(feeder, injKw, null, AcPowerFlow.Options.defaults());
        LinDistFlowResult lin = model.linDistFlow().solve(injKw, null);
        double vmin = model.spec().vMin();
        double vmax = model.spec().vMax();
        List<NetworkOutcome.Bus> buses = new ArrayList<>(feeder.busCount());
        double worst = 0;
        for (int b = 0; b < feeder.busCount(); b++) {
            double vm = ac.vmPu()[b];
            worst = Math.max(worst, Math.max(vmin - vm, vm - vmax));
            buses.add(new NetworkOutcome.Bus(feeder.busIds().get(b), vm, lin.vmPu()[b], busPrices[b]));
        }
        List<NetworkOutcome.Branch> branches = new ArrayList<>(feeder.branchCount());
        for (int l = 0; l < feeder.branchCount(); l++) {
            Branch br = feeder.branches().get(l);
            branches.add(new NetworkOutcome.Branch(br.fromBus(), br.toBus(), ac.pFromKw()[l], ac.qFromKvar()[l],
                    ac.pLossKw()[l], ac.qLossKvar()[l]));
        }
        return new NetworkOutcome(feeder.name(), vmin, vmax, buses, branches, ac.totalPLossKw(), ac.totalQLossKvar(),
                Math.max(worst, 0), ac.status().name(), ac.iterations());
    }
}
