package org.peerclear.solver.ipm;

import java.util.Arrays;
import java.util.Locale;

/**
 * The Newton system of the interior-point method,
 *
 * <pre>
 *   H·dx − Aᵀ·dy = r1
 *   A·dx         = r2        (H diagonal: Q plus the barrier terms Z/S)
 * </pre>
 *
 * solved by eliminating dx: {@code (A·(H+ρI)⁻¹·Aᵀ + δI)·dy = r2 − A·(H+ρI)⁻¹·r1}, then
 * {@code dx = (H+ρI)⁻¹·(r1 + Aᵀ·dy)}.
 *
 * <p>Why the normal equations and not the augmented system: with a diagonal H, eliminating every
 * variable first is what a fill-reducing ordering of the quasi-definite augmented system would
 * do anyway unless a column is dense, and the market problems have no dense column (a trade
 * variable sits in two rows, an asset's power in one balance row and at most a few feeder
 * rows). The normal matrix is only m × m and symmetric positive definite, so one
 * {@link SparseLdl} without pivoting serves. A dense column (k entries) would add k² entries:
 * that is the known limitation of this choice.
 *
 * <p>Regularisation: ρ ({@link IpmSettings#PRIMAL_REGULARISATION}) makes H+ρI invertible on free
 * variables without curvature; δ ({@link IpmSettings#DUAL_REGULARISATION}) keeps the normal
 * matrix definite when rows are dependent. Both are removed by iterative refinement on the
 * unregularised system above (at most {@link IpmSettings#REFINEMENT_PASSES} passes).
 *
 * <p>Structure reused every iteration: the approximate minimum-degree ordering ({@link ApproximateMinimumDegree}), the
 * symbolic factorisation, and an assembly map that sends each product {@code A_ij·A_kj} of a
 * column to its slot in the permuted upper triangle. Nothing is allocated after construction.
 */
final class NormalEquations {
    private final int n;
    private final int m;
    private final int[] colStart;
    private final int[] rowIndex;
    private final double[] value;
    /** perm[k] = row eliminated k-th; inverse[row] = k. */
    private final int[] perm;
    private final int[] inverse;
    private final int[] diagonalSlot;
    /** For each column j, pairs pairStart[j]..pairStart[j+1]: slot in mx and product A_ij·A_kj. */
    private final int[] pairStart;
    private final int[] pairSlot;
    private final double[] pairProduct;
    private final double[] mx;
    private final SparseLdl ldl;
    // Work arrays.
    private final double[] hTrue;
    private final double[] hinv;
    private final double[] tm;
    private final double[] tn;
    private final double[] e1;
    private final double[] e2;
    private final double[] cx;
    private final double[] cy;

    /** Seconds spent in the ordering and in the symbolic factorisation (for the log). */
    final double orderingSeconds;
    final double symbolicSeconds;

