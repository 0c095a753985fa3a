package org.peerclear.clearing.admm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;

/**
 * The system operator as one more ADMM agent. It holds a copy {@code x_n} of the net injection
 * {@code P_n = Σ_s p_s} of every agent n at a (non-slack) feeder bus, with the consensus
 * {@code P_n = x_n} and its unscaled dual {@code pi_n}, the network price component of agent n.
 * Its step, in the second ADMM block next to the pairs' consensus, is the projection
 *
 * <pre>
 *   x = argmin { rho/2 Σ_n (x_n − y_n)²  :  vMin² ≤ w0 + S·k·X ≤ vMax²,  −R ≤ F0 + PTDF·k·X ≤ R },
 *   y_n = P_n − pi_n/rho,  X_b = Σ_{n at b} x_n
 * </pre>
 *
 * (the LinDistFlow rows of {@code LinDistFlowConstraints}, same data), followed by the dual update
 * {@code pi_n ← pi_n − rho·(P_n − x_n)}. Agents at one bus move by the same amount, so the
 * projection is solved over the injection buses with weights {@code 1/m_b} (m_b agents at b) by
 * {@link DualActiveSetProjection}, exactly; and then {@code pi_n = rho·(X_b − Y_b)/m_b}, which is
 * the weighted sum of the limits' multipliers times their sensitivities, the same network price
 * as the centralised QP's bus-row dual at the optimum.
 *
 * <p>Agents without a bus (community managers, the grid at the substation) and agents at the
 * slack bus do not inject into the LinDistFlow model and have no consensus with the operator.
 */
final class AdmmNetworkOperator implements SystemOperator {
    private final NetworkModel model;
    private final int nAgents;
    private final int[] slotOf;
    private final int[] buses;
    private final double[] count;
    private final DualActiveSetProjection projection;
    private final int[] rowKind;
    private final int[] rowElement;
    private final double[] rowSign;

    private final double[] x;
    private final double[] pi;
    private final double[] yBus;
    private final double[] xBus;
    private final double[] mult;
    private boolean feasible = true;

    private static final int VOLTAGE = 0;
    private static final int FLOW = 1;

    AdmmNetworkOperator(NetworkModel model, MarketIndex ix) {
        this.model = model;
        this.nAgents = ix.numAgents();
        this.buses = model.injectionBuses();
        int nb = model.feeder().busCount();
        int[] slotOfBus = new int[nb];
        Arrays.fill(slotOfBus, -1);
        for (int q = 0; q < buses.length; q++) {
            slotOfBus[buses[q]] = q;
        }
        this.slotOf = new int[nAgents];
        this.count = new double[buses.length];
        for (int n = 0; n < nAgents; n++) {
            int b = model.agentBus(n);
            slotOf[n] = b >= 0 ? slotOfBus[b] : -1;
            if (slotOf[n] >= 0) {
                count[slotOf[n]]++;
            }
        }
        double k = model.kwPerUnit();
        double vmin2 = model.spec().vMin() * model.spec().vMin();
        double vmax2 = model.spec().vMax() * model.spec().vMax();
        double[] w0 = model.base().wPu();
        double[] f0 = model.base().pFlowKw();
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        List<int[]> meta = new ArrayList<>();
        if (buses.length > 0) {
            for (int j = 0; j < nb; j++) {
                if (j == model.feeder().slackIndex()) {
                    continue;
                }
                double[] s = new double[buses.length];
                model.linDistFlow().voltageSensitivityRow(j, buses, s, null);
                addLimits(rows, rhs, meta, s, k, VOLTAGE, j, vmax2 - w0[j], vmin2 - w0[j]);
            }
            for (int l = 0; l < model.feeder().branchCount(); l++) {
                double limit = model.branchLimitKw(l);
                if (Double.isInfinite(limit)) {
                    continue;
                }
                double[] s = new double[buses.length];
                model.linDistFlow().ptdfRow(l, buses, s);
                addLimits(rows, rhs, meta, s, k, FLOW, l, limit - f0[l], -limit - f0[l]);
            }
        }
        int m = rows.size();
        double[] c = new double[m];
        rowKind = new int[m];
        rowElement = new int[m];
        rowSign = new double[m];
        for (int j = 0; j < m; j++) {
            c[j] = rhs.get(j);
            rowKind[j] = meta.get(j)[0];
            rowElement[j] = meta.get(j)[1];
            rowSign[j] = meta.get(j)[2];
        }
        double[] g = new double[buses.length];
        for (int q = 0; q < g.length; q++) {
            g[q] = 1.0 / count[q];
        }
        this.projection = new DualActiveSetProjection(rows.toArray(new double[0][]), c, g);
        this.x = new double[nAgents];
        this.pi = new double[nAgents];
        this.yBus = new double[buses.length];
        this.xBus = new double[buses.length];
        this.mult = new double[m];
    }

    /** True when agent n's injection is in the operator's consensus. */
    @Override
    public boolean covers(int n) {
        return slotOf[n] >= 0;
    }

    /** The local step's target for agent n, in price units: {@code rho·x_n + pi_n}. */
    @Override
    public double target(int n, double rho) {
        return rho * x[n] + pi[n];
    }

