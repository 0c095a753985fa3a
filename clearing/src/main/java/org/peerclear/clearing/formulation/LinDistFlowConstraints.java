package org.peerclear.clearing.formulation;

import java.util.Arrays;
import org.peerclear.clearing.exact.BusRows;
import org.peerclear.clearing.network.LinDistFlowRows;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;

/**
 * Puts the feeder into the unified formulation with LinDistFlow:
 * <pre>
 *   Σ_{s of agents at b} p_s − P_b = 0                      (bus b; dual pi_b, the network price component)
 *   vMin² ≤ w0_j + Σ_b (∂w_j/∂p_b)·k·P_b ≤ vMax²            (every non-slack bus j)
 *   −R_l ≤ F0_l + Σ_b PTDF_lb·k·P_b ≤ R_l                   (every branch l with a rating)
 * </pre>
 * and, for loss-aware clearing, the linear cost {@code c_b·k·P_b} of the losses an injection
 * causes; where {@code k} converts market power to kW and {@code w0}, {@code F0} are the LinDistFlow
 * state of the feeder's own loads. Sensitivity rows are built one bus at a time in linear time;
 * they are dense over the injection buses (a voltage depends on every injection), so a row has
 * as many entries as buses with agents, not as agents.
 */
public final class LinDistFlowConstraints implements UnifiedFormulation.Extension {
    private final NetworkModel model;
    private int[] busVar;
    private int[] busRow;
    private int[] vMaxRow;
    private int[] vMinRow;
    private int[] flowMaxRow;
    private int[] flowMinRow;

    private final double[] wMaxMargin;
    private final double[] wMinMargin;
    private final double[] lossCost;

    public LinDistFlowConstraints(NetworkModel model) {
        this(model, null, null, null);
    }

    /**
     * @param wMaxMargin per bus, how much to lower the upper bound on w (pu²) below vMax², or null
     * @param wMinMargin per bus, how much to raise the lower bound on w above vMin², or null
     * @param lossCost   per bus, the cost of the losses one more kW injected there causes
     *                   (price × marginal loss factor, currency per kW), or null
     */
    public LinDistFlowConstraints(NetworkModel model, double[] wMaxMargin, double[] wMinMargin, double[] lossCost) {
        this.model = model;
        this.wMaxMargin = wMaxMargin;
        this.wMinMargin = wMinMargin;
        this.lossCost = lossCost;
    }

