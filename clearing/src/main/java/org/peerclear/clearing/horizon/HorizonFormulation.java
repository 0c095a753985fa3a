package org.peerclear.clearing.horizon;

import java.util.List;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.RampLink;
import org.peerclear.clearing.horizon.model.ShiftableLink;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;

/**
 * The unified market of every period in one problem ({@link UnifiedFormulation} per period,
 * names prefixed {@code t<period>:}), coupled by the horizon's links:
 * <pre>
 *   storage:   p_t − d_t + c_t = 0,   E_{t+1} − E_t − h·ηc·c_t + (h/ηd)·d_t = 0,   cost cycleCost·h·d_t
 *              0 ≤ c_t ≤ chargeMax, 0 ≤ d_t ≤ dischargeMax, energyMin ≤ E_t ≤ energyMax,
 *              E_from = energyInitial, E_to ≥ energyAtEnd
 *   shiftable: Σ_{t in window} p_t = −energy / h   (≥ when it may take at most that much)
 *   ramp:      −rampMax ≤ p_t − p_{t−1} ≤ rampMax
 * </pre>
 * and with a feeder each period's LinDistFlow rows ({@link LinDistFlowConstraints}). The
 * objective is the sum of the periods' costs; each period's prices are the duals of its own
 * balance and reciprocity rows (and its buses' network prices, of its bus rows).
 */
final class HorizonFormulation {
    final Horizon horizon;
    final UnifiedFormulation[] blocks;
    /** Per period, its feeder rows (empty without a feeder). */
    final LinDistFlowConstraints[] network;
    /** Per storage link, per connected period (t − from): the variables c_t, d_t and E_t (E over from..to). */
    final int[][] charge;
    final int[][] discharge;
    final int[][] energy;
    /** Per storage link, per connected period: its injection row {@code p − d + c = 0} and its energy row. */
    final int[][] storageRow;
    final int[][] energyRow;
    /** Per shiftable link: its total's row. */
    final int[] shiftableRow;
    /** Per ramp link, per period t ≥ 1 (at t − 1): its rows {@code p_t − p_{t−1} ≤ rampMax} and {@code ≥ −rampMax}. */
    final int[][] rampUpRow;
    final int[][] rampDownRow;
    final Problem problem;

    HorizonFormulation(Horizon h) {
        horizon = h;
        int tEnd = h.length();
        double hours = h.periodHours();
        ProblemBuilder pb = new ProblemBuilder("horizon-market");
        blocks = new UnifiedFormulation[tEnd];
        network = new LinDistFlowConstraints[h.networks().isEmpty() ? 0 : tEnd];
        for (int t = 0; t < tEnd; t++) {
            if (network.length > 0) {
                network[t] = new LinDistFlowConstraints(h.networks().get(t));
                blocks[t] = UnifiedFormulation.into(pb, h.periods().get(t), "t" + t + ":", List.of(network[t]));
            } else {
                blocks[t] = UnifiedFormulation.into(pb, h.periods().get(t), "t" + t + ":");
            }
        }
        MarketIndex ix = h.periods().get(0);
        int ns = h.storages().size();
        charge = new int[ns][];
        discharge = new int[ns][];
        energy = new int[ns][];
        storageRow = new int[ns][];
        energyRow = new int[ns][];
        for (int k = 0; k < ns; k++) {
            StorageLink s = h.storages().get(k);
            String id = ix.assetId(s.asset());
            int len = s.to() - s.from();
            charge[k] = new int[len];
            discharge[k] = new int[len];
            energy[k] = new int[len + 1];
            storageRow[k] = new int[len];
            energyRow[k] = new int[len];
            for (int i = 0; i <= len; i++) {
                int t = s.from() + i;
                double lo = i == 0 ? s.energyInitial() : s.energyMin();
                double hi = i == 0 ? s.energyInitial() : s.energyMax();
                if (i == len && !Double.isNaN(s.energyAtEnd())) {
                    lo = Math.max(lo, s.energyAtEnd());
                }
                energy[k][i] = pb.addVariable("E" + t + "[" + id + "]", lo, hi);
            }
            for (int i = 0; i < len; i++) {
                int t = s.from() + i;
                charge[k][i] = pb.addVariable("c" + t + "[" + id + "]", 0.0, s.chargeMax());
                discharge[k][i] = pb.addVariable("d" + t + "[" + id + "]", 0.0, s.dischargeMax());
                if (s.cycleCost() != 0) {
                    pb.addLinear(discharge[k][i], s.cycleCost() * hours);
                }
                storageRow[k][i] = pb.addRow("t" + t + ":storage[" + id + "]",
                        new int[] {blocks[t].assetVariable(s.asset()), discharge[k][i], charge[k][i]},
                        new double[] {1.0, -1.0, 1.0}, Sense.EQUAL, 0.0);
                energyRow[k][i] = pb.addRow("t" + t + ":energy[" + id + "]",
                        new int[] {energy[k][i + 1], energy[k][i], charge[k][i], discharge[k][i]},
                        new double[] {1.0, -1.0, -hours * s.chargeEfficiency(), hours / s.dischargeEfficiency()},
                        Sense.EQUAL, 0.0);
            }
        }
        shiftableRow = new int[h.shiftables().size()];
        for (int j = 0; j < shiftableRow.length; j++) {
            ShiftableLink s = h.shiftables().get(j);
            int len = s.windowEnd() - s.windowStart();
            int[] cols = new int[len];
            double[] vals = new double[len];
            for (int i = 0; i < len; i++) {
                cols[i] = blocks[s.windowStart() + i].assetVariable(s.asset());
                vals[i] = 1.0;
            }
            shiftableRow[j] = pb.addRow("shiftable[" + ix.assetId(s.asset()) + "]", cols, vals, s.atMost() ? Sense.GREATER_EQUAL : Sense.EQUAL,
                    -s.energy() / hours);
        }
        rampUpRow = new int[h.ramps().size()][Math.max(0, tEnd - 1)];
        rampDownRow = new int[h.ramps().size()][Math.max(0, tEnd - 1)];
        for (int j = 0; j < rampUpRow.length; j++) {
            RampLink r = h.ramps().get(j);
            String id = ix.assetId(r.asset());
            for (int t = 1; t < tEnd; t++) {
                int[] cols = {blocks[t].assetVariable(r.asset()), blocks[t - 1].assetVariable(r.asset())};
                double[] vals = {1.0, -1.0};
                rampUpRow[j][t - 1] = pb.addRow("t" + t + ":rampUp[" + id + "]", cols, vals, Sense.LESS_EQUAL, r.rampMax());
                rampDownRow[j][t - 1] = pb.addRow("t" + t + ":rampDown[" + id + "]", cols, vals, Sense.GREATER_EQUAL,
                        -r.rampMax());
            }
        }
        problem = pb.build();
    }
}
