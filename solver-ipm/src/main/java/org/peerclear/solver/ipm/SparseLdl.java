package org.peerclear.solver.ipm;

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

    private final int n;
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

    /** Symbolic phase for the pattern {@code ap}/{@code ai} (kept by reference: the pattern must not change). */
    SparseLdl(int n, int[] ap, int[] ai) {
        this.n = n;
        this.ap = ap;
        this.ai = ai;
        this.etree = new int[n];
        this.lnz = new int[n];
        int[] work = new int[n];
        for (int i = 0; i < n; i++) {
            etree[i] = -1;
            work[i] = -1;
        }
        long total = 0;
        for (int j = 0; j < n; j++) {
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
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("The factor would have " + total + " non-zeros");
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

    /** Numeric factorisation of the values {@code ax} on the pattern given at construction. */
    void factor(double[] ax) {
        repairedPivots = 0;
        for (int i = 0; i < n; i++) {
            yMarkers[i] = UNUSED;
            yVals[i] = 0.0;
            nextSpace[i] = lp[i];
        }
        for (int k = 0; k < n; k++) {
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
