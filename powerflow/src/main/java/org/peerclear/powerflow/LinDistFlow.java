package org.peerclear.powerflow;

/**
 * LinDistFlow (Baran &amp; Wu linearised DistFlow) on a radial feeder: squared voltages
 * {@code w_j = w_i - 2 (r_ij P_ij + x_ij Q_ij)} with lossless branch flows equal to downstream net
 * consumption. Bus shunts and half line charging are constant powers at 1 pu; an off-nominal tap t
 * at the parent end scales {@code w} by {@code 1/t^2} (at the child end: the drop and {@code w} by
 * {@code t^2}).
 *
 * <h2>Use in clearing</h2>
 * The model is linear in the injections, so the voltage of bus j for market injections
 * {@code p, q} (kW, kvar, positive = generation) is exactly
 * {@code w_j(p, q) = w_j(0, 0) + sum_k S^p_jk p_k + S^q_jk q_k} with
 * {@code S^p_jk = dw_j/dp_k = +2 sum_{e in path(j) ∩ path(k)} r_e / (1000 baseMVA)} (pu^2 per kW; it is
 * the familiar {@code -2 sum r} with respect to a load) and likewise with x for q. Rows are
 * produced sparsely by {@link #voltageSensitivityRow} in time linear in the part of the tree they
 * touch; {@link #ptdfRow} gives branch flow sensitivities. A voltage limit
 * {@code vmin <= vm_j <= vmax} becomes the linear constraint {@code vmin^2 <= w_j <= vmax^2}.
 *
 * <p>Instances keep scratch arrays: they are <em>not</em> thread-safe; create one per thread (cheap:
 * the {@link RadialFeeder} is shared).
 */
public final class LinDistFlow {
    private final RadialFeeder rf;
    private final Feeder feeder;
    // solve scratch (position order)
    private final double[] p;
    private final double[] q;
    private final double[] w;
    // sensitivity scratch
    private final int[] stamp;
    private final double[] valP;
    private final double[] valQ;
    private final int[] path;
    private int token;

    /**
     * @param feeder a radial feeder
     * @throws NotRadialException if the feeder is meshed
     */
    public LinDistFlow(Feeder feeder) {
        this(feeder.radial());
    }

    /** @param rf compact radial model */
    public LinDistFlow(RadialFeeder rf) {
        this.rf = rf;
        this.feeder = rf.feeder;
        int n = rf.n;
        p = new double[n];
        q = new double[n];
        w = new double[n];
        stamp = new int[n];
        valP = new double[n];
        valQ = new double[n];
        path = new int[n];
    }

    /**
     * Solves LinDistFlow for the fixed loads plus extra injections.
     *
     * @param pInjKw   extra active injection per bus index, kW, positive = generation; null = none
     * @param qInjKvar extra reactive injection per bus index, kvar; null = none
     * @return voltages and lossless flows
     * @throws IllegalArgumentException on a wrong length or non-finite entry (names the bus)
     */
    public LinDistFlowResult solve(double[] pInjKw, double[] qInjKvar) {
        Injections.check(feeder, pInjKw, "pInjKw");
        Injections.check(feeder, qInjKvar, "qInjKvar");
        solveSquaredVoltages(pInjKw, qInjKvar);
        int n = rf.n;
        double[] wOut = new double[n];
        double[] vm = new double[n];
        double[] va = new double[n];
        double[] theta = new double[n];
        theta[0] = rf.theta0;
        for (int k = 1; k < n; k++) {
            double t = theta[rf.parent[k]] - (rf.x[k] * p[k] - rf.r[k] * q[k]);
            if (rf.linShift != null) {
                t += rf.linShift[k];
            }
            theta[k] = t;
        }
        for (int k = 0; k < n; k++) {
            int i = rf.busOf[k];
            wOut[i] = w[k];
            vm[i] = Math.sqrt(w[k]);
            va[i] = Math.toDegrees(theta[k]);
        }
        double scale = 1.0 / rf.puPerKw;
        int m = feeder.branchCount();
        double[] pf = new double[m];
        double[] qf = new double[m];
        for (int k = 1; k < n; k++) {
            double sgn = rf.forward[k] ? scale : -scale;
            pf[rf.branchOf[k]] = sgn * p[k];
            qf[rf.branchOf[k]] = sgn * q[k];
        }
        return new LinDistFlowResult(wOut, vm, va, pf, qf, p[0] * scale, q[0] * scale);
    }

