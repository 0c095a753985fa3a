package org.peerclear.powerflow;

/**
 * Result of an exact AC power flow. Per-bus arrays are indexed by feeder bus index, per-branch
 * arrays by feeder branch index. Branch flows are the powers entering the branch at each end
 * (MATPOWER's PF/QF and PT/QT): {@code pFromKw} is the flow at the sending (from) end. Losses per
 * branch are the series losses {@code |V_f/a - V_t|^2 / conj(z)} (MATPOWER's {@code get_losses});
 * {@code p_loss = p_from + p_to}. When the status is not {@link PowerFlowStatus#CONVERGED} the
 * arrays hold the last iterate.
 *
 * @param method         "sweep" or "newton"
 * @param status         numerical outcome
 * @param iterations     iterations performed (forward sweeps or Newton steps)
 * @param mismatchPu     final power mismatch, pu on base MVA (max over buses)
 * @param vmPu           voltage magnitudes, pu
 * @param vaDeg          voltage angles, degrees
 * @param pFromKw        active power into the branch at the from end, kW
 * @param qFromKvar      reactive power into the branch at the from end, kvar
 * @param pToKw          active power into the branch at the to end, kW
 * @param qToKvar        reactive power into the branch at the to end, kvar
 * @param pLossKw        active series loss per branch, kW
 * @param qLossKvar      reactive series loss per branch, kvar
 * @param slackPKw       active power injected by the slack bus, kW
 * @param slackQKvar     reactive power injected by the slack bus, kvar
 */
public record PowerFlowResult(String method, PowerFlowStatus status, int iterations, double mismatchPu,
                              double[] vmPu, double[] vaDeg, double[] pFromKw, double[] qFromKvar,
                              double[] pToKw, double[] qToKvar, double[] pLossKw, double[] qLossKvar,
                              double slackPKw, double slackQKvar) {

    /** {@return the total active loss over all branches, kW; non-negative on passive networks} */
    public double totalPLossKw() {
        double s = 0;
        for (double v : pLossKw) {
            s += v;
        }
        return s;
    }

    /** {@return the total reactive loss over all branches, kvar; negative where line charging dominates} */
    public double totalQLossKvar() {
        double s = 0;
        for (double v : qLossKvar) {
            s += v;
        }
        return s;
    }

    /** {@return {@code true} if the status is {@link PowerFlowStatus#CONVERGED}; only then are the voltages a solution} */
    public boolean converged() {
        return status == PowerFlowStatus.CONVERGED;
    }

    /**
     * Builds the result from complex bus voltages (feeder bus index order): branch flows and losses
     * from the MATPOWER branch model, slack injection from the slack's branches, shunt and load.
     */
    static PowerFlowResult fromVoltages(Feeder f, String method, PowerFlowStatus status, int iterations,
                                        double mismatch, double[] vRe, double[] vIm, double[] pInjKw,
                                        double[] qInjKvar) {
        int n = f.busCount();
        int m = f.branchCount();
        double kw = 1000.0 * f.baseMva();
        double[] vm = new double[n];
        double[] va = new double[n];
        for (int i = 0; i < n; i++) {
            vm[i] = Math.hypot(vRe[i], vIm[i]);
            va[i] = Math.toDegrees(Math.atan2(vIm[i], vRe[i]));
        }
        double[] pf = new double[m];
        double[] qf = new double[m];
        double[] pt = new double[m];
        double[] qt = new double[m];
        double[] pl = new double[m];
        double[] ql = new double[m];
        int s = f.slackIndex();
        double slackP = 0;
        double slackQ = 0;
        for (int b = 0; b < m; b++) {
            Branch br = f.branches().get(b);
            int fi = f.fromIndex(b);
            int ti = f.toIndex(b);
            double t = br.tap();
            double sh = Math.toRadians(br.shiftDeg());
            // V_fm = V_f / a
            double aRe = t * Math.cos(sh);
            double aIm = t * Math.sin(sh);
            double a2 = t * t;
            double vfmRe = (vRe[fi] * aRe + vIm[fi] * aIm) / a2;
            double vfmIm = (vIm[fi] * aRe - vRe[fi] * aIm) / a2;
            double dRe = vfmRe - vRe[ti];
            double dIm = vfmIm - vIm[ti];
            double r = br.rPu();
            double x = br.xPu();
            double zz = r * r + x * x;
            // I_s = (V_fm - V_t) / z
            double isRe = (dRe * r + dIm * x) / zz;
            double isIm = (dIm * r - dRe * x) / zz;
            double hb = br.bPu() / 2;
            // I_f = (I_s + j hb V_fm) / conj(a)  = (I_s + j hb V_fm) * a / |a|^2
            double uRe = isRe - hb * vfmIm;
            double uIm = isIm + hb * vfmRe;
            double ifRe = (uRe * aRe - uIm * aIm) / a2;
            double ifIm = (uRe * aIm + uIm * aRe) / a2;
            // I_t = -I_s + j hb V_t
            double itRe = -isRe - hb * vIm[ti];
            double itIm = -isIm + hb * vRe[ti];
            // S = V conj(I)
            pf[b] = (vRe[fi] * ifRe + vIm[fi] * ifIm) * kw;
            qf[b] = (vIm[fi] * ifRe - vRe[fi] * ifIm) * kw;
            pt[b] = (vRe[ti] * itRe + vIm[ti] * itIm) * kw;
            qt[b] = (vIm[ti] * itRe - vRe[ti] * itIm) * kw;
            double d2 = (dRe * dRe + dIm * dIm) / zz;
            pl[b] = d2 * r * kw;
            ql[b] = d2 * x * kw;
            if (fi == s) {
                slackP += pf[b];
                slackQ += qf[b];
            } else if (ti == s) {
                slackP += pt[b];
                slackQ += qt[b];
            }
        }
        Bus sb = f.buses().get(s);
        double v2 = vm[s] * vm[s];
        slackP += sb.pLoadKw() - sb.pGenKw() + sb.gsKw() * v2 - (pInjKw == null ? 0 : pInjKw[s]);
        slackQ += sb.qLoadKvar() - sb.qGenKvar() - sb.bsKvar() * v2 - (qInjKvar == null ? 0 : qInjKvar[s]);
        return new PowerFlowResult(method, status, iterations, mismatch, vm, va, pf, qf, pt, qt, pl, ql, slackP,
                slackQ);
    }
}