    @Override
    public void reset() {
        Arrays.fill(x, 0.0);
        Arrays.fill(pi, 0.0);
        feasible = true;
    }

    /** Starts from given injections and network prices (e.g. a previous result's). */
    @Override
    public void warmStart(double[] injections, double[] prices) {
        for (int n = 0; n < nAgents; n++) {
            x[n] = covers(n) ? injections[n] : 0.0;
            pi[n] = covers(n) && Double.isFinite(prices[n]) ? prices[n] : 0.0;
        }
    }

    /**
     * The operator's step on the agents' new injections P (indexed by agent); returns the
     * primal residual's share {@code Σ_n (P_n − x_n)²}. Deterministic, single-threaded: the
     * projection is over the buses, tiny next to the agents' work.
     */
    @Override
    public double step(double[] injection, double rho) {
        Arrays.fill(yBus, 0.0);
        double invRho = 1.0 / rho;
        for (int n = 0; n < nAgents; n++) {
            int q = slotOf[n];
            if (q >= 0) {
                yBus[q] += injection[n] - pi[n] * invRho;
            }
        }
        feasible = projection.project(yBus, xBus, mult);
        double res = 0.0;
        for (int n = 0; n < nAgents; n++) {
            int q = slotOf[n];
            if (q >= 0) {
                double delta = (xBus[q] - yBus[q]) / count[q];
                double xn = injection[n] - pi[n] * invRho + delta;
                x[n] = xn;
                pi[n] = rho * delta;
                double e = injection[n] - xn;
                res += e * e;
            }
        }
        return res;
    }

    /** False once a projection found the limits infeasible (no injections satisfy them). */
    @Override
    public boolean feasible() {
        return feasible;
    }

    /** Σ_n pi_n² over covered agents (for the relative rule's dual scale). */
    @Override
    public double priceNorm2() {
        double s = 0;
        for (int n = 0; n < nAgents; n++) {
            s += pi[n] * pi[n];
        }
        return s;
    }

    /** Network price component per agent (0 for agents the operator does not cover). */
    double[] agentPrices() {
        return pi.clone();
    }

    /** The operator's copies x_n of the injections. */
    double[] injections() {
        return x.clone();
    }

    /**
     * The network price at every feeder bus from the last projection's multipliers:
     * {@code pi_b = rho·Σ_rows mult·(±k·∂row/∂p_b)}, 0 at the slack; at a bus with agents it
     * equals their {@code pi_n}.
     */
    double[] busPrices(double rho) {
        int nb = model.feeder().busCount();
        double[] out = new double[nb];
        int[] all = new int[nb];
        for (int b = 0; b < nb; b++) {
            all[b] = b;
        }
        double[] row = new double[nb];
        double k = model.kwPerUnit();
        for (int j = 0; j < mult.length; j++) {
            if (mult[j] == 0.0) {
                continue;
            }
            if (rowKind[j] == VOLTAGE) {
                model.linDistFlow().voltageSensitivityRow(rowElement[j], all, row, null);
            } else {
                model.linDistFlow().ptdfRow(rowElement[j], all, row);
            }
            double f = rho * mult[j] * rowSign[j] * k;
            for (int b = 0; b < nb; b++) {
                out[b] += f * row[b];
            }
        }
        out[model.feeder().slackIndex()] = 0.0;
        return out;
    }

    /**
     * The last projection's multipliers as the duals of the centralised LinDistFlow rows, in
     * the convention of {@code Problem} ({@code ∂obj/∂rhs}, so ≤ 0 on an upper limit, ≥ 0 on a
     * lower one): {@code y = rho·mult·side}, the same weights {@link #busPrices} sums. Indexed
     * by bus (voltage) and branch (flow).
     */
    void rowDuals(double rho, double[] vMax, double[] vMin, double[] flowMax, double[] flowMin) {
        for (int j = 0; j < mult.length; j++) {
            if (mult[j] == 0.0) {
                continue;
            }
            double y = rho * mult[j] * rowSign[j];
            boolean upper = rowSign[j] < 0;
            if (rowKind[j] == VOLTAGE) {
                (upper ? vMax : vMin)[rowElement[j]] += y;
            } else {
                (upper ? flowMax : flowMin)[rowElement[j]] += y;
            }
        }
    }

    /** Number of limits binding at the last projection. */
    int bindingLimits() {
        int c = 0;
        for (double v : mult) {
            c += v > 0 ? 1 : 0;
        }
        return c;
    }

    /**
     * The two rows {@code lower ≤ k·s·X ≤ upper} of one limit, as rows {@code n·X ≥ c}: the upper
     * limit negated (side −1), then the lower (side +1).
     */
    private static void addLimits(List<double[]> rows, List<Double> rhs, List<int[]> meta, double[] s, double k, int kind,
                                  int index, double upper, double lower) {
        double[] lo = new double[s.length];
        double[] hi = new double[s.length];
        for (int q = 0; q < s.length; q++) {
            lo[q] = s[q] * k;
            hi[q] = -s[q] * k;
        }
        rows.add(hi);
        rhs.add(-upper);
        meta.add(new int[] {kind, index, -1});
        rows.add(lo);
        rhs.add(lower);
        meta.add(new int[] {kind, index, 1});
    }
}
