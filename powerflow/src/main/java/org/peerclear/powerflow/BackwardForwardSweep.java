package org.peerclear.powerflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact AC power flow for radial feeders by backward/forward sweep (current summation), linear time
 * per sweep. Constant-power loads, constant-admittance shunts, and full MATPOWER branch model (taps,
 * phase shift, line charging).
 *
 * <p>Each iteration: a backward pass computes the current drawn by each subtree from the present
 * voltages; the power mismatch is {@code max_k |V_k| |J_k^new - J_k^used|} (the apparent power, pu,
 * by which the currents used in the last forward pass were wrong); if it is below the tolerance the
 * voltages are accepted, otherwise a forward pass updates voltages from the slack outwards. The
 * iteration count is the number of forward passes.
 *
 * <p>Instances keep scratch arrays: not thread-safe; one per thread.
 */
public final class BackwardForwardSweep {
    private static final Logger LOG = LoggerFactory.getLogger(BackwardForwardSweep.class);

    private final RadialFeeder rf;
    private final double[] vRe;
    private final double[] vIm;
    private final double[] jRe;
    private final double[] jIm;
    private final double[] accRe;
    private final double[] accIm;
    private final double[] sP;
    private final double[] sQ;
    private double lastMismatch;

    /**
     * A sweep on {@code feeder}'s radial model.
     *
     * @param feeder a radial feeder
     * @throws NotRadialException if the feeder is meshed
     */
    public BackwardForwardSweep(Feeder feeder) {
        this(feeder.radial());
    }

    /** @param rf compact radial model */
    public BackwardForwardSweep(RadialFeeder rf) {
        this.rf = rf;
        int n = rf.n;
        vRe = new double[n];
        vIm = new double[n];
        jRe = new double[n];
        jIm = new double[n];
        accRe = new double[n];
        accIm = new double[n];
        sP = new double[n];
        sQ = new double[n];
    }

