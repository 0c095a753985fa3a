package org.peerclear.clearing.admm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;

/**
 * The small QP of the horizon's local steps against an independent solver (ojAlgo's, on the
 * same problem with each |x| as an epigraph variable) and against its own optimality
 * conditions, checked here from scratch; the check is shown to catch a corrupted answer.
 */
class SeparableQpTest {
    /** A random banded QP in the shape of a local step: blocks of variables per period, rows within and between neighbours. */
    private record Case(int n, int m, double[][] a, double[] b, double[] h, double[] g, double[] gam, double[] lo, double[] hi,
                        double[] x0) {
        SeparableQp qp() {
            int[] colStart = new int[n + 1];
            int nnz = 0;
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < m; r++) {
                    nnz += a[r][i] != 0 ? 1 : 0;
                }
                colStart[i + 1] = nnz;
            }
            int[] rowIdx = new int[nnz];
            double[] val = new double[nnz];
            int e = 0;
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < m; r++) {
                    if (a[r][i] != 0) {
                        rowIdx[e] = r;
                        val[e++] = a[r][i];
                    }
                }
            }
            SeparableQp q = new SeparableQp(m, colStart, rowIdx, val, b.clone());
            System.arraycopy(h, 0, q.h, 0, n);
            System.arraycopy(g, 0, q.g, 0, n);
            System.arraycopy(gam, 0, q.gam, 0, n);
            System.arraycopy(lo, 0, q.lo, 0, n);
            System.arraycopy(hi, 0, q.hi, 0, n);
            System.arraycopy(x0, 0, q.x, 0, n);
            q.resetState();
            return q;
        }

        double objective(double[] x) {
            double o = 0;
            for (int i = 0; i < n; i++) {
                o += 0.5 * h[i] * x[i] * x[i] + g[i] * x[i] + gam[i] * Math.abs(x[i]);
            }
            return o;
        }

        /** The same problem for a general solver: |x_i| through u_i ≥ ±x_i at cost gamma_i u_i. */
        Problem problem() {
            ProblemBuilder pb = new ProblemBuilder("separable-qp");
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = pb.addVariable("x" + i, lo[i], hi[i]);
                pb.addLinear(v[i], g[i]);
                if (h[i] > 0) {
                    pb.addQuadratic(v[i], v[i], h[i]);
                }
                if (gam[i] > 0) {
                    int u = pb.addVariable("u" + i, 0, Double.POSITIVE_INFINITY);
                    pb.addLinear(u, gam[i]);
                    pb.addRow("up" + i, new int[] {u, v[i]}, new double[] {1, -1}, Sense.GREATER_EQUAL, 0);
                    pb.addRow("dn" + i, new int[] {u, v[i]}, new double[] {1, 1}, Sense.GREATER_EQUAL, 0);
                }
            }
            for (int r = 0; r < m; r++) {
                int c = 0;
                for (int i = 0; i < n; i++) {
                    c += a[r][i] != 0 ? 1 : 0;
                }
                int[] cols = new int[c];
                double[] vals = new double[c];
                c = 0;
                for (int i = 0; i < n; i++) {
                    if (a[r][i] != 0) {
                        cols[c] = v[i];
                        vals[c++] = a[r][i];
                    }
                }
                pb.addRow("row" + r, cols, vals, Sense.EQUAL, b[r]);
            }
            return pb.build();
        }

        /**
         * The largest violation of the optimality conditions of (x, y), from the definitions:
         * rows and bounds hold, and each variable's reduced cost {@code h x + g − aᵀy} is in
         * minus the subdifferential of {@code gamma|x|} plus the normal cone of its bounds.
         */
        double kktViolation(double[] x, double[] y) {
            double worst = 0;
            for (int r = 0; r < m; r++) {
                double act = -b[r];
                for (int i = 0; i < n; i++) {
                    act += a[r][i] * x[i];
                }
                worst = Math.max(worst, Math.abs(act));
            }
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.max(lo[i] - x[i], x[i] - hi[i]));
                double rc = h[i] * x[i] + g[i];
                for (int r = 0; r < m; r++) {
                    rc -= a[r][i] * y[r];
                }
                // The derivatives of the cost to the left and right of x, less aᵀy.
                double left = rc + (x[i] > 0 ? gam[i] : -gam[i]);
                double right = rc + (x[i] < 0 ? -gam[i] : gam[i]);
                boolean atLo = x[i] <= lo[i] + 1e-12;
                boolean atHi = x[i] >= hi[i] - 1e-12;
                if (!atLo) {
                    worst = Math.max(worst, left); // moving down must not pay: left ≤ 0
                }
                if (!atHi) {
                    worst = Math.max(worst, -right); // moving up must not pay: right ≥ 0
                }
            }
            return worst;
        }
    }

    private static Case randomCase(Random rnd) {
        int blocks = 2 + rnd.nextInt(6);
        int k = 2 + rnd.nextInt(3);
        int n = blocks * k;
        int m = blocks + rnd.nextInt(blocks);
        double[][] a = new double[m][n];
        for (int r = 0; r < m; r++) {
            int blk = r % blocks;
            // Within its block and the next: banded, as a store's energy rows.
            for (int i = blk * k; i < Math.min(n, (blk + 2) * k); i++) {
                if (rnd.nextInt(3) > 0) {
                    a[r][i] = rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? 1 : -1) : rnd.nextGaussian();
                }
            }
        }
        double[] h = new double[n];
        double[] g = new double[n];
        double[] gam = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = rnd.nextBoolean() ? 0.0 : 0.1 + 2 * rnd.nextDouble();
            g[i] = rnd.nextGaussian();
            gam[i] = rnd.nextInt(3) == 0 ? 0.5 * rnd.nextDouble() : 0.0;
            if (h[i] > 0 && rnd.nextInt(3) == 0) {
                lo[i] = Double.NEGATIVE_INFINITY;
                hi[i] = Double.POSITIVE_INFINITY;
                x0[i] = rnd.nextGaussian();
            } else {
                lo[i] = rnd.nextInt(4) == 0 ? 0.2 * rnd.nextDouble() : -2 * rnd.nextDouble();
                hi[i] = rnd.nextInt(8) == 0 ? lo[i] : lo[i] + 3 * rnd.nextDouble();
                x0[i] = lo[i] + (hi[i] - lo[i]) * rnd.nextDouble();
            }
        }
        double[] b = new double[m];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                b[r] += a[r][i] * x0[i];
            }
        }
        return new Case(n, m, a, b, h, g, gam, lo, hi, x0);
    }

    @Test
    void agreesWithAGeneralSolverAndItsOwnOptimalityConditionsOnRandomBandedQps() {
        Random rnd = new Random(11);
        var ojalgo = SolverRegistry.load().get("ojalgo");
        int compared = 0;
        for (int trial = 0; trial < 300; trial++) {
            Case c = randomCase(rnd);
            SeparableQp qp = c.qp();
            assertThat(qp.solve()).as("trial " + trial + ": " + qp.failure()).isTrue();
            assertThat(c.kktViolation(qp.x, qp.y)).as("trial " + trial).isLessThan(1e-9);
            Problem problem = c.problem();
            Solution s = ojalgo.solve(problem, SolverParameters.DEFAULT);
            double mine = c.objective(qp.x);
            double scale = Math.max(1, Math.abs(mine));
            // No point the other solver finds is better than ours.
            if (s.status().hasSolution()) {
                assertThat(mine).as("trial " + trial).isLessThanOrEqualTo(s.objective() + 1e-9 * scale);
            }
            // Where the other solver's own answer passes its KKT certificate, the optima agree.
            if (s.status() == Status.OPTIMAL && s.hasDuals() && OptimalityCertificate.of(problem, s).holds(1e-9)) {
                assertThat(Math.abs(mine - s.objective())).as("trial " + trial + ": " + mine + " against " + s.objective())
                        .isLessThan(1e-8 * scale);
                compared++;
            }
        }
        assertThat(compared).as("trials the general solver finished").isGreaterThan(200);
    }

    @Test
    void aWarmStartFromAnotherObjectiveReachesTheSameOptimumAsACold() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            Case c = randomCase(rnd);
            SeparableQp warm = c.qp();
            double[] g0 = c.g().clone();
            for (int i = 0; i < c.n(); i++) {
                warm.g[i] = g0[i] + rnd.nextGaussian();
            }
            assertThat(warm.solve()).as(warm.failure()).isTrue();
            System.arraycopy(g0, 0, warm.g, 0, c.n());
            assertThat(warm.solve()).as(warm.failure()).isTrue();
            SeparableQp cold = c.qp();
            assertThat(cold.solve()).isTrue();
            assertThat(c.kktViolation(warm.x, warm.y)).isLessThan(1e-9);
            assertThat(Math.abs(c.objective(warm.x) - c.objective(cold.x))).isLessThan(1e-9 * Math.max(1, Math.abs(c.objective(cold.x))));
        }
    }

    @Test
    void theOptimalityCheckCatchesACorruptedAnswer() {
        Random rnd = new Random(3);
        int caught = 0;
        for (int trial = 0; trial < 50; trial++) {
            Case c = randomCase(rnd);
            SeparableQp qp = c.qp();
            assertThat(qp.solve()).isTrue();
            assertThat(c.kktViolation(qp.x, qp.y)).isLessThan(1e-9);
            // A point moved along a variable that some row holds, and a multiplier moved on a row
            // with a variable strictly inside its piece: each must fail the check the answer passes.
            int i = rnd.nextInt(c.n());
            while (!inSomeRow(c, i)) {
                i = (i + 1) % c.n();
            }
            double[] x = qp.x.clone();
            x[i] += 0.1;
            boolean movedCaught = c.kktViolation(x, qp.y) > 1e-3;
            int r = rowWithAFreeVariable(c, qp.x);
            boolean yCaught = true;
            if (r >= 0) {
                double[] y = qp.y.clone();
                y[r] += 0.1;
                yCaught = c.kktViolation(qp.x, y) > 1e-3;
            }
            if (movedCaught && yCaught) {
                caught++;
            }
        }
        assertThat(caught).isEqualTo(50);
    }

    private static boolean inSomeRow(Case c, int i) {
        for (int r = 0; r < c.m(); r++) {
            if (Math.abs(c.a()[r][i]) > 0.1) {
                return true;
            }
        }
        return false;
    }

    private static int rowWithAFreeVariable(Case c, double[] x) {
        for (int r = 0; r < c.m(); r++) {
            for (int i = 0; i < c.n(); i++) {
                boolean inside = x[i] > c.lo()[i] + 1e-6 && x[i] < c.hi()[i] - 1e-6 && (c.gam()[i] == 0 || Math.abs(x[i]) > 1e-6);
                if (Math.abs(c.a()[r][i]) > 0.1 && inside) {
                    return r;
                }
            }
        }
        return -1;
    }
}
