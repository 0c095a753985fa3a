package org.peerclear.clearing.admm;

import java.util.Arrays;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.network.LinDistFlowLimits;
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
 * (the rows of {@link LinDistFlowLimits}, as the centralised problem holds them), followed by the dual update
 * {@code pi_n ← pi_n − rho·(P_n − x_n)}. Agents at one bus move by the same amount, so the
 * projection is solved over the injection buses with weights {@code 1/m_b} (m_b agents at b) by
 * {@link DualActiveSetProjection}, exactly; and then {@code pi_n = rho·(X_b − Y_b)/m_b}, which is
 * the weighted sum of the limits' multipliers times their sensitivities, the same network price
 * as the centralised QP's bus-row dual at the optimum.
 *
 * <p>Agents without a bus (community managers, the grid at the substation) and agents at the
 * slack bus do not inject into the LinDistFlow model and have no consensus with the operator.
 *
 * <p>The limits carry no tightening margins: tightening to AC re-clears with margins from each
 * round's AC check, which {@code AdmmClearing} refuses (method 'qp' offers it), so the operator
 * always projects onto the limits as specified.
 */
final class AdmmNetworkOperator implements SystemOperator {
    private final NetworkModel model;
    private final int nAgents;
    private final int[] slotOf;
    private final int[] buses;
    private final double[] count;
    private final LinDistFlowLimits limits;
    private final DualActiveSetProjection projection;
    private final int[] rowLimit;
    private final double[] rowSign;

    private final double[] x;
    private final double[] pi;
    private final double[] yBus;
    private final double[] xBus;
    private final double[] mult;
    private boolean feasible = true;

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
        this.limits = LinDistFlowLimits.of(model);
        int m = 2 * limits.size();
        double[][] rows = new double[m][];
        double[] c = new double[m];
        rowLimit = new int[m];
        rowSign = new double[m];
        for (int r = 0; r < limits.size(); r++) {
            double[] a = new double[buses.length];
            limits.coefficients(r, a);
            double[] negated = new double[a.length];
            for (int q = 0; q < a.length; q++) {
                negated[q] = -a[q];
            }
            // As rows n·X ≥ c: the upper side negated (side −1), then the lower (side +1).
            rows[2 * r] = negated;
            c[2 * r] = -(limits.upper(r) - limits.base(r));
            rows[2 * r + 1] = a;
            c[2 * r + 1] = limits.lower(r) - limits.base(r);
            rowLimit[2 * r] = r;
            rowLimit[2 * r + 1] = r;
            rowSign[2 * r] = -1;
            rowSign[2 * r + 1] = 1;
        }
        double[] g = new double[buses.length];
        for (int q = 0; q < g.length; q++) {
            g[q] = 1.0 / count[q];
        }
        this.projection = new DualActiveSetProjection(rows, c, g);
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
        for (int j = 0; j < mult.length; j++) {
            if (mult[j] == 0.0) {
                continue;
            }
            limits.coefficients(rowLimit[j], all, row);
            double f = rho * mult[j] * rowSign[j];
            for (int b = 0; b < nb; b++) {
                out[b] += f * row[b];
            }
        }
        out[model.feeder().slackIndex()] = 0.0;
        return out;
    }

    /**
     * Adds the last projection's multipliers into {@code y}, the dual vector of a problem holding
     * {@code rows}, as the duals of its LinDistFlow rows in the convention of {@code Problem}
     * ({@code ∂obj/∂rhs}, so ≤ 0 on an upper limit, ≥ 0 on a lower one): {@code y = rho·mult·side},
     * the same weights {@link #busPrices} sums. Both number the limits as {@link LinDistFlowLimits}.
     */
    void addRowDuals(double rho, LinDistFlowConstraints rows, double[] y) {
        for (int j = 0; j < mult.length; j++) {
            if (mult[j] != 0.0) {
                y[rows.limitRow(rowLimit[j], rowSign[j] < 0)] += rho * mult[j] * rowSign[j];
            }
        }
    }

    /** The projection's constraints: limit r of {@link LinDistFlowLimits} is rows 2r (upper side) and 2r+1 (lower). */
    DualActiveSetProjection projection() {
        return projection;
    }

    /** Number of limits binding at the last projection. */
    int bindingLimits() {
        int c = 0;
        for (double v : mult) {
            c += v > 0 ? 1 : 0;
        }
        return c;
    }
}
