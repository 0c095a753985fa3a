package org.peerclear.solver.ortools;

import java.util.Random;

import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;

/**
 * Seeded random market problems, feasible by construction (all-zero is feasible) and bounded
 * (every variable has finite bounds), with continuous random data so that the optimum is
 * non-degenerate with probability one and the duals are unique.
 */
final class RandomMarkets {
    private RandomMarkets() {
    }

    /**
     * A P2P market QP: agent i injects p_i (producers in [0, cap], consumers in [−cap, 0]) at
     * cost ½a·p² + b·p, trades t_ik ∈ [−T, T] with each partner at cost ½ε·t², one balance row
     * p_i − Σ_k t_ik = 0 per agent and one reciprocity row t_ik + t_ki = 0 per pair.
     */
    static Problem qp(long seed, int agents, int partners) {
        Random r = new Random(seed);
        ProblemBuilder b = new ProblemBuilder("marketQp" + seed);
        int[] p = new int[agents];
        for (int i = 0; i < agents; i++) {
            double cap = 5 + 10 * r.nextDouble();
            boolean producer = i % 2 == 0;
            p[i] = b.addVariable("p" + i, producer ? 0 : -cap, producer ? cap : 0);
            b.addQuadratic(p[i], p[i], 0.1 + r.nextDouble());
            b.addLinear(p[i], producer ? 1 + 10 * r.nextDouble() : 15 + 10 * r.nextDouble());
        }
        int[][] trades = new int[agents][];
        int[] count = new int[agents];
        for (int i = 0; i < agents; i++) {
            trades[i] = new int[2 * partners + 2];
        }
        for (int i = 0; i < agents; i += 2) {
            for (int d = 0; d < partners; d++) {
                int k = (i + 1 + 2 * ((d + r.nextInt(agents / 2)) % (agents / 2))) % agents;
                // Different limits on the two sides: equal ones would let both bind together with
                // the reciprocity row, a degenerate vertex whose pair dual is not unique.
                double limit = 2 + 8 * r.nextDouble();
                double other = limit * (1.2 + r.nextDouble());
                int tik = b.addVariable("t" + i + "_" + k + "_" + d, -limit, limit);
                int tki = b.addVariable("t" + k + "_" + i + "_" + d, -other, other);
                b.addQuadratic(tik, tik, 0.01 + 0.02 * r.nextDouble());
                b.addQuadratic(tki, tki, 0.01 + 0.02 * r.nextDouble());
                b.addRow("pair" + i + "_" + k + "_" + d, new int[] {tik, tki}, new double[] {1, 1}, Sense.EQUAL, 0);
                trades[i][count[i]++] = tik;
                trades[k][count[k]++] = tki;
            }
        }
        for (int i = 0; i < agents; i++) {
            int[] cols = new int[count[i] + 1];
            double[] vals = new double[count[i] + 1];
            cols[0] = p[i];
            vals[0] = 1;
            for (int t = 0; t < count[i]; t++) {
                cols[t + 1] = trades[i][t];
                vals[t + 1] = -1;
            }
            b.addRow("balance" + i, cols, vals, Sense.EQUAL, 0);
        }
        return b.build();
    }

    /**
     * A transport-style market LP: producers p_i ∈ [0, cap] at cost c_i, consumers d_k ∈ [0, dmax]
     * with utility u_k, trades t_ik ∈ [0, tcap] on random pairs at a small cost, balance rows
     * p_i − Σ t_ik = 0 (=), Σ t_ik − d_k ≥ 0 (served at least consumed) and a ≤ row capping
     * each producer's total exports.
     */
    static Problem lp(long seed, int producers, int consumers, int partners) {
        Random r = new Random(seed);
        ProblemBuilder b = new ProblemBuilder("marketLp" + seed);
        int[] p = new int[producers];
        int[] d = new int[consumers];
        for (int i = 0; i < producers; i++) {
            p[i] = b.addVariable("p" + i, 0, 5 + 10 * r.nextDouble());
            b.addLinear(p[i], 1 + 10 * r.nextDouble());
        }
        for (int k = 0; k < consumers; k++) {
            d[k] = b.addVariable("d" + k, 0, 5 + 10 * r.nextDouble());
            b.addLinear(d[k], -(8 + 10 * r.nextDouble()));
        }
        int[][] out = new int[producers][partners];
        int[][] in = new int[consumers][producers * partners];
        int[] inCount = new int[consumers];
        for (int i = 0; i < producers; i++) {
            for (int s = 0; s < partners; s++) {
                int k = r.nextInt(consumers);
                out[i][s] = b.addVariable("t" + i + "_" + s, 0, 1 + 6 * r.nextDouble());
                b.addLinear(out[i][s], 0.1 + r.nextDouble());
                in[k][inCount[k]++] = out[i][s];
            }
        }
        for (int i = 0; i < producers; i++) {
            int[] cols = new int[partners + 1];
            double[] vals = new double[partners + 1];
            cols[0] = p[i];
            vals[0] = 1;
            for (int s = 0; s < partners; s++) {
                cols[s + 1] = out[i][s];
                vals[s + 1] = -1;
            }
            b.addRow("produced" + i, cols, vals, Sense.EQUAL, 0);
            double[] ones = new double[partners];
            java.util.Arrays.fill(ones, 1);
            b.addRow("exportCap" + i, out[i], ones, Sense.LESS_EQUAL, 3 + 8 * r.nextDouble());
        }
        for (int k = 0; k < consumers; k++) {
            int[] cols = new int[inCount[k] + 1];
            double[] vals = new double[inCount[k] + 1];
            for (int t = 0; t < inCount[k]; t++) {
                cols[t] = in[k][t];
                vals[t] = 1;
            }
            cols[inCount[k]] = d[k];
            vals[inCount[k]] = -1;
            b.addRow("served" + k, cols, vals, Sense.GREATER_EQUAL, 0);
        }
        return b.build();
    }
}
