package org.peerclear.solver.ipm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.Status;

/**
 * The approximate minimum-degree ordering against the exact one it replaced (kept in the tests
 * as {@link ExactMinimumDegree}), and the back-end's limits: the deadline in each phase, the
 * factor budget.
 */
class OrderingAndLimitsTest {
    /**
     * AMD's fill may exceed the exact minimum degree's by at most this factor. The literature
     * (Amestoy, Davis and Duff 1996) reports AMD within a few percent of exact minimum degree,
     * often better (ties are broken differently); 1.25 leaves room for small graphs where one
     * unlucky tie weighs more, and is far below what a poor ordering does (the arrow with its
     * hub first fills completely, the grid in natural order by a factor of about 3).
     */
    private static final double FILL_FACTOR = 1.25;

    @Test
    void theOrderIsAPermutationAndItsFillIsCloseToExactMinimumDegree() {
        Random rnd = new Random(11L);
        List<String> names = new ArrayList<>();
        List<List<int[]>> graphs = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        add(names, graphs, sizes, "arrow", 200, arrow(200));
        add(names, graphs, sizes, "path", 500, path(500));
        add(names, graphs, sizes, "grid 40x40", 1600, grid(40, 40));
        add(names, graphs, sizes, "grid 15x60", 900, grid(15, 60));
        for (int k = 0; k < 4; k++) {
            int n = 300 + 200 * k;
            add(names, graphs, sizes, "random " + n, n, random(rnd, n, 3 * n));
        }
        add(names, graphs, sizes, "cliques", 600, cliques(rnd, 600, 60, 8));
        for (int g = 0; g < names.size(); g++) {
            int n = sizes.get(g);
            int[][] csr = SparseLinearAlgebraTest.csr(n, graphs.get(g));
            int[] amd = ApproximateMinimumDegree.order(n, csr[0], csr[1], DeadlineException.NONE);
            assertPermutation(names.get(g), amd, n);
            long amdFill = fill(n, csr, amd);
            long exactFill = fill(n, csr, ExactMinimumDegree.order(n, csr[0], csr[1]));
            assertThat((double) amdFill).as(names.get(g) + ": AMD fill " + amdFill + ", exact minimum degree " + exactFill)
                    .isLessThanOrEqualTo(FILL_FACTOR * exactFill + n);
        }
    }

    @Test
    void aDenseRowIsOrderedLast() {
        int n = 400;
        List<int[]> edges = path(n);
        for (int v = 1; v < n; v++) {
            if (v != 1) {
                edges.add(new int[] {0, v});
            }
        }
        int[][] csr = SparseLinearAlgebraTest.csr(n, edges);
        int[] order = ApproximateMinimumDegree.order(n, csr[0], csr[1], DeadlineException.NONE);
        assertPermutation("path plus hub", order, n);
        assertThat(order[n - 1]).isZero();
    }

    @Test
    void theOrderingAndTheSymbolicFactorisationStopAtAPassedDeadline() {
        int[][] csr = SparseLinearAlgebraTest.csr(100, grid(10, 10));
        long passed = System.nanoTime() - 1;
        assertThatThrownBy(() -> ApproximateMinimumDegree.order(100, csr[0], csr[1], passed))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("ordering");
        int[][] upper = upper(100, csr, identity(100));
        assertThatThrownBy(() -> new SparseLdl(100, upper[0], upper[1], passed, Long.MAX_VALUE))
                .isInstanceOf(DeadlineException.class).hasMessageContaining("symbolic factorisation");
    }

    /** A tiny limit on a moderately large random LP: TIME_LIMIT, naming the phase that ran out, with a point. */
    @Test
    void aTinyTimeLimitOnALargeProblemNamesThePhaseThatRanOut() {
        Problem p = transport(new Random(2L), 20_000, 60_000);
        Solution s = new IpmBackend().solve(p, SolverParameters.DEFAULT.withTimeLimitSeconds(0.01));
        assertThat(s.status()).as(s.message()).isEqualTo(Status.TIME_LIMIT);
        assertThat(s.message()).containsPattern(
                "time limit ran out (in the (ordering|symbolic factorisation|numeric factorisation)|after iteration)");
        assertThat(s.hasPoint()).isTrue();
    }

    /** A budget smaller than any factor: the back-end declines with ERROR and says why, before iterating. */
    @Test
    void aFactorOverTheBudgetIsDeclined() {
        Problem p = transport(new Random(3L), 40, 120);
        assertThat(new IpmBackend().solve(p, SolverParameters.DEFAULT).status()).isEqualTo(Status.OPTIMAL);
        Solution s = new IpmBackend(5).solve(p, SolverParameters.DEFAULT);
        assertThat(s.status()).as(s.message()).isEqualTo(Status.ERROR);
        assertThat(s.message()).startsWith("interior point declined: factor of ").contains("non-zeros exceeds the budget of 5");
        assertThat(s.hasPoint()).isFalse();
    }

