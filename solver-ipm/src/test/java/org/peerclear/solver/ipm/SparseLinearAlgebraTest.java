package org.peerclear.solver.ipm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The minimum-degree ordering and the sparse LDLᵀ on their own. */
class SparseLinearAlgebraTest {
    /**
     * An arrow: node 0 is joined to every other node. Eliminated first it fills everything;
     * minimum degree takes the leaves first (the hub ties with the last leaf at degree 1).
     */
    @Test
    void minimumDegreeLeavesTheHubOfAnArrowToTheEnd() {
        int n = 8;
        List<int[]> edges = new ArrayList<>();
        for (int v = 1; v < n; v++) {
            edges.add(new int[] {0, v});
        }
        int[][] g = csr(n, edges);
        int[] order = ApproximateMinimumDegree.order(n, g[0], g[1], DeadlineException.NONE);
        assertThat(order[n - 1] == 0 || order[n - 2] == 0).as(Arrays.toString(order)).isTrue();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    /** A random sparse SPD matrix: L·D·Lᵀ·x = b against the product with the matrix. */
    @Test
    void ldlSolvesARandomSparseDefiniteSystem() {
        Random rnd = new Random(3);
        int n = 40;
        double[][] a = new double[n][n];
        for (int k = 0; k < 80; k++) {
            int i = rnd.nextInt(n);
            int j = rnd.nextInt(n);
            double v = rnd.nextDouble() - 0.5;
            a[i][j] += v;
            a[j][i] += v;
        }
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += i == j ? 0 : Math.abs(a[i][j]);
            }
            a[i][i] = row + 0.5 + rnd.nextDouble(); // diagonally dominant: definite
        }
        int[] ap = new int[n + 1];
        List<Integer> rows = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                if (a[i][j] != 0) {
                    rows.add(i);
                    vals.add(a[i][j]);
                }
            }
            ap[j + 1] = rows.size();
        }
        SparseLdl ldl = new SparseLdl(n, ap, rows.stream().mapToInt(Integer::intValue).toArray());
        ldl.factor(vals.stream().mapToDouble(Double::doubleValue).toArray());
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextDouble();
        }
        double[] x = b.clone();
        ldl.solve(x);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * x[j];
            }
            assertThat(s).isCloseTo(b[i], within(1e-12));
        }
        assertThat(ldl.repairedPivots()).isZero();
    }

    /** Symmetric adjacency (CSR without the diagonal) of an edge list. */
    static int[][] csr(int n, List<int[]> edges) {
        int[] start = new int[n + 1];
        for (int[] e : edges) {
            start[e[0] + 1]++;
            start[e[1] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] adj = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int[] e : edges) {
            adj[fill[e[0]]++] = e[1];
            adj[fill[e[1]]++] = e[0];
        }
        return new int[][] {start, adj};
    }
}