    /**
     * Builds the pattern, the ordering and the symbolic factorisation.
     *
     * @param deadlineNanos checked by the ordering, the symbolic and every numeric factorisation
     *                      ({@link DeadlineException#NONE} for none)
     * @param factorBudget  largest number of factor non-zeros accepted ({@link IpmSettings#FACTOR_NONZERO_BUDGET})
     * @throws DeadlineException     when the deadline passes in the ordering or the symbolic factorisation
     * @throws FactorBudgetException when the factor would exceed the budget
     */
    NormalEquations(StandardForm f, long deadlineNanos, long factorBudget) {
        this.n = f.n;
        this.m = f.m;
        this.colStart = f.colStart;
        this.rowIndex = f.rowIndex;
        this.value = f.value;
        // Row-wise pattern of A, to build the graph of A·Aᵀ.
        int[] rowPtr = new int[m + 1];
        for (int k = 0; k < colStart[n]; k++) {
            rowPtr[rowIndex[k] + 1]++;
        }
        for (int i = 0; i < m; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        int[] rowCols = new int[colStart[n]];
        int[] fill = Arrays.copyOf(rowPtr, m);
        for (int j = 0; j < n; j++) {
            for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                rowCols[fill[rowIndex[k]]++] = j;
            }
        }
        int[][] graph = graph(m, rowPtr, rowCols, colStart, rowIndex);
        int[] adjStart = graph[0];
        int[] adjacent = graph[1];
        long t0 = System.nanoTime();
        perm = ApproximateMinimumDegree.order(m, adjStart, adjacent, deadlineNanos);
        long t1 = System.nanoTime();
        orderingSeconds = (t1 - t0) / 1e9;
        inverse = new int[m];
        for (int k = 0; k < m; k++) {
            inverse[perm[k]] = k;
        }
        // Upper triangle of the permuted matrix, column by column, rows sorted.
        int[] ap = new int[m + 1];
        for (int i = 0; i < m; i++) {
            int pi = inverse[i];
            ap[pi + 1]++; // diagonal
            for (int p = adjStart[i]; p < adjStart[i + 1]; p++) {
                if (inverse[adjacent[p]] < pi) {
                    ap[pi + 1]++;
                }
            }
        }
        for (int k = 0; k < m; k++) {
            ap[k + 1] += ap[k];
        }
        int[] ai = new int[ap[m]];
        for (int i = 0; i < m; i++) {
            int pi = inverse[i];
            int at = ap[pi];
            ai[at++] = pi;
            for (int p = adjStart[i]; p < adjStart[i + 1]; p++) {
                int pr = inverse[adjacent[p]];
                if (pr < pi) {
                    ai[at++] = pr;
                }
            }
            Arrays.sort(ai, ap[pi], ap[pi + 1]);
        }
        diagonalSlot = new int[m];
        for (int i = 0; i < m; i++) {
            int pi = inverse[i];
            diagonalSlot[i] = ap[pi + 1] - 1;
        }
        pairStart = new int[n + 1];
        long pairs = 0;
        for (int j = 0; j < n; j++) {
            long len = colStart[j + 1] - colStart[j];
            pairs += len * (len + 1) / 2;
            if (pairs > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("Normal equations too dense: column " + j + " has " + len + " entries");
            }
            pairStart[j + 1] = (int) pairs;
        }
        pairSlot = new int[(int) pairs];
        pairProduct = new double[(int) pairs];
        int at = 0;
        for (int j = 0; j < n; j++) {
            for (int a = colStart[j]; a < colStart[j + 1]; a++) {
                for (int bb = a; bb < colStart[j + 1]; bb++) {
                    int pa = inverse[rowIndex[a]];
                    int pb = inverse[rowIndex[bb]];
                    int col = Math.max(pa, pb);
                    int row = Math.min(pa, pb);
                    int slot = Arrays.binarySearch(ai, ap[col], ap[col + 1], row);
                    pairSlot[at] = slot;
                    pairProduct[at++] = value[a] * value[bb];
                }
            }
        }
        mx = new double[ai.length];
        try {
            ldl = new SparseLdl(m, ap, ai, deadlineNanos, factorBudget);
        } catch (FactorBudgetException e) {
            throw new FactorBudgetException(String.format(Locale.ROOT, "%s; %d rows, ordering %.1f s, symbolic factorisation %.1f s",
                    e.getMessage(), m, orderingSeconds, (System.nanoTime() - t1) / 1e9));
        }
        symbolicSeconds = (System.nanoTime() - t1) / 1e9;
        hTrue = new double[n];
        hinv = new double[n];
        tm = new double[m];
        tn = new double[n];
        e1 = new double[n];
        e2 = new double[m];
        cx = new double[n];
        cy = new double[m];
    }

