package org.peerclear.clearing.formulation;

import java.util.Arrays;
import org.peerclear.clearing.exact.BusRows;
import org.peerclear.clearing.network.LinDistFlowLimits;
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
 * state of the feeder's own loads. The limit rows are {@link LinDistFlowLimits}', with the base
 * state moved into the bounds; they are dense over the injection buses (a voltage depends on
 * every injection), so a row has as many entries as buses with agents, not as agents.
 */
public final class LinDistFlowConstraints implements UnifiedFormulation.Extension {
    private final NetworkModel model;
    private final LinDistFlowLimits limits;
    private final double[] lossCost;
    private int[] busVar;
    private int[] busRow;
    private int[] upperRow;
    private int[] lowerRow;

    /**
     * The feeder's limits as the network specification states them, without loss costs.
     *
     * @param model the market on its feeder
     */
    public LinDistFlowConstraints(NetworkModel model) {
        this(model, null, null, null);
    }

    /**
     * The feeder's limits tightened for the rounds that tighten LinDistFlow to AC, and the cost of
     * losses for loss-aware clearing.
     *
     * @param model      the market on its feeder
     * @param wMaxMargin per bus, how much to lower the upper bound on w (pu²) below vMax², or null
     * @param wMinMargin per bus, how much to raise the lower bound on w above vMin², or null
     * @param lossCost   per bus, the cost of the losses one more kW injected there causes
     *                   (price × marginal loss factor, currency per kW), or null
     */
    public LinDistFlowConstraints(NetworkModel model, double[] wMaxMargin, double[] wMinMargin, double[] lossCost) {
        this.model = model;
        this.limits = LinDistFlowLimits.tightened(model, wMaxMargin, wMinMargin);
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
        upperRow = new int[limits.size()];
        lowerRow = new int[limits.size()];
        double[] a = new double[buses.length];
        for (int r = 0; r < limits.size(); r++) {
            limits.coefficients(r, a);
            String id = limits.elementId(r);
            String what = limits.kind(r) == LinDistFlowLimits.Kind.VOLTAGE ? "v" : "flow";
            double base = limits.base(r);
            upperRow[r] = pb.addRow(what + "Max[" + id + "]", cols, a, Sense.LESS_EQUAL, limits.upper(r) - base);
            lowerRow[r] = pb.addRow(what + "Min[" + id + "]", cols, a, Sense.GREATER_EQUAL, limits.lower(r) - base);
        }
    }

    /**
     * {@return the same rows as the exact solver sees them ({@link BusRows}), in {@link LinDistFlowLimits} order,
     * the loss costs as the buses' price shifts}
     */
    public BusRows busRows() {
        return new LinDistFlowRows(limits, lossCost);
    }

    /**
     * Completes a point and its duals of the problem built by {@link #extend} from the exact
     * solver's answer: the buses' injections, their prices (the bus rows' duals) and the rows'
     * multipliers ({@link LinDistFlowLimits} order; a limit's multiplier goes to its lower row when
     * positive, to its upper row when negative).
     *
     * @param assetPower     the exact solver's set-points in index order, power unit ({@code > 0} injects)
     * @param busPrices      its network price per injection bus ({@link LinDistFlowLimits#buses()} order),
     *                       currency per unit of power for one period
     * @param rowMultipliers its multiplier per limit ({@code >= 0} at the lower bound, {@code <= 0} at the upper)
     * @param x              the problem's point, whose asset variables are already set; the bus variables are
     *                       written
     * @param duals          the problem's row duals; the bus rows and both sides of every limit are written
     */
    public void fill(double[] assetPower, double[] busPrices, double[] rowMultipliers, double[] x, double[] duals) {
        int[] buses = model.injectionBuses();
        double[] inj = model.busInjectionsKw(assetPower);
        for (int q = 0; q < buses.length; q++) {
            int b = buses[q];
            x[busVar[b]] = inj[b] / model.kwPerUnit();
            duals[busRow[b]] = busPrices[q];
        }
        for (int r = 0; r < limits.size(); r++) {
            double y = rowMultipliers[r];
            duals[lowerRow[r]] = Math.max(y, 0.0);
            duals[upperRow[r]] = Math.min(y, 0.0);
        }
    }

    /**
     * The variable of a bus's injection (valid after {@link #extend}).
     *
     * @param b a feeder bus index
     * @return the variable of {@code P_b}, market power unit; -1 when no agent injects there
     */
    public int busVariable(int b) {
        return busVar[b];
    }

    /**
     * The row defining a bus's injection (valid after {@link #extend}).
     *
     * @param b a feeder bus index
     * @return the row {@code Σ p_s − P_b = 0}, whose dual is the network price at b; -1 when no agent injects there
     */
    public int busRow(int b) {
        return busRow[b];
    }

    /**
     * The problem's row of one side of a limit (valid after {@link #extend}).
     *
     * @param r     a limit, in {@link LinDistFlowLimits} order
     * @param upper {@code true} for its upper side ({@code ≤}), {@code false} for its lower side ({@code ≥})
     * @return the row's index in the problem
     */
    public int limitRow(int r, boolean upper) {
        return upper ? upperRow[r] : lowerRow[r];
    }

    /**
     * The network price component at the buses where agents sit: the duals of the bus rows.
     *
     * @param s a solution of the problem built by {@link #extend}
     * @return per feeder bus, the bus row's dual, currency per unit of power for one period; 0 at buses without agents and when the
     *         solution has no duals
     */
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
     *
     * @param s a solution of the problem built by {@link #extend}
     * @return per feeder bus, the price, less the loss cost when there is one; 0 at the slack bus; all NaN when the
     *         solution has no duals
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
        for (int r = 0; r < limits.size(); r++) {
            double y = s.dual(upperRow[r]) + s.dual(lowerRow[r]);
            if (y != 0) {
                limits.coefficients(r, all, row);
                for (int b = 0; b < nb; b++) {
                    pi[b] += row[b] * y;
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