    /**
     * Solves the AC power flow for fixed loads plus extra injections.
     *
     * @param pInjKw   extra active injections per bus index, kW, positive = generation; null = none
     * @param qInjKvar extra reactive injections per bus index, kvar; null = none
     * @param tolPu    mismatch tolerance, pu (e.g. 1e-10)
     * @param maxIter  iteration limit
     * @return the solution; {@code NOT_CONVERGED} or {@code DIVERGED} in its status, never thrown
     */
    public PowerFlowResult solve(double[] pInjKw, double[] qInjKvar, double tolPu, int maxIter) {
        Feeder f = rf.feeder;
        Injections.check(f, pInjKw, "pInjKw");
        Injections.check(f, qInjKvar, "qInjKvar");
        int it = iterate(pInjKw, qInjKvar, tolPu, maxIter);
        PowerFlowStatus st = it < 0 ? PowerFlowStatus.DIVERGED
                : lastMismatch <= tolPu ? PowerFlowStatus.CONVERGED : PowerFlowStatus.NOT_CONVERGED;
        int iters = Math.abs(it);
        if (st != PowerFlowStatus.CONVERGED) {
            LOG.warn("sweep on {}: {} after {} iterations, mismatch {} pu", f.name(), st, iters, lastMismatch);
        } else {
            LOG.debug("sweep on {}: converged in {} iterations, mismatch {} pu", f.name(), iters, lastMismatch);
        }
        int n = rf.n;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int k = 0; k < n; k++) {
            re[rf.busOf[k]] = vRe[k];
            im[rf.busOf[k]] = vIm[k];
        }
        return PowerFlowResult.fromVoltages(f, "sweep", st, iters, lastMismatch, re, im, pInjKw, qInjKvar);
    }

    /** {@return the final mismatch of the last {@link #iterate} (or {@link #solve}) call, pu on base MVA} */
    public double lastMismatch() {
        return lastMismatch;
    }

    /**
     * The hot path (no validation, no allocation): iterates from a flat start and leaves the
     * voltages in the scratch arrays.
     *
     * @param pInjKw   extra active injections per bus index, kW, positive = generation; null = none; not checked
     * @param qInjKvar extra reactive injections per bus index, kvar; null = none; not checked
     * @param tolPu    mismatch tolerance, pu
     * @param maxIter  iteration limit
     * @return the number of forward passes, negated if the iteration diverged
     */
    public int iterate(double[] pInjKw, double[] qInjKvar, double tolPu, int maxIter) {
        final int n = rf.n;
        final int[] parent = rf.parent;
        final int[] busOf = rf.busOf;
        final double s = rf.puPerKw;
        for (int k = 0; k < n; k++) {
            int i = busOf[k];
            sP[k] = rf.pLoad[k] - (pInjKw == null ? 0 : s * pInjKw[i]);
            sQ[k] = rf.qLoad[k] - (qInjKvar == null ? 0 : s * qInjKvar[i]);
        }
        double v0Re = Math.sqrt(rf.w0) * Math.cos(rf.theta0);
        double v0Im = Math.sqrt(rf.w0) * Math.sin(rf.theta0);
        // flat start, following phase shifts and taps along the tree
        vRe[0] = v0Re;
        vIm[0] = v0Im;
        for (int k = 1; k < n; k++) {
            if (rf.allPlain) {
                vRe[k] = v0Re;
                vIm[k] = v0Im;
            } else {
                int p = parent[k];
                vRe[k] = rf.aRe[k] * vRe[p] - rf.aIm[k] * vIm[p];
                vIm[k] = rf.aRe[k] * vIm[p] + rf.aIm[k] * vRe[p];
            }
            jRe[k] = 0;
            jIm[k] = 0;
        }
        jRe[0] = 0;
        jIm[0] = 0;
        java.util.Arrays.fill(accRe, 0);
        java.util.Arrays.fill(accIm, 0);
        int iter = 0;
        while (true) {
            double mis = backward();
            lastMismatch = mis;
            if (!(mis <= tolPu)) {
                if (Double.isNaN(mis) || mis > 1e10) {
                    return -iter;
                }
            } else {
                return iter;
            }
            if (iter >= maxIter) {
                return iter;
            }
            iter++;
            if (!forward()) {
                lastMismatch = Double.isNaN(lastMismatch) ? Double.POSITIVE_INFINITY : lastMismatch;
                return -iter;
            }
        }
    }

    /** Backward pass: subtree currents from present voltages; returns the mismatch (pu). */
    private double backward() {
        final int n = rf.n;
        final int[] parent = rf.parent;
        final double[] vr = vRe;
        final double[] vi = vIm;
        final double[] jr = jRe;
        final double[] ji = jIm;
        final double[] ar = accRe;
        final double[] ai = accIm;
        final double[] pp = sP;
        final double[] qq = sQ;
        final double[] gsh = rf.shuntG;
        final double[] bsh = rf.shuntB;
        final boolean plain = rf.allPlain;
        double mis = 0;
        for (int k = n - 1; k >= 0; k--) {
            double re = vr[k];
            double im = vi[k];
            double v2 = re * re + im * im;
            // load current conj(S / V) = (P - jQ) V / |V|^2
            double cRe = (pp[k] * re + qq[k] * im) / v2 + ar[k];
            double cIm = (pp[k] * im - qq[k] * re) / v2 + ai[k];
            if (gsh != null) {
                cRe += gsh[k] * re - bsh[k] * im;
                cIm += gsh[k] * im + bsh[k] * re;
            }
            ar[k] = 0;
            ai[k] = 0;
            double dr = cRe - jr[k];
            double di = cIm - ji[k];
            double d = (dr * dr + di * di) * v2;
            if (d > mis || d != d) {
                mis = d != d ? Double.NaN : d;
                if (d != d) {
                    return Double.NaN;
                }
            }
            jr[k] = cRe;
            ji[k] = cIm;
            if (k > 0) {
                int p = parent[k];
                if (plain) {
                    ar[p] += cRe;
                    ai[p] += cIm;
                } else {
                    double dRe = rf.dRe[k];
                    double dIm = rf.dIm[k];
                    double ccRe = rf.cRe[k];
                    double ccIm = rf.cIm[k];
                    ar[p] += dRe * cRe - dIm * cIm + ccRe * vr[p] - ccIm * vi[p];
                    ai[p] += dRe * cIm + dIm * cRe + ccRe * vi[p] + ccIm * vr[p];
                }
            }
        }
        return Math.sqrt(mis);
    }

    /** Forward pass; returns false if a voltage collapsed or became non-finite. */
    private boolean forward() {
        final int n = rf.n;
        final int[] parent = rf.parent;
        final double[] vr = vRe;
        final double[] vi = vIm;
        final double[] jr = jRe;
        final double[] ji = jIm;
        double minV2 = Double.POSITIVE_INFINITY;
        if (rf.allPlain) {
            final double[] r = rf.r;
            final double[] x = rf.x;
            for (int k = 1; k < n; k++) {
                int p = parent[k];
                double re = vr[p] - (r[k] * jr[k] - x[k] * ji[k]);
                double im = vi[p] - (r[k] * ji[k] + x[k] * jr[k]);
                vr[k] = re;
                vi[k] = im;
                double v2 = re * re + im * im;
                if (v2 < minV2) {
                    minV2 = v2;
                }
            }
        } else {
            for (int k = 1; k < n; k++) {
                int p = parent[k];
                double aR = rf.aRe[k];
                double aI = rf.aIm[k];
                double bR = rf.bRe[k];
                double bI = rf.bIm[k];
                double re = aR * vr[p] - aI * vi[p] - (bR * jr[k] - bI * ji[k]);
                double im = aR * vi[p] + aI * vr[p] - (bR * ji[k] + bI * jr[k]);
                vr[k] = re;
                vi[k] = im;
                double v2 = re * re + im * im;
                if (v2 < minV2) {
                    minV2 = v2;
                }
            }
        }
        return n == 1 || minV2 >= AcPowerFlow.SWEEP_COLLAPSE_V2;
    }
}