    /**
     * The hot path: one backward pass (downstream sums) and one forward pass (squared voltages) over
     * primitive arrays, no allocation and no input validation. Results stay in this instance's
     * scratch; read them with {@link #squaredVoltageAtPosition(int)}.
     *
     * @param pInjKw   extra active injections per bus index, kW, or null
     * @param qInjKvar extra reactive injections per bus index, kvar, or null
     */
    public void solveSquaredVoltages(double[] pInjKw, double[] qInjKvar) {
        final int n = rf.n;
        final int[] parent = rf.parent;
        final int[] busOf = rf.busOf;
        final double s = rf.puPerKw;
        final double[] pf = rf.pFixLin;
        final double[] qf = rf.qFixLin;
        final double[] pp = p;
        final double[] qq = q;
        if (pInjKw == null && qInjKvar == null) {
            System.arraycopy(pf, 0, pp, 0, n);
            System.arraycopy(qf, 0, qq, 0, n);
        } else if (rf.identity && pInjKw != null && qInjKvar != null) {
            for (int k = 0; k < n; k++) {
                pp[k] = pf[k] - s * pInjKw[k];
                qq[k] = qf[k] - s * qInjKvar[k];
            }
        } else {
            for (int k = 0; k < n; k++) {
                int i = busOf[k];
                pp[k] = pf[k] - (pInjKw == null ? 0 : s * pInjKw[i]);
                qq[k] = qf[k] - (qInjKvar == null ? 0 : s * qInjKvar[i]);
            }
        }
        for (int k = n - 1; k > 0; k--) {
            int pa = parent[k];
            pp[pa] += pp[k];
            qq[pa] += qq[k];
        }
        final double[] r = rf.r;
        final double[] x = rf.x;
        final double[] ww = w;
        ww[0] = rf.w0;
        if (rf.linGa == null) {
            for (int k = 1; k < n; k++) {
                ww[k] = ww[parent[k]] - 2 * (r[k] * pp[k] + x[k] * qq[k]);
            }
        } else {
            final double[] ga = rf.linGa;
            final double[] gb = rf.linGb;
            for (int k = 1; k < n; k++) {
                ww[k] = ga[k] * ww[parent[k]] - 2 * gb[k] * (r[k] * pp[k] + x[k] * qq[k]);
            }
        }
    }

    /**
     * Squared voltage at internal position {@code k} after {@link #solveSquaredVoltages}.
     *
     * @param k a position in the radial model's order (0 = slack), not a bus index
     * @return the squared voltage magnitude, pu²
     */
    public double squaredVoltageAtPosition(int k) {
        return w[k];
    }

