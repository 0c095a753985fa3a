package org.peerclear.solver.ipm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.Status;
import org.peerclear.opt.Tolerances;
import org.peerclear.opt.ojalgo.OjAlgoBackend;

/**
 * Random feasible QPs with a diagonal Q (every variable without a finite box has curvature, so
 * an optimum exists), with free, one-sided, two-sided and fixed variables and ≤, ≥, = rows made
 * feasible by a random point: the interior point's objective against ojAlgo's, its point
 * certified by {@link OptimalityCertificate} at the exact tolerances, and the certificate failing
 * once the point or a dual is corrupted.
 */
class IpmRandomQpTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final int PROBLEMS = 12;
    /** A corruption well above the certificate's tolerance. */
    private static final double CORRUPTION = 1e-3;

    private final IpmBackend ipm = new IpmBackend();
    private final OjAlgoBackend ojalgo = new OjAlgoBackend();

    @Test
    void randomDiagonalQpsMatchOjAlgoAndAreCertified() {
        Random rnd = new Random(20240611L);
        for (int k = 0; k < PROBLEMS; k++) {
            Problem p = random(rnd, 15 + rnd.nextInt(25), 5 + rnd.nextInt(15), k % 3 == 0);
            Solution s = ipm.solve(p, SolverParameters.DEFAULT);
            Solution ref = ojalgo.solve(p, SolverParameters.DEFAULT);
            assertThat(s.status()).as(p.name() + ": " + s.message()).isEqualTo(Status.OPTIMAL);
            assertThat(ref.status()).as(p.name() + ": " + ref.message()).isEqualTo(Status.OPTIMAL);
            assertThat(Tolerances.relativeError(s.objective(), ref.objective()))
                    .as(p.name() + ": ipm " + s.objective() + " vs ojAlgo " + ref.objective())
                    .isLessThanOrEqualTo(Tolerances.AGREEMENT);
            OptimalityCertificate kkt = OptimalityCertificate.of(p, s);
            assertThat(kkt.holds(Tolerances.EXACT.kkt)).as(p.name() + " " + kkt).isTrue();
        }
    }

    @Test
    void theCertificateFailsOnACorruptedPointOrDual() {
        Problem p = random(new Random(5L), 30, 15, false);
        Solution s = ipm.solve(p, SolverParameters.DEFAULT);
        assertThat(s.status()).as(s.message()).isEqualTo(Status.OPTIMAL);
        double[] x = s.x();
        double[] y = s.duals().orElseThrow();
        assertThat(OptimalityCertificate.of(p, x, y).holds(Tolerances.EXACT.kkt)).isTrue();

        double[] xBad = x.clone();
        xBad[0] += CORRUPTION; // variable 0 is in row 0: the row or the stationarity breaks
        assertThat(OptimalityCertificate.of(p, xBad, y).holds(Tolerances.EXACT.kkt)).isFalse();

        int row = 0;
        while (Math.abs(y[row]) < CORRUPTION) {
            row++; // a row that binds
        }
        double[] yBad = y.clone();
        yBad[row] *= 1 + CORRUPTION / Math.abs(y[row]) * 10;
        OptimalityCertificate bad = OptimalityCertificate.of(p, x, yBad);
        assertThat(bad.holds(Tolerances.EXACT.kkt)).as(bad.toString()).isFalse();
    }

    /** A random feasible QP; with {@code lp}, curvature only where a variable's box is unbounded. */
    static Problem random(Random rnd, int n, int m, boolean lp) {
        ProblemBuilder b = new ProblemBuilder("random-" + n + "x" + m + (lp ? "-lp" : ""));
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            x0[j] = 4 * rnd.nextDouble() - 2;
            int kind = rnd.nextInt(5);
            double lo = kind == 1 || kind == 3 ? x0[j] - rnd.nextDouble() : -INF;
            double hi = kind == 2 || kind == 3 ? x0[j] + rnd.nextDouble() : INF;
            if (kind == 4 && j % 7 == 0) {
                lo = x0[j];
                hi = x0[j]; // fixed
            }
            int v = b.addVariable("x" + j, lo, hi);
            boolean boxed = Double.isFinite(lo) && Double.isFinite(hi);
            if (!boxed || !lp && rnd.nextBoolean()) {
                b.addQuadratic(v, v, 0.1 + 2 * rnd.nextDouble());
            }
            b.addLinear(v, 2 * rnd.nextDouble() - 1);
        }
        for (int i = 0; i < m; i++) {
            int len = 2 + rnd.nextInt(Math.min(5, n - 1));
            int[] cols = new int[len];
            double[] vals = new double[len];
            double act = 0;
            for (int k = 0; k < len; k++) {
                cols[k] = k == 0 ? i % n : rnd.nextInt(n);
                vals[k] = 2 * rnd.nextDouble() - 1;
                act += vals[k] * x0[cols[k]];
            }
            int kind = rnd.nextInt(3);
            Sense sense = kind == 0 ? Sense.EQUAL : kind == 1 ? Sense.LESS_EQUAL : Sense.GREATER_EQUAL;
            double gap = sense == Sense.EQUAL ? 0 : rnd.nextDouble() * (rnd.nextBoolean() ? 0.0 : 1.0);
            b.addRow("r" + i, cols, vals, sense, sense == Sense.GREATER_EQUAL ? act - gap : act + gap);
        }
        return b.build();
    }
}