    /** min Σ c·x over x ≥ 0 with each column in two random rows; rows ≥ a positive demand (always feasible). */
    private static Problem transport(Random rnd, int rows, int columns) {
        ProblemBuilder b = new ProblemBuilder("transport-" + rows);
        List<List<Integer>> byRow = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            byRow.add(new ArrayList<>());
        }
        for (int j = 0; j < columns; j++) {
            int x = b.addVariable("x" + j, 0, Double.POSITIVE_INFINITY);
            b.addLinear(x, 1 + rnd.nextDouble());
            int r1 = j < rows ? j : rnd.nextInt(rows); // every row has a column
            int r2 = rnd.nextInt(rows);
            byRow.get(r1).add(x);
            if (r2 != r1) {
                byRow.get(r2).add(x);
            }
        }
        for (int i = 0; i < rows; i++) {
            int[] cols = byRow.get(i).stream().mapToInt(Integer::intValue).toArray();
            double[] vals = new double[cols.length];
            Arrays.fill(vals, 1.0);
            b.addRow("r" + i, cols, vals, Sense.GREATER_EQUAL, 1 + rnd.nextDouble());
        }
        return b.build();
    }

    private static void add(List<String> names, List<List<int[]>> graphs, List<Integer> sizes, String name, int n,
                            List<int[]> edges) {
        names.add(name);
        graphs.add(edges);
        sizes.add(n);
    }

    private static void assertPermutation(String name, int[] order, int n) {
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertThat(sorted).as(name).isEqualTo(identity(n));
    }

    private static int[] identity(int n) {
        int[] id = new int[n];
        for (int i = 0; i < n; i++) {
            id[i] = i;
        }
        return id;
    }

    /** Non-zeros of L (below the diagonal) for the graph eliminated in {@code order}. */
    private static long fill(int n, int[][] csr, int[] order) {
        int[][] upper = upper(n, csr, order);
        return new SparseLdl(n, upper[0], upper[1]).factorNonZeros();
    }

    /** The permuted upper triangle with its diagonal, CSC with sorted rows. */
    private static int[][] upper(int n, int[][] csr, int[] order) {
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[order[k]] = k;
        }
        List<List<Integer>> cols = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            cols.add(new ArrayList<>(List.of(k)));
        }
        for (int i = 0; i < n; i++) {
            for (int p = csr[0][i]; p < csr[0][i + 1]; p++) {
                int a = inverse[i];
                int b = inverse[csr[1][p]];
                if (a < b) {
                    cols.get(b).add(a);
                }
            }
        }
        int[] ap = new int[n + 1];
        List<Integer> ai = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Integer> c = cols.get(k);
            c.sort(null);
            ai.addAll(c);
            ap[k + 1] = ai.size();
        }
        return new int[][] {ap, ai.stream().mapToInt(Integer::intValue).toArray()};
    }

    private static List<int[]> arrow(int n) {
        List<int[]> e = new ArrayList<>();
        for (int v = 1; v < n; v++) {
            e.add(new int[] {0, v});
        }
        return e;
    }

    private static List<int[]> path(int n) {
        List<int[]> e = new ArrayList<>();
        for (int v = 1; v < n; v++) {
            e.add(new int[] {v - 1, v});
        }
        return e;
    }

    private static List<int[]> grid(int rows, int cols) {
        List<int[]> e = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = r * cols + c;
                if (c + 1 < cols) {
                    e.add(new int[] {v, v + 1});
                }
                if (r + 1 < rows) {
                    e.add(new int[] {v, v + cols});
                }
            }
        }
        return e;
    }

    /** Distinct random edges. */
    private static List<int[]> random(Random rnd, int n, int edges) {
        Set<Long> seen = new HashSet<>();
        List<int[]> e = new ArrayList<>();
        while (e.size() < edges) {
            int a = rnd.nextInt(n);
            int b = rnd.nextInt(n);
            if (a != b && seen.add((long) Math.min(a, b) * n + Math.max(a, b))) {
                e.add(new int[] {a, b});
            }
        }
        return e;
    }

    /** Overlapping cliques of a given size, the shape of balance rows joined by trades: many indistinguishable nodes. */
    private static List<int[]> cliques(Random rnd, int n, int count, int size) {
        Set<Long> seen = new HashSet<>();
        List<int[]> e = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int[] members = new int[size];
            for (int k = 0; k < size; k++) {
                members[k] = rnd.nextInt(n);
            }
            for (int a : members) {
                for (int b : members) {
                    if (a < b && seen.add((long) a * n + b)) {
                        e.add(new int[] {a, b});
                    }
                }
            }
        }
        return e;
    }
}