    /**
     * One row of the voltage sensitivity matrices: {@code dwdp[m] = dw_j / dp_k} and
     * {@code dwdq[m] = dw_j / dq_k} for {@code k = injectionBuses[m]}, in pu^2 per kW (per kvar),
     * with respect to injections (positive = generation). Time is linear in the number of tree
     * nodes on the paths from {@code bus} and from the injection buses to the slack; no n x n
     * matrix is formed.
     *
     * @param bus            bus index j
     * @param injectionBuses bus indices k
     * @param dwdp           output, same length as {@code injectionBuses} (may be null)
     * @param dwdq           output, same length as {@code injectionBuses} (may be null)
     */
    public void voltageSensitivityRow(int bus, int[] injectionBuses, double[] dwdp, double[] dwdq) {
        checkBus(bus);
        if (++token == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            token = 1;
        }
        final int tk = token;
        final double s = 2 * rf.puPerKw;
        // path from j up to the root
        int len = 0;
        for (int u = rf.posOf[bus]; u >= 0; u = rf.parent[u]) {
            path[len++] = u;
        }
        // coefficients per edge with the tap product of the edges below it on the path
        double mult = 1;
        for (int a = 0; a < len - 1; a++) {
            int u = path[a];
            double gb = rf.linGb == null ? 1 : rf.linGb[u];
            valP[u] = s * gb * rf.r[u] * mult;
            valQ[u] = s * gb * rf.x[u] * mult;
            if (rf.linGa != null) {
                mult *= rf.linGa[u];
            }
        }
        // suffix sums from the root down
        double accP = 0;
        double accQ = 0;
        for (int a = len - 1; a >= 0; a--) {
            int u = path[a];
            if (u != 0) {
                accP += valP[u];
                accQ += valQ[u];
            }
            valP[u] = accP;
            valQ[u] = accQ;
            stamp[u] = tk;
        }
        for (int m = 0; m < injectionBuses.length; m++) {
            int kb = injectionBuses[m];
            checkBus(kb);
            int u = rf.posOf[kb];
            int walked = 0;
            while (stamp[u] != tk) {
                path[walked++] = u;
                u = rf.parent[u];
            }
            double vp = valP[u];
            double vq = valQ[u];
            for (int a = 0; a < walked; a++) {
                int v = path[a];
                valP[v] = vp;
                valQ[v] = vq;
                stamp[v] = tk;
            }
            if (dwdp != null) {
                dwdp[m] = vp;
            }
            if (dwdq != null) {
                dwdq[m] = vq;
            }
        }
    }

    /**
     * Radial-feeder PTDF row: sensitivity of the (lossless) flow on {@code branch}, measured at its
     * from end in the from-to direction, to an injection at each of {@code injectionBuses}
     * (dimensionless, kW per kW). An injection downstream of the branch pushes power towards the
     * slack, so the entry is {@code -1} if the branch points away from the slack and {@code +1} if
     * it points towards it; injections elsewhere are absorbed by the slack and give 0. O(1) per
     * entry.
     *
     * @param branch         a branch index of the feeder
     * @param injectionBuses bus indices to compute entries for
     * @param out            receives one entry per {@code injectionBuses} element: -1, 0 or +1
     * @throws IllegalArgumentException if {@code branch} or a bus index is out of range
     */
    public void ptdfRow(int branch, int[] injectionBuses, double[] out) {
        if (branch < 0 || branch >= feeder.branchCount()) {
            throw new IllegalArgumentException("branch index " + branch + " out of range 0.." + (feeder.branchCount() - 1)
                    + " for feeder " + feeder.name());
        }
        int f = rf.posOf[feeder.fromIndex(branch)];
        int t = rf.posOf[feeder.toIndex(branch)];
        int child = rf.parent[t] == f ? t : f;
        double sign = rf.forward[child] ? -1 : 1;
        int lo = child;
        int hi = child + rf.subtreeSize[child];
        for (int m = 0; m < injectionBuses.length; m++) {
            checkBus(injectionBuses[m]);
            int u = rf.posOf[injectionBuses[m]];
            out[m] = (u >= lo && u < hi) ? sign : 0.0;
        }
    }

    /**
     * Dense voltage sensitivity matrix {@code S[j][k] = dw_j/dp_k} (or {@code dq_k} if
     * {@code reactive}), pu^2 per kW. O(n^2) memory: only for small feeders or when explicitly
     * wanted.
     *
     * @param reactive {@code true} for the sensitivity to reactive injection (pu² per kvar)
     * @return an n × n matrix over bus indices, a fresh array; row j is {@link #voltageSensitivityRow} of bus j
     */
    public double[][] denseVoltageSensitivity(boolean reactive) {
        int n = rf.n;
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[][] sMat = new double[n][n];
        for (int j = 0; j < n; j++) {
            voltageSensitivityRow(j, all, reactive ? null : sMat[j], reactive ? sMat[j] : null);
        }
        return sMat;
    }

    private void checkBus(int i) {
        if (i < 0 || i >= rf.n) {
            throw new IllegalArgumentException("bus index " + i + " out of range 0.." + (rf.n - 1) + " for feeder "
                    + feeder.name());
        }
    }
}
