package org.peerclear.solver.ipm;

import java.util.Locale;

/**
 * Sparse LDLᵀ factorisation of a symmetric matrix given by its upper triangle in compressed
 * sparse column form (the row indices of column k are ≤ k, the diagonal present), after the
 * up-looking algorithm of QDLDL (Stellato et al.): the elimination tree and the column counts
 * of L are computed once for the pattern ({@link #SparseLdl}), each {@link #factor} then only
 * does arithmetic into arrays allocated once.
 *
 * <p>The matrices factored here are symmetric positive definite in exact arithmetic (normal
 * equations plus a dual regularisation). A pivot that round-off leaves at or below
 * {@link IpmSettings#ZERO_PIVOT} times its diagonal entry belongs to a numerically dependent row;
 * it is replaced by {@link IpmSettings#HUGE_PIVOT} so that the solve sets that component to
 * (almost) zero, the usual static-pivoting repair of interior-point codes.
 */
final class SparseLdl {
    private static final int UNUSED = 0;
    private static final int USED = 1;

    /** Columns between two looks at the clock (a column costs far more than System.nanoTime()). */
    private static final int DEADLINE_STRIDE = 16;

    private final int n;
    private final long deadline;
    private final double flops;
    private final int[] ap;
    private final int[] ai;
    private final int[] etree;
    private final int[] lnz;
    private final int[] lp;
    private final int[] li;
    private final double[] lx;
    private final double[] d;
    private final double[] dinv;
    // Work arrays of the numeric phase.
    private final int[] yMarkers;
    private final double[] yVals;
    private final int[] yIdx;
    private final int[] elimBuffer;
    private final int[] nextSpace;
    private int repairedPivots;

    /** Symbolic phase for the pattern {@code ap}/{@code ai} (kept by reference: the pattern must not change), without limits. */
    SparseLdl(int n, int[] ap, int[] ai) {
        this(n, ap, ai, DeadlineException.NONE, Long.MAX_VALUE);
    }

    /**
     * Symbolic phase with limits: the elimination tree and column counts are computed first,
     * checking the deadline every {@link #DEADLINE_STRIDE} columns; the factor is allocated only
     * if its non-zeros are within {@code nonZeroBudget} and, with a deadline, if
     * {@link IpmSettings#MIN_FACTORISATIONS} factorisations of Σ count² flops each can finish by it
     * at {@link IpmSettings#FACTOR_FLOP_RATE}.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value, or {@link DeadlineException#NONE}
     * @throws DeadlineException when the deadline passes ("symbolic factorisation")
     * @throws FactorBudgetException when the factor is over budget
     */
    SparseLdl(int n, int[] ap, int[] ai, long deadlineNanos, long nonZeroBudget) {
        this.n = n;
        this.ap = ap;
        this.ai = ai;
        this.deadline = deadlineNanos;
        this.etree = new int[n];
        this.lnz = new int[n];
        int[] work = new int[n];
        for (int i = 0; i < n; i++) {
            etree[i] = -1;
            work[i] = -1;
        }
        long total = 0;
        for (int j = 0; j < n; j++) {
            if (j % DEADLINE_STRIDE == 0 && DeadlineException.passed(deadline)) {
                throw new DeadlineException("symbolic factorisation", j, n);
            }
            work[j] = j;
            for (int p = ap[j]; p < ap[j + 1]; p++) {
                int i = ai[p];
                if (i > j) {
                    throw new IllegalArgumentException("Not an upper triangle: entry (" + i + ", " + j + ")");
                }
                while (work[i] != j) {
                    if (etree[i] == -1) {
                        etree[i] = j;
                    }
                    lnz[i]++;
                    total++;
                    work[i] = j;
                    i = etree[i];
                }
            }
        }
        // Flops of one factorisation: column i of L updates lnz[i] entries of each of lnz[i] later columns.
        double flops = 0.0;
        for (int i = 0; i < n; i++) {
            flops += (double) lnz[i] * lnz[i];
        }
        this.flops = flops;
        if (total > nonZeroBudget || total > Integer.MAX_VALUE - 8) {
            throw new FactorBudgetException(String.format(Locale.ROOT,
                    "factor of %d non-zeros exceeds the budget of %d (IpmSettings.FACTOR_NONZERO_BUDGET: %d bytes a"
                            + " non-zero; %.3g flops a factorisation)", total, Math.min(nonZeroBudget, Integer.MAX_VALUE - 8L),
                    Double.BYTES + Integer.BYTES, flops));
        }
        double left = DeadlineException.secondsLeft(deadline);
        if (left < Double.POSITIVE_INFINITY) {
            double needed = IpmSettings.MIN_FACTORISATIONS * flops / IpmSettings.FACTOR_FLOP_RATE;
            if (needed > left) {
                throw new FactorBudgetException(String.format(Locale.ROOT,
                        "factor of %d non-zeros exceeds the budget of the time limit: %.3g flops a factorisation, at least"
                                + " %d factorisations at %.3g flop/s take %.0f s, %.0f s are left", total, flops,
                        IpmSettings.MIN_FACTORISATIONS, IpmSettings.FACTOR_FLOP_RATE, needed, Math.max(left, 0.0)));
            }
        }
        lp = new int[n + 1];
        for (int i = 0; i < n; i++) {
            lp[i + 1] = lp[i] + lnz[i];
        }
        li = new int[(int) total];
        lx = new double[(int) total];
        d = new double[n];
        dinv = new double[n];
        yMarkers = new int[n];
        yVals = new double[n];
        yIdx = new int[n];
        elimBuffer = new int[n];
        nextSpace = new int[n];
    }

