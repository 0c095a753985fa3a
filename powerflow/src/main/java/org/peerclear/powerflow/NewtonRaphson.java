package org.peerclear.powerflow;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact AC power flow by Newton-Raphson in polar coordinates with a sparse Jacobian (EJML CSC,
 * sparse LU). Works for radial and meshed networks. All non-slack buses are PQ buses (constant
 * power loads and fixed injections), shunts are constant admittances, branches use the MATPOWER pi
 * model. Unknowns are ordered per bus as (angle, magnitude) pairs; for radial feeders buses are
 * ordered leaves first, which makes the LU factorisation fill-free.
 *
 * <p>The mismatch is the infinity norm of the bus power mismatch (P and Q), pu. A singular Jacobian
 * or non-finite iterate gives {@link PowerFlowStatus#DIVERGED}.
 *
 * <p>Immutable after construction apart from scratch arrays: not thread-safe.
 */
public final class NewtonRaphson {
    private static final Logger LOG = LoggerFactory.getLogger(NewtonRaphson.class);

    private final Feeder f;
    private final int n;
    /** feeder bus index at position q (slack at n-1) and inverse. */
    private final int[] busAt;
    private final int[] posOfBus;
    /** Ybus in CSR over positions. */
    private final int[] rowStart;
    private final int[] col;
    private final double[] yRe;
    private final double[] yIm;
    private final double[] shuntG;
    private final double puPerKw;
    private final double[] sLoadP;
    private final double[] sLoadQ;
    private final DMatrixSparseCSC jac;

    /** @param feeder any connected feeder (radial or meshed) */
    public NewtonRaphson(Feeder feeder) {
        this.f = feeder;
        this.n = feeder.busCount();
        busAt = new int[n];
        posOfBus = new int[n];
        int s = feeder.slackIndex();
        if (feeder.isRadial()) {
            int[] lf = feeder.radial().leavesFirstOrder();
            System.arraycopy(lf, 0, busAt, 0, n); // slack is last
        } else {
            int q = 0;
            for (int i = 0; i < n; i++) {
                if (i != s) {
                    busAt[q++] = i;
                }
            }
            busAt[n - 1] = s;
        }
        for (int q = 0; q < n; q++) {
            posOfBus[busAt[q]] = q;
        }
        puPerKw = 1.0 / (1000.0 * feeder.baseMva());
        int m = feeder.branchCount();
        // count entries per row (with duplicates), then sort + merge per row
        int[] start = new int[n + 1];
        int[] deg = new int[n];
        for (int b = 0; b < m; b++) {
            deg[posOfBus[feeder.fromIndex(b)]] += 2;
            deg[posOfBus[feeder.toIndex(b)]] += 2;
        }
        for (int q = 0; q < n; q++) {
            start[q + 1] = start[q] + 1 + deg[q];
        }
        int total = start[n];
        int[] c = new int[total];
        double[] re = new double[total];
        double[] im = new double[total];
        int[] fill = new int[n];
        double[] y = new double[8];
        shuntG = new double[n];
        for (int q = 0; q < n; q++) {
            Bus bus = feeder.buses().get(busAt[q]);
            int at = start[q] + fill[q]++;
            c[at] = q;
            re[at] = bus.gsKw() * puPerKw;
            im[at] = bus.bsKvar() * puPerKw;
            shuntG[q] = bus.gsKw() * puPerKw;
        }
        for (int b = 0; b < m; b++) {
            BranchModel.admittances(feeder.branches().get(b), y);
            int fq = posOfBus[feeder.fromIndex(b)];
            int tq = posOfBus[feeder.toIndex(b)];
            int at = start[fq] + fill[fq]++;
            c[at] = fq; re[at] = y[0]; im[at] = y[1];
            at = start[fq] + fill[fq]++;
            c[at] = tq; re[at] = y[2]; im[at] = y[3];
            at = start[tq] + fill[tq]++;
            c[at] = fq; re[at] = y[4]; im[at] = y[5];
            at = start[tq] + fill[tq]++;
            c[at] = tq; re[at] = y[6]; im[at] = y[7];
        }
        // sort each row by column and merge duplicates
        int[] rs = new int[n + 1];
        int out = 0;
        for (int q = 0; q < n; q++) {
            int a = start[q];
            int e = start[q + 1];
            // insertion sort (rows are short)
            for (int i = a + 1; i < e; i++) {
                int ck = c[i];
                double rk = re[i];
                double ik = im[i];
                int j = i - 1;
                while (j >= a && c[j] > ck) {
                    c[j + 1] = c[j];
                    re[j + 1] = re[j];
                    im[j + 1] = im[j];
                    j--;
                }
                c[j + 1] = ck;
                re[j + 1] = rk;
                im[j + 1] = ik;
            }
            rs[q] = out;
            for (int i = a; i < e; i++) {
                if (out > rs[q] && c[out - 1] == c[i]) {
                    re[out - 1] += re[i];
                    im[out - 1] += im[i];
                } else {
                    c[out] = c[i];
                    re[out] = re[i];
                    im[out] = im[i];
                    out++;
                }
            }
        }
        rs[n] = out;
        rowStart = rs;
        col = Arrays.copyOf(c, out);
        yRe = Arrays.copyOf(re, out);
        yIm = Arrays.copyOf(im, out);
        sLoadP = new double[n];
        sLoadQ = new double[n];
        for (int q = 0; q < n; q++) {
            Bus bus = feeder.buses().get(busAt[q]);
            sLoadP[q] = (bus.pLoadKw() - bus.pGenKw()) * puPerKw;
            sLoadQ[q] = (bus.qLoadKvar() - bus.qGenKvar()) * puPerKw;
        }
        // Jacobian structure: column 2k / 2k+1 has rows 2i, 2i+1 for i in row k of Ybus (symmetric pattern), i < n-1
        int dim = 2 * (n - 1);
        int nz = 0;
        for (int k = 0; k < n - 1; k++) {
            for (int a = rowStart[k]; a < rowStart[k + 1]; a++) {
                if (col[a] < n - 1) {
                    nz += 4;
                }
            }
        }
        jac = new DMatrixSparseCSC(dim, dim, nz);
        int p = 0;
        for (int k = 0; k < n - 1; k++) {
            for (int half = 0; half < 2; half++) {
                jac.col_idx[2 * k + half] = p;
                for (int a = rowStart[k]; a < rowStart[k + 1]; a++) {
                    int i = col[a];
                    if (i < n - 1) {
                        jac.nz_rows[p++] = 2 * i;
                        jac.nz_rows[p++] = 2 * i + 1;
                    }
                }
            }
        }
        jac.col_idx[dim] = p;
        jac.nz_length = p;
        jac.indicesSorted = true;
    }

    /**
     * Solves the AC power flow.
     *
     * @param pInjKw   extra active injections per bus index, kW, positive = generation; null = none
     * @param qInjKvar extra reactive injections per bus index, kvar; null = none
     * @param tolPu    mismatch tolerance, pu
     * @param maxIter  iteration limit
     * @return the solution; {@code NOT_CONVERGED} or {@code DIVERGED} in its status, never thrown
     */
    public PowerFlowResult solve(double[] pInjKw, double[] qInjKvar, double tolPu, int maxIter) {
        Injections.check(f, pInjKw, "pInjKw");
        Injections.check(f, qInjKvar, "qInjKvar");
        double[] specP = new double[n];
        double[] specQ = new double[n];
        for (int q = 0; q < n; q++) {
            int i = busAt[q];
            specP[q] = -sLoadP[q] + (pInjKw == null ? 0 : pInjKw[i] * puPerKw);
            specQ[q] = -sLoadQ[q] + (qInjKvar == null ? 0 : qInjKvar[i] * puPerKw);
        }
        double[] vm = new double[n];
        double[] va = new double[n];
        Arrays.fill(vm, f.slackVmPu());
        Arrays.fill(va, Math.toRadians(f.slackVaDeg()));
        flatStartPhaseShifts(va);
        double[] vr = new double[n];
        double[] vi = new double[n];
        double[] sp = new double[n];
        double[] sq = new double[n];
        int dim = 2 * (n - 1);
        DMatrixRMaj rhs = new DMatrixRMaj(dim, 1);
        DMatrixRMaj dx = new DMatrixRMaj(dim, 1);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        int iter = 0;
        PowerFlowStatus status;
        double mis;
        while (true) {
            for (int q = 0; q < n; q++) {
                vr[q] = vm[q] * Math.cos(va[q]);
                vi[q] = vm[q] * Math.sin(va[q]);
            }
            power(vr, vi, sp, sq);
            mis = 0;
            for (int q = 0; q < n - 1; q++) {
                double fp = sp[q] - specP[q];
                double fq = sq[q] - specQ[q];
                rhs.data[2 * q] = -fp;
                rhs.data[2 * q + 1] = -fq;
                mis = Math.max(mis, Math.max(Math.abs(fp), Math.abs(fq)));
                if (Double.isNaN(fp) || Double.isNaN(fq)) {
                    mis = Double.NaN;
                    break;
                }
            }
            if (Double.isNaN(mis) || mis > 1e10) {
                status = PowerFlowStatus.DIVERGED;
                break;
            }
            if (mis <= tolPu) {
                status = PowerFlowStatus.CONVERGED;
                break;
            }
            if (iter >= maxIter) {
                status = PowerFlowStatus.NOT_CONVERGED;
                break;
            }
            fillJacobian(vr, vi, vm, sp, sq);
            if (!solver.setA(jac.copy())) {
                status = PowerFlowStatus.DIVERGED;
                break;
            }
            solver.solve(rhs, dx);
            iter++;
            for (int q = 0; q < n - 1; q++) {
                va[q] += dx.data[2 * q];
                vm[q] += dx.data[2 * q + 1];
            }
        }
        if (status != PowerFlowStatus.CONVERGED) {
            LOG.warn("Newton-Raphson on {}: {} after {} iterations, mismatch {} pu", f.name(), status, iter, mis);
        } else {
            LOG.debug("Newton-Raphson on {}: converged in {} iterations, mismatch {} pu", f.name(), iter, mis);
        }
        double[] re = new double[n];
        double[] im = new double[n];
        for (int q = 0; q < n; q++) {
            re[busAt[q]] = vm[q] * Math.cos(va[q]);
            im[busAt[q]] = vm[q] * Math.sin(va[q]);
        }
        return PowerFlowResult.fromVoltages(f, "newton", status, iter, mis, re, im, pInjKw, qInjKvar);
    }

    private void flatStartPhaseShifts(double[] va) {
        if (!f.isRadial()) {
            return;
        }
        RadialFeeder rf = f.radial();
        for (int k = 1; k < rf.n; k++) {
            Branch br = f.branches().get(rf.branchOf[k]);
            if (br.shiftDeg() != 0) {
                double sh = Math.toRadians(br.shiftDeg());
                int qk = posOfBus[rf.busOf[k]];
                int qp = posOfBus[rf.busOf[rf.parent[k]]];
                va[qk] = va[qp] + (rf.forward[k] ? -sh : sh);
            }
        }
    }

    /** S = V conj(Ybus V) per position. */
    private void power(double[] vr, double[] vi, double[] sp, double[] sq) {
        for (int q = 0; q < n; q++) {
            double ir = 0;
            double ii = 0;
            for (int a = rowStart[q]; a < rowStart[q + 1]; a++) {
                int k = col[a];
                ir += yRe[a] * vr[k] - yIm[a] * vi[k];
                ii += yRe[a] * vi[k] + yIm[a] * vr[k];
            }
            sp[q] = vr[q] * ir + vi[q] * ii;
            sq[q] = vi[q] * ir - vr[q] * ii;
        }
    }

    private void fillJacobian(double[] vr, double[] vi, double[] vm, double[] sp, double[] sq) {
        double[] val = jac.nz_values;
        int p = 0;
        for (int k = 0; k < n - 1; k++) {
            // column 2k: d/d theta_k ; column 2k+1: d/d |V|_k ; rows in the same order for both columns
            int colStart = p;
            int rowsInCol = 0;
            for (int a = rowStart[k]; a < rowStart[k + 1]; a++) {
                if (col[a] < n - 1) {
                    rowsInCol += 2;
                }
            }
            int p2 = colStart + rowsInCol;
            for (int a = rowStart[k]; a < rowStart[k + 1]; a++) {
                int i = col[a];
                if (i >= n - 1) {
                    continue;
                }
                // Y_ik = Y_ki by pattern symmetry but not value symmetry (taps): find Y_ik in row i
                int ai = find(i, k);
                double gr = yRe[ai];
                double gi = yIm[ai];
                // t = V_i conj(Y_ik V_k)
                double ykr = gr * vr[k] - gi * vi[k];
                double yki = gr * vi[k] + gi * vr[k];
                double ta = vr[i] * ykr + vi[i] * yki;
                double tb = vi[i] * ykr - vr[i] * yki;
                double dPdT;
                double dQdT;
                double dPdV;
                double dQdV;
                if (i != k) {
                    dPdT = tb;
                    dQdT = -ta;
                    dPdV = ta / vm[k];
                    dQdV = tb / vm[k];
                } else {
                    dPdT = tb - sq[i];
                    dQdT = sp[i] - ta;
                    dPdV = (ta + sp[i]) / vm[i];
                    dQdV = (tb + sq[i]) / vm[i];
                }
                val[p++] = dPdT;
                val[p++] = dQdT;
                val[p2++] = dPdV;
                val[p2++] = dQdV;
            }
            p = p2;
        }
    }

    private int find(int row, int c) {
        int lo = rowStart[row];
        int hi = rowStart[row + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (col[mid] < c) {
                lo = mid + 1;
            } else if (col[mid] > c) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("Ybus entry missing");
    }

    /**
     * Marginal loss factors at an AC operating point: {@code out[0][i] = dLoss/dp_i} and
     * {@code out[1][i] = dLoss/dq_i} (kW of total branch active loss per kW / kvar of injection at bus
     * index i, positive = generation; the slack absorbs the change; 0 at the slack). Computed with the
     * adjoint of the power flow Jacobian: {@code J^T lambda = grad(P_slack - shunt losses)}.
     *
     * @param result a converged AC solution of this feeder
     * @return {@code [2][busCount]}: row 0 per kW, row 1 per kvar; dimensionless, negative where injecting reduces losses
     * @throws IllegalArgumentException if {@code result} did not converge
     */
    public double[][] marginalLossFactors(PowerFlowResult result) {
        if (result.status() != PowerFlowStatus.CONVERGED) {
            throw new IllegalArgumentException("marginal loss factors need a converged AC solution, got "
                    + result.status());
        }
        double[] vm = new double[n];
        double[] vr = new double[n];
        double[] vi = new double[n];
        for (int q = 0; q < n; q++) {
            int i = busAt[q];
            vm[q] = result.vmPu()[i];
            double a = Math.toRadians(result.vaDeg()[i]);
            vr[q] = vm[q] * Math.cos(a);
            vi[q] = vm[q] * Math.sin(a);
        }
        double[] sp = new double[n];
        double[] sq = new double[n];
        power(vr, vi, sp, sq);
        fillJacobian(vr, vi, vm, sp, sq);
        int dim = 2 * (n - 1);
        DMatrixRMaj g = new DMatrixRMaj(dim, 1);
        int s = n - 1;
        for (int a = rowStart[s]; a < rowStart[s + 1]; a++) {
            int k = col[a];
            if (k == s) {
                continue;
            }
            double ykr = yRe[a] * vr[k] - yIm[a] * vi[k];
            double yki = yRe[a] * vi[k] + yIm[a] * vr[k];
            double ta = vr[s] * ykr + vi[s] * yki;
            double tb = vi[s] * ykr - vr[s] * yki;
            g.data[2 * k] += tb;
            g.data[2 * k + 1] += ta / vm[k];
        }
        for (int q = 0; q < n - 1; q++) {
            g.data[2 * q + 1] -= 2 * shuntG[q] * vm[q];
        }
        DMatrixSparseCSC jt = CommonOps_DSCC.transpose(jac, null, null);
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!solver.setA(jt)) {
            throw new IllegalStateException("singular Jacobian at the operating point of " + f.name());
        }
        DMatrixRMaj lambda = new DMatrixRMaj(dim, 1);
        solver.solve(g, lambda);
        double[][] out = new double[2][n];
        for (int q = 0; q < n - 1; q++) {
            int i = busAt[q];
            out[0][i] = 1 + lambda.data[2 * q];
            out[1][i] = lambda.data[2 * q + 1];
        }
        return out;
    }
}