    /** The graph of A·Aᵀ without its diagonal, as CSR adjacency {start, adjacent}. */
    private static int[][] graph(int m, int[] rowPtr, int[] rowCols, int[] colStart, int[] rowIndex) {
        int[] mark = new int[m];
        int[] adjStart = new int[m + 1];
        int[] adjacent = null;
        for (int pass = 0; pass < 2; pass++) {
            Arrays.fill(mark, -1);
            for (int i = 0; i < m; i++) {
                mark[i] = i;
                int count = 0;
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int j = rowCols[p];
                    for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                        int r = rowIndex[k];
                        if (mark[r] != i) {
                            mark[r] = i;
                            if (adjacent != null) {
                                adjacent[adjStart[i] + count] = r;
                            }
                            count++;
                        }
                    }
                }
                if (pass == 0) {
                    adjStart[i + 1] = adjStart[i] + count;
                }
            }
            if (pass == 0) {
                adjacent = new int[adjStart[m]];
            }
        }
        return new int[][] {adjStart, adjacent};
    }

    /** Solves and refinement passes so far (for the log). */
    int solves;
    int refinements;

    /** Flops of one numeric factorisation (Σ column count²). */
    double factorFlops() {
        return ldl.flops();
    }

    long factorNonZeros() {
        return ldl.factorNonZeros();
    }

    int repairedPivots() {
        return ldl.repairedPivots();
    }

    /** Assembles and factors A·(H+ρI)⁻¹·Aᵀ + δI for the diagonal h (kept for the refinement). */
    void factor(double[] h) {
        double rho = IpmSettings.PRIMAL_REGULARISATION;
        for (int j = 0; j < n; j++) {
            hTrue[j] = h[j];
            hinv[j] = 1.0 / (h[j] + rho);
        }
        Arrays.fill(mx, 0.0);
        double delta = IpmSettings.DUAL_REGULARISATION;
        for (int i = 0; i < m; i++) {
            mx[diagonalSlot[i]] = delta;
        }
        for (int j = 0; j < n; j++) {
            double d = hinv[j];
            for (int p = pairStart[j]; p < pairStart[j + 1]; p++) {
                mx[pairSlot[p]] += d * pairProduct[p];
            }
        }
        ldl.factor(mx);
    }

    /**
     * Solves the unregularised Newton system for the last factored h, refining the regularised
     * solution; r1 and r2 are not changed.
     */
    void solve(double[] r1, double[] r2, double[] dx, double[] dy) {
        solves++;
        solveRegularised(r1, r2, dx, dy);
        double rhsNorm = Math.max(norm(r1), norm(r2));
        double residual = residual(r1, r2, dx, dy);
        for (int pass = 0; pass < IpmSettings.REFINEMENT_PASSES
                && residual > IpmSettings.REFINEMENT_TOLERANCE * Math.max(1.0, rhsNorm); pass++) {
            refinements++;
            solveRegularised(e1, e2, cx, cy);
            for (int j = 0; j < n; j++) {
                dx[j] += cx[j];
            }
            for (int i = 0; i < m; i++) {
                dy[i] += cy[i];
            }
            double next = residual(r1, r2, dx, dy);
            if (!(next < 0.5 * residual)) {
                if (!(next <= residual)) { // worse: undo the correction
                    for (int j = 0; j < n; j++) {
                        dx[j] -= cx[j];
                    }
                    for (int i = 0; i < m; i++) {
                        dy[i] -= cy[i];
                    }
                }
                break;
            }
            residual = next;
        }
    }

    /** e1 = r1 − (H·dx − Aᵀ·dy), e2 = r2 − A·dx; returns the largest |entry|. */
    private double residual(double[] r1, double[] r2, double[] dx, double[] dy) {
        System.arraycopy(r2, 0, e2, 0, m);
        double worst = 0.0;
        for (int j = 0; j < n; j++) {
            double s = r1[j] - hTrue[j] * dx[j];
            double xj = dx[j];
            for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                s += value[k] * dy[rowIndex[k]];
                e2[rowIndex[k]] -= value[k] * xj;
            }
            e1[j] = s;
            worst = Math.max(worst, Math.abs(s));
        }
        for (int i = 0; i < m; i++) {
            worst = Math.max(worst, Math.abs(e2[i]));
        }
        return worst;
    }

    private void solveRegularised(double[] r1, double[] r2, double[] dx, double[] dy) {
        for (int i = 0; i < m; i++) {
            tm[inverse[i]] = r2[i];
        }
        for (int j = 0; j < n; j++) {
            double w = hinv[j] * r1[j];
            tn[j] = w;
            for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                tm[inverse[rowIndex[k]]] -= value[k] * w;
            }
        }
        ldl.solve(tm);
        for (int i = 0; i < m; i++) {
            dy[i] = tm[inverse[i]];
        }
        for (int j = 0; j < n; j++) {
            double s = r1[j];
            for (int k = colStart[j]; k < colStart[j + 1]; k++) {
                s += value[k] * dy[rowIndex[k]];
            }
            dx[j] = hinv[j] * s;
        }
    }

    private static double norm(double[] v) {
        double s = 0.0;
        for (double a : v) {
            s = Math.max(s, Math.abs(a));
        }
        return s;
    }
}