    /** Non-zeros of L below the diagonal. */
    long factorNonZeros() {
        return li.length;
    }

    /** Pivots replaced in the last {@link #factor} (numerically dependent rows). */
    int repairedPivots() {
        return repairedPivots;
    }

    /** Σ (column count)² of L: the flops of one numeric factorisation, to within a small factor. */
    double flops() {
        return flops;
    }

    /**
     * Numeric factorisation of the values {@code ax} on the pattern given at construction.
     *
     * @throws DeadlineException when the deadline given at construction passes ("numeric factorisation")
     */
    void factor(double[] ax) {
        repairedPivots = 0;
        for (int i = 0; i < n; i++) {
            yMarkers[i] = UNUSED;
            yVals[i] = 0.0;
            nextSpace[i] = lp[i];
        }
        for (int k = 0; k < n; k++) {
            if (k % DEADLINE_STRIDE == 0 && DeadlineException.passed(deadline)) {
                throw new DeadlineException("numeric factorisation", k, n);
            }
            int nnzY = 0;
            double diagonal = 0.0;
            for (int p = ap[k]; p < ap[k + 1]; p++) {
                int bidx = ai[p];
                if (bidx == k) {
                    diagonal += ax[p];
                    continue;
                }
                yVals[bidx] = ax[p];
                int next = bidx;
                if (yMarkers[next] == UNUSED) {
                    yMarkers[next] = USED;
                    elimBuffer[0] = next;
                    int nnzE = 1;
                    next = etree[bidx];
                    while (next != -1 && next < k) {
                        if (yMarkers[next] == USED) {
                            break;
                        }
                        yMarkers[next] = USED;
                        elimBuffer[nnzE++] = next;
                        next = etree[next];
                    }
                    while (nnzE > 0) {
                        yIdx[nnzY++] = elimBuffer[--nnzE];
                    }
                }
            }
            double pivot = diagonal;
            for (int i = nnzY - 1; i >= 0; i--) {
                int c = yIdx[i];
                int end = nextSpace[c];
                double yc = yVals[c];
                for (int j = lp[c]; j < end; j++) {
                    yVals[li[j]] -= lx[j] * yc;
                }
                li[end] = k;
                double l = yc * dinv[c];
                lx[end] = l;
                pivot -= yc * l;
                nextSpace[c] = end + 1;
                yVals[c] = 0.0;
                yMarkers[c] = UNUSED;
            }
            if (!(pivot > IpmSettings.ZERO_PIVOT * Math.abs(diagonal))) {
                pivot = IpmSettings.HUGE_PIVOT;
                repairedPivots++;
            }
            d[k] = pivot;
            dinv[k] = 1.0 / pivot;
        }
    }

    /** Solves L·D·Lᵀ·x = b in place. */
    void solve(double[] x) {
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            if (xi != 0.0) {
                for (int j = lp[i]; j < lp[i + 1]; j++) {
                    x[li[j]] -= lx[j] * xi;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] *= dinv[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int j = lp[i]; j < lp[i + 1]; j++) {
                s -= lx[j] * x[li[j]];
            }
            x[i] = s;
        }
    }
}