    @Override
    public void extend(UnifiedFormulation f, ProblemBuilder pb) {
        MarketIndex ix = f.index();
        int[] buses = model.injectionBuses();
        int nb = model.feeder().busCount();
        busVar = new int[nb];
        busRow = new int[nb];
        Arrays.fill(busVar, -1);
        Arrays.fill(busRow, -1);
        for (int b : buses) {
            busVar[b] = pb.addVariable("P[" + model.feeder().busIds().get(b) + "]", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            if (lossCost != null && lossCost[b] != 0) {
                pb.addLinear(busVar[b], lossCost[b] * model.kwPerUnit());
            }
        }
        // Bus injection definitions.
        int[][] assetsAt = new int[nb][];
        int[] count = new int[nb];
        int[] start = ix.assetStart();
        for (int n = 0; n < ix.numAgents(); n++) {
            int b = model.agentBus(n);
            if (b >= 0 && busVar[b] >= 0) {
                count[b] += start[n + 1] - start[n];
            }
        }
        for (int b : buses) {
            assetsAt[b] = new int[count[b]];
            count[b] = 0;
        }
        for (int n = 0; n < ix.numAgents(); n++) {
            int b = model.agentBus(n);
            if (b >= 0 && busVar[b] >= 0) {
                for (int s = start[n]; s < start[n + 1]; s++) {
                    assetsAt[b][count[b]++] = f.assetVariable(s);
                }
            }
        }
        for (int b : buses) {
            int m = assetsAt[b].length;
            int[] cols = Arrays.copyOf(assetsAt[b], m + 1);
            double[] vals = new double[m + 1];
            Arrays.fill(vals, 0, m, 1.0);
            cols[m] = busVar[b];
            vals[m] = -1.0;
            busRow[b] = pb.addRow("bus[" + model.feeder().busIds().get(b) + "]", cols, vals, Sense.EQUAL, 0);
        }
        int[] cols = new int[buses.length];
        for (int q = 0; q < buses.length; q++) {
            cols[q] = busVar[buses[q]];
        }
        double k = model.kwPerUnit();
        double vmin2 = model.spec().vMin() * model.spec().vMin();
        double vmax2 = model.spec().vMax() * model.spec().vMax();
        vMaxRow = new int[nb];
        vMinRow = new int[nb];
        Arrays.fill(vMaxRow, -1);
        Arrays.fill(vMinRow, -1);
        double[] dwdp = new double[buses.length];
        double[] w0 = model.base().wPu();
        for (int j = 0; j < nb; j++) {
            if (j == model.feeder().slackIndex() || buses.length == 0) {
                continue;
            }
            model.linDistFlow().voltageSensitivityRow(j, buses, dwdp, null);
            for (int q = 0; q < buses.length; q++) {
                dwdp[q] *= k;
            }
            String id = model.feeder().busIds().get(j);
            double up = wMaxMargin == null ? 0 : wMaxMargin[j];
            double down = wMinMargin == null ? 0 : wMinMargin[j];
            vMaxRow[j] = pb.addRow("vMax[" + id + "]", cols, dwdp, Sense.LESS_EQUAL, vmax2 - up - w0[j]);
            vMinRow[j] = pb.addRow("vMin[" + id + "]", cols, dwdp, Sense.GREATER_EQUAL, vmin2 + down - w0[j]);
        }
        flowMaxRow = new int[model.feeder().branchCount()];
        flowMinRow = new int[model.feeder().branchCount()];
        Arrays.fill(flowMaxRow, -1);
        Arrays.fill(flowMinRow, -1);
        double[] ptdf = new double[buses.length];
        double[] f0 = model.base().pFlowKw();
        for (int l = 0; l < model.feeder().branchCount(); l++) {
            double limit = model.branchLimitKw(l);
            if (Double.isInfinite(limit) || buses.length == 0) {
                continue;
            }
            model.linDistFlow().ptdfRow(l, buses, ptdf);
            for (int q = 0; q < buses.length; q++) {
                ptdf[q] *= k;
            }
            String id = model.feeder().branches().get(l).fromBus() + "-" + model.feeder().branches().get(l).toBus();
            flowMaxRow[l] = pb.addRow("flowMax[" + id + "]", cols, ptdf, Sense.LESS_EQUAL, limit - f0[l]);
            flowMinRow[l] = pb.addRow("flowMin[" + id + "]", cols, ptdf, Sense.GREATER_EQUAL, -limit - f0[l]);
        }
    }

    /**
     * The same rows as the exact solver sees them ({@link BusRows}): first the voltage row of
     * every non-slack bus ({@code w_j}, pu², between the margined bounds), then the flow row of
     * every rated branch (kW); buses are the injection buses in ascending order.
     */
    public BusRows busRows() {
        return new LinDistFlowRows(model, wMaxMargin, wMinMargin, lossCost);
    }

    /**
     * Completes a point and its duals of the problem built by {@link #extend} from the exact
     * solver's answer: the buses' injections, their prices (the bus rows' duals) and the rows'
     * multipliers ({@link #busRows()} order; a voltage or flow row's multiplier goes to its lower
     * row when positive, to its upper row when negative).
     */
    public void fill(double[] assetPower, double[] busPrices, double[] rowMultipliers, double[] x, double[] duals) {
        int[] buses = model.injectionBuses();
        double[] inj = model.busInjectionsKw(assetPower);
        for (int q = 0; q < buses.length; q++) {
            int b = buses[q];
            x[busVar[b]] = inj[b] / model.kwPerUnit();
            duals[busRow[b]] = busPrices[q];
        }
        int r = 0;
        int nb = model.feeder().busCount();
        for (int j = 0; j < nb && buses.length > 0; j++) {
            if (j != model.feeder().slackIndex()) {
                double y = rowMultipliers[r++];
                duals[vMinRow[j]] = Math.max(y, 0.0);
                duals[vMaxRow[j]] = Math.min(y, 0.0);
            }
        }
        for (int l = 0; l < flowMaxRow.length; l++) {
            if (flowMaxRow[l] >= 0) {
                double y = rowMultipliers[r++];
                duals[flowMinRow[l]] = Math.max(y, 0.0);
                duals[flowMaxRow[l]] = Math.min(y, 0.0);
            }
        }
    }

    /** The variable of bus b's injection P_b, or -1 when no agent injects there (valid after {@link #extend}). */
    public int busVariable(int b) {
        return busVar[b];
    }

    /** The row defining P_b, whose dual is the network price at b, or -1. */
    public int busRow(int b) {
        return busRow[b];
    }

    /** The rows {@code w_j ≤ vMax²} and {@code w_j ≥ vMin²} of bus j, or -1 (the slack). */
    public int voltageRow(int j, boolean upper) {
        return upper ? vMaxRow[j] : vMinRow[j];
    }

    /** The rows {@code F_l ≤ R_l} and {@code F_l ≥ −R_l} of branch l, or -1 (no rating). */
    public int flowRow(int l, boolean upper) {
        return upper ? flowMaxRow[l] : flowMinRow[l];
    }

    /**
     * Writes the multipliers of the voltage rows (per bus, upper and lower) and the flow rows (per
     * branch) into the problem's dual vector {@code y}; rows that do not exist are skipped.
     */
    public void putRowDuals(double[] y, double[] vMax, double[] vMin, double[] flowMax, double[] flowMin) {
        for (int j = 0; j < vMaxRow.length; j++) {
            put(y, vMaxRow[j], vMax[j]);
            put(y, vMinRow[j], vMin[j]);
        }
        for (int l = 0; l < flowMaxRow.length; l++) {
            put(y, flowMaxRow[l], flowMax[l]);
            put(y, flowMinRow[l], flowMin[l]);
        }
    }

    private static void put(double[] y, int row, double value) {
        if (row >= 0) {
            y[row] = value;
        }
    }

    /** The network price component at the buses where agents sit: the duals of the bus rows (0 elsewhere). */
    public double[] agentBusPrices(Solution s) {
        double[] pi = new double[busRow.length];
        for (int b = 0; b < pi.length; b++) {
            pi[b] = busRow[b] >= 0 && s.hasDuals() ? s.dual(busRow[b]) : 0.0;
        }
        return pi;
    }

    /**
     * The network price component at every feeder bus, {@code pi_b = Σ_rows k·(∂row/∂p_b)·y_row}
     * over the voltage and flow rows: what one more unit injected at b would be worth to the
     * network constraints (currency per market power unit). At a bus with agents it equals the
     * dual of the bus row.
     */
    public double[] busPrices(Solution s) {
        int nb = model.feeder().busCount();
        double[] pi = new double[nb];
        if (!s.hasDuals()) {
            Arrays.fill(pi, Double.NaN);
            return pi;
        }
        int[] all = new int[nb];
        for (int b = 0; b < nb; b++) {
            all[b] = b;
        }
        double k = model.kwPerUnit();
        double[] row = new double[nb];
        for (int j = 0; j < nb; j++) {
            double y = (vMaxRow[j] >= 0 ? s.dual(vMaxRow[j]) : 0) + (vMinRow[j] >= 0 ? s.dual(vMinRow[j]) : 0);
            if (y != 0) {
                model.linDistFlow().voltageSensitivityRow(j, all, row, null);
                for (int b = 0; b < nb; b++) {
                    pi[b] += k * row[b] * y;
                }
            }
        }
        for (int l = 0; l < flowMaxRow.length; l++) {
            double y = (flowMaxRow[l] >= 0 ? s.dual(flowMaxRow[l]) : 0) + (flowMinRow[l] >= 0 ? s.dual(flowMinRow[l]) : 0);
            if (y != 0) {
                model.linDistFlow().ptdfRow(l, all, row);
                for (int b = 0; b < nb; b++) {
                    pi[b] += k * row[b] * y;
                }
            }
        }
        if (lossCost != null) {
            for (int b = 0; b < nb; b++) {
                pi[b] -= lossCost[b] * k;
            }
        }
        pi[model.feeder().slackIndex()] = 0.0;
        return pi;
    }
}
