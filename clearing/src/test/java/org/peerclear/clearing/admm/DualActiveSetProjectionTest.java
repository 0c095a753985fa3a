package org.peerclear.clearing.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The dual active-set projection against its optimality conditions. */
class DualActiveSetProjectionTest {
    /** Checks feasibility, multiplier signs, complementarity and stationarity g∘(x − y) = Σ mult_j n_j. */
    private static void assertKkt(double[][] rows, double[] c, double[] g, double[] y, double[] x, double[] mult) {
        int n = g.length;
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            grad[i] = g[i] * (x[i] - y[i]);
        }
        for (int j = 0; j < rows.length; j++) {
            double s = -c[j];
            for (int i = 0; i < n; i++) {
                s += rows[j][i] * x[i];
                grad[i] -= mult[j] * rows[j][i];
            }
            assertThat(s).as("slack of row " + j).isGreaterThanOrEqualTo(-1e-10);
            assertThat(mult[j]).as("multiplier " + j).isGreaterThanOrEqualTo(0.0);
            assertThat(mult[j] * s).as("complementarity " + j).isCloseTo(0.0, within(1e-10));
        }
        for (int i = 0; i < n; i++) {
            assertThat(grad[i]).as("stationarity " + i).isCloseTo(0.0, within(1e-10));
        }
    }

    @Test
    void projectsOntoRandomPolyhedraWithParallelAndDuplicateRows() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(8);
            int m = 1 + rnd.nextInt(16);
            double[][] rows = new double[m][n];
            double[] c = new double[m];
            double[] center = new double[n];
            for (int i = 0; i < n; i++) {
                center[i] = rnd.nextGaussian();
            }
            for (int j = 0; j < m; j++) {
                if (j > 0 && rnd.nextInt(4) == 0) {
                    // Nearly parallel to (or the same as) an earlier row, like neighbouring buses' voltage rows.
                    double f = 1.0 + (rnd.nextBoolean() ? 0.0 : 1e-6 * rnd.nextGaussian());
                    for (int i = 0; i < n; i++) {
                        rows[j][i] = rows[j - 1][i] * f;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        rows[j][i] = rnd.nextGaussian();
                    }
                }
                // Feasible by construction: the center satisfies every row with some slack.
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += rows[j][i] * center[i];
                }
                c[j] = s - rnd.nextDouble();
            }
            double[] g = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = 0.2 + rnd.nextDouble();
                y[i] = center[i] + 3 * rnd.nextGaussian();
            }
            DualActiveSetProjection proj = new DualActiveSetProjection(rows, c, g);
            double[] x = new double[n];
            double[] mult = new double[m];
            assertThat(proj.project(y, x, mult)).as("trial " + trial).isTrue();
            assertKkt(rows, c, g, y, x, mult);
        }
    }

    @Test
    void reportsInfeasibleLimits() {
        // x ≥ 1 and −x ≥ 0 (x ≤ 0): empty.
        DualActiveSetProjection proj = new DualActiveSetProjection(new double[][] {{1.0}, {-1.0}}, new double[] {1.0, 0.0}, new double[] {1.0});
        assertThat(proj.project(new double[] {0.5}, new double[1], new double[2])).isFalse();
    }

    @Test
    void aFeasiblePointIsItsOwnProjection() {
        DualActiveSetProjection proj = new DualActiveSetProjection(new double[][] {{1.0, 1.0}}, new double[] {0.0}, new double[] {1.0, 2.0});
        double[] x = new double[2];
        double[] mult = new double[1];
        assertThat(proj.project(new double[] {1.0, 2.0}, x, mult)).isTrue();
        assertThat(x).containsExactly(1.0, 2.0);
        assertThat(mult).containsExactly(0.0);
    }
}
