package org.peerclear.clearing.admm;

import java.util.Arrays;

import static org.peerclear.clearing.NumericalTolerances.LOCAL_QP_DUAL;
import static org.peerclear.clearing.NumericalTolerances.LOCAL_QP_FEASIBILITY;
import static org.peerclear.clearing.NumericalTolerances.LOCAL_QP_PIVOT;
import static org.peerclear.clearing.NumericalTolerances.LOCAL_QP_PROXIMAL_WEIGHT;
import static org.peerclear.clearing.NumericalTolerances.LOCAL_QP_REFINE;
import static org.peerclear.clearing.NumericalTolerances.LOCAL_QP_ROW_REGULARISATION;
import static org.peerclear.clearing.NumericalTolerances.LOCAL_QP_STEP;
import static org.peerclear.clearing.NumericalTolerances.UNDERFLOW_GUARD;

/**
 * A small convex QP with a separable objective and equality rows, solved exactly (to rounding)
 * by a primal active-set method:
 *
 * <pre>
 *   minimise  Σ_i ½ h_i x_i² + g_i x_i + γ_i |x_i|      (h_i ≥ 0, γ_i ≥ 0)
 *   subject to A x = b,   lo_i ≤ x_i ≤ hi_i
 * </pre>
 *
 * It is the local problem of an ADMM agent over a horizon ({@link HorizonLocalQp}): trades
 * (h = rho, γ = the arc's preference), assets, and the charge, discharge and energy of stores
 * (h = 0), coupled by the agent's balance in each period and its stores' energy rows. Every
 * breakpoint of a variable (a bound, or 0 where γ > 0) is a kink of its cost, so a variable is
 * either fixed at a breakpoint or free on the piece between two.
 *
 * <p>Each iteration solves the equality-constrained problem on the free variables (fixed ones
 * held) through its KKT system: variables with curvature are eliminated onto the rows (they
 * meet only their own period's balance, so that block stays small), the rows' multipliers and the
 * steps of the variables without curvature solved together by LU with partial pivoting, on a
 * band when the caller gives each row and variable a period ({@link #rowKey}, {@link #varKey}).
 * A step that leaves a variable's piece stops at the breakpoint and fixes it there; at the face's
 * minimiser the fixed variables whose one-sided derivatives disagree with the multipliers are
 * released, all at once (a warm start usually has few); a variable released into a step that
 * would take it off its piece at once is fixed again, and from then on the solve releases one
 * variable at a time, the most violated, the textbook rule. The face's minimiser is a descent
 * step from any point of the face, so the objective never rises. A face whose KKT system is singular
 * (more free variables without curvature than the rows pin down) is stepped through with a
 * small proximal term on those variables, whose step the next breakpoint blocks.
 *
 * <p>The result is a KKT point checked as such: stationarity on the free variables holds by
 * construction, the fixed variables' multipliers are tested against their one-sided derivatives
 * with {@link org.peerclear.clearing.NumericalTolerances#LOCAL_QP_DUAL}. Warm-started from the state the previous solve left (the same
 * feasible set, another objective), a solve in an ADMM run usually takes one or two systems.
 * All work arrays are allocated once; not thread-safe.
 */
final class SeparableQp {
    /** Refining steps at the end, at most (see {@link org.peerclear.clearing.NumericalTolerances#LOCAL_QP_REFINE}). */
    private static final int MAX_REFINEMENTS = 3;
    /** Systems solved per variable before a solve gives up (never reached on the tested markets). */
    private static final int ITERATIONS_PER_VARIABLE = 20;

    private static final byte FIXED = 0;
    private static final byte ON_NEGATIVE = 1;
    private static final byte ON_POSITIVE = 2;

    final int n;
    final int m;
    private final int[] colStart;
    private final int[] rowIdx;
    private final double[] val;
    final double[] rhs;
    final double[] h;
    final double[] g;
    final double[] gam;
    final double[] lo;
    final double[] hi;
    /** The point; feasible for the bounds on entry (rows may be off: the first step restores them). */
    final double[] x;
    /** Row multipliers (duals in the convention of {@code Problem}: the Lagrangian is f − yᵀ(Ax − b)). */
    final double[] y;
    private final byte[] state;
    private final boolean[] noRelease;
    private final double[] s;
    private final double[] res;
    private final int[] zeroCurv;
    /** The KKT system (row-major, dim × dim, only its band used) and its right-hand side; sized at the first solve. */
    private double[] kkt;
    private double[] sol;
    /**
     * The period of each row and variable (0 for all by default): the KKT system's unknowns are
     * ordered by it, so that a horizon's system is banded. Set by the caller before solving.
     */
    final int[] rowKey;
    final int[] varKey;
    private int[] keyCount;
    private final int[] pos;
    private final double[] sDiag;
    private int iterations;
    private String failure = "";

    SeparableQp(int m, int[] colStart, int[] rowIdx, double[] val, double[] rhs) {
        this.n = colStart.length - 1;
        this.m = m;
        this.colStart = colStart;
        this.rowIdx = rowIdx;
        this.val = val;
        this.rhs = rhs;
        h = new double[n];
        g = new double[n];
        gam = new double[n];
        lo = new double[n];
        hi = new double[n];
        x = new double[n];
        y = new double[m];
        state = new byte[n];
        noRelease = new boolean[n];
        s = new double[n];
        res = new double[m];
        zeroCurv = new int[n];
        kkt = new double[0];
        sol = new double[0];
        rowKey = new int[m];
        varKey = new int[n];
        keyCount = new int[2];
        pos = new int[m + n];
        sDiag = new double[m];
    }

    /** Puts every variable on the piece of its current value (fixed where that is a breakpoint); the start of a cold solve. */
    void resetState() {
        for (int i = 0; i < n; i++) {
            state[i] = isBreakpoint(i, x[i]) ? FIXED : (x[i] < 0 || (x[i] == 0 && hi[i] <= 0) ? ON_NEGATIVE : ON_POSITIVE);
        }
    }

    private boolean isBreakpoint(int i, double v) {
        return v == lo[i] || v == hi[i] || (v == 0.0 && gam[i] > 0.0);
    }

    int iterations() {
        return iterations;
    }

    String failure() {
        return failure;
    }

    /** Solves from the current point and working set; false (with {@link #failure()}) when it does not reach a KKT point. */
    boolean solve() {
        iterations = 0;
        int maxKey = 0;
        for (int v : rowKey) {
            maxKey = Math.max(maxKey, v);
        }
        for (int v : varKey) {
            maxKey = Math.max(maxKey, v);
        }
        if (keyCount.length != maxKey + 2) {
            keyCount = new int[maxKey + 2];
        }
        // The system holds the rows and the variables without curvature, never the trades: an
        // agent with a hundred partners over a day has thousands of those.
        int flat = 0;
        for (int i = 0; i < n; i++) {
            flat += h[i] == 0.0 ? 1 : 0;
        }
        int dimMax = m + flat;
        if (sol.length < dimMax) {
            kkt = new double[dimMax * dimMax];
            sol = new double[dimMax];
        }
        Arrays.fill(noRelease, false);
        double hMax = 0.0;
        double gScale = 0.0;
        for (int i = 0; i < n; i++) {
            hMax = Math.max(hMax, h[i]);
            gScale = Math.max(gScale, Math.abs(g[i]) + gam[i]);
        }
        double prox = LOCAL_QP_PROXIMAL_WEIGHT * Math.max(hMax, UNDERFLOW_GUARD);
        double tolD = LOCAL_QP_DUAL * Math.max(1.0, gScale);
        int limit = ITERATIONS_PER_VARIABLE * (n + 1);
        boolean single = false;
        int refinements = 0;
        while (iterations++ < limit) {
            boolean proximal = false;
            if (!step(0.0)) {
                if (!step(prox)) {
                    failure = "the KKT system of a face is singular even with a proximal term";
                    return false;
                }
                proximal = true;
            }
            // Variables at an end of their piece that the step would take off it (released into
            // a face that moves them the other way) are fixed again, all at once, before any step;
            // from then on this solve releases one variable at a time, the textbook rule.
            int stuck = 0;
            for (int i = 0; i < n; i++) {
                double si = s[i];
                if (state[i] != FIXED && si != 0.0 && (si > 0 ? x[i] >= pieceHi(i) : x[i] <= pieceLo(i))) {
                    x[i] = si > 0 ? pieceHi(i) : pieceLo(i);
                    state[i] = FIXED;
                    noRelease[i] = true;
                    stuck++;
                }
            }
            if (stuck > 0) {
                single = true;
                continue;
            }
            // Ratio test: the largest step that keeps every free variable on its piece.
            double alpha = 1.0;
            int block = -1;
            double blockAt = 0.0;
            double sMax = 0.0;
            double xMax = 1.0;
            for (int i = 0; i < n; i++) {
                double si = s[i];
                xMax = Math.max(xMax, Math.abs(x[i]));
                if (state[i] == FIXED || si == 0.0) {
                    continue;
                }
                sMax = Math.max(sMax, Math.abs(si));
                double end = si > 0 ? pieceHi(i) : pieceLo(i);
                double a = (end - x[i]) / si;
                if (a < alpha) {
                    alpha = Math.max(a, 0.0);
                    block = i;
                    blockAt = end;
                }
            }
            for (int i = 0; i < n; i++) {
                if (state[i] != FIXED && s[i] != 0.0) {
                    // Rounding must not take a variable off its piece.
                    x[i] = Math.min(pieceHi(i), Math.max(pieceLo(i), x[i] + alpha * s[i]));
                }
            }
            // A step of the order of rounding is no step: it must not re-admit a variable that was stuck.
            boolean moved = alpha * sMax > LOCAL_QP_STEP * xMax;
            if (moved) {
                Arrays.fill(noRelease, false);
            }
            if (block >= 0) {
                x[block] = blockAt;
                state[block] = FIXED;
                noRelease[block] = !moved;
                continue;
            }
            if (proximal && sMax > LOCAL_QP_STEP * xMax) {
                // A proximal step is the face's minimiser only once it vanishes: then y are its multipliers.
                continue;
            }
            // At the face's minimiser y are its multipliers: release the fixed variables whose
            // one-sided derivative of the Lagrangian says they should move (all of them, or in
            // single mode the worst; one that was stuck only when nothing else is left).
            int best = -1;
            double worst = tolD;
            int bestStuck = -1;
            double worstStuck = tolD;
            int released = 0;
            for (int i = 0; i < n; i++) {
                if (state[i] != FIXED || lo[i] == hi[i]) {
                    continue;
                }
                double v = x[i];
                double c = h[i] * v + g[i] - dotColumn(i);
                double down = v > lo[i] ? c + (v > 0 ? gam[i] : -gam[i]) : 0.0;
                double up = v < hi[i] ? -(c + (v < 0 ? -gam[i] : gam[i])) : 0.0;
                double viol = Math.max(down, up);
                if (viol <= tolD) {
                    continue;
                }
                if (noRelease[i]) {
                    if (viol > worstStuck) {
                        worstStuck = viol;
                        bestStuck = i;
                    }
                } else if (single) {
                    if (viol > worst) {
                        worst = viol;
                        best = i;
                    }
                } else {
                    release(i, down > up);
                    released++;
                }
            }
            if (released == 0) {
                int i = best >= 0 ? best : bestStuck;
                if (i < 0) {
                    // The rows' regularisation leaves them off by a little: a few more steps on
                    // this face (each corrects the residual it starts from) take it to rounding.
                    if (rowResidual() > LOCAL_QP_REFINE && refinements++ < MAX_REFINEMENTS) {
                        continue;
                    }
                    return feasible();
                }
                double v = x[i];
                double c = h[i] * v + g[i] - dotColumn(i);
                double down = v > lo[i] ? c + (v > 0 ? gam[i] : -gam[i]) : 0.0;
                double up = v < hi[i] ? -(c + (v < 0 ? -gam[i] : gam[i])) : 0.0;
                release(i, down > up);
                noRelease[i] = false;
            }
        }
        failure = "no KKT point within " + limit + " systems";
        return false;
    }

    /** Frees fixed variable i onto the piece below its value ({@code down}) or above it. */
    private void release(int i, boolean down) {
        double v = x[i];
        if (down) {
            state[i] = v > 0 ? ON_POSITIVE : ON_NEGATIVE;
        } else {
            state[i] = v < 0 ? ON_NEGATIVE : ON_POSITIVE;
        }
    }

    /** True at the end when the rows hold (a start the free variables could not bring onto them fails). */
    private boolean feasible() {
        double worst = rowResidual();
        if (worst > LOCAL_QP_FEASIBILITY) {
            failure = "the rows are off by " + worst + " (relative) at the end: no feasible start";
            return false;
        }
        return true;
    }

    /** The largest row residual, relative to the right-hand sides (at least 1). */
    private double rowResidual() {
        double scale = 1.0;
        for (int r = 0; r < m; r++) {
            res[r] = -rhs[r];
            scale = Math.max(scale, Math.abs(rhs[r]));
        }
        for (int i = 0; i < n; i++) {
            for (int e = colStart[i]; e < colStart[i + 1]; e++) {
                res[rowIdx[e]] += val[e] * x[i];
            }
        }
        double worst = 0.0;
        for (int r = 0; r < m; r++) {
            worst = Math.max(worst, Math.abs(res[r]));
        }
        return worst / scale;
    }

    /** Σ_r A_ri y_r. */
    private double dotColumn(int i) {
        double c = 0.0;
        for (int e = colStart[i]; e < colStart[i + 1]; e++) {
            c += val[e] * y[rowIdx[e]];
        }
        return c;
    }

    /** Lower end of variable i's piece (where |x| has a kink at 0, the piece is one side of it). */
    private double pieceLo(int i) {
        return state[i] == ON_POSITIVE && gam[i] > 0.0 ? Math.max(lo[i], 0.0) : lo[i];
    }

    private double pieceHi(int i) {
        return state[i] == ON_NEGATIVE && gam[i] > 0.0 ? Math.min(hi[i], 0.0) : hi[i];
    }

    /** The cost's gradient on variable i's piece at x_i. */
    private double gradient(int i) {
        double sign = state[i] == ON_POSITIVE ? 1.0 : -1.0;
        return h[i] * x[i] + g[i] + sign * gam[i];
    }

    /**
     * The step to the minimiser of the face (fixed variables held), with weight {@code prox} on
     * the free variables without curvature (0: none); into {@link #s} and {@link #y}. False when
     * the system is singular.
     */
    private boolean step(double prox) {
        for (int r = 0; r < m; r++) {
            res[r] = -rhs[r];
            sDiag[r] = 0.0;
        }
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            if (xi != 0.0) {
                for (int e = colStart[i]; e < colStart[i + 1]; e++) {
                    res[rowIdx[e]] += val[e] * xi;
                }
            }
        }
        int nz = 0;
        for (int i = 0; i < n; i++) {
            if (state[i] != FIXED && h[i] == 0.0) {
                zeroCurv[nz++] = i;
            }
        }
        int dim = m + nz;
        // Unknowns (the rows' multipliers, then the free variables without curvature) in the
        // order of their period: the system is then banded, a few periods' unknowns wide.
        Arrays.fill(keyCount, 0);
        for (int u = 0; u < dim; u++) {
            keyCount[key(u) + 1]++;
        }
        for (int kk = 1; kk < keyCount.length; kk++) {
            keyCount[kk] += keyCount[kk - 1];
        }
        for (int u = 0; u < dim; u++) {
            pos[u] = keyCount[key(u)]++;
        }
        int bw = 0;
        for (int i = 0; i < n; i++) {
            if (state[i] == FIXED) {
                continue;
            }
            int e0 = colStart[i];
            int e1 = colStart[i + 1];
            if (h[i] != 0.0) {
                for (int e = e0; e < e1; e++) {
                    for (int f = e0; f < e1; f++) {
                        bw = Math.max(bw, Math.abs(pos[rowIdx[e]] - pos[rowIdx[f]]));
                    }
                }
            }
        }
        for (int j = 0; j < nz; j++) {
            int i = zeroCurv[j];
            for (int e = colStart[i]; e < colStart[i + 1]; e++) {
                bw = Math.max(bw, Math.abs(pos[rowIdx[e]] - pos[m + j]));
            }
        }
        // The band that elimination with partial pivoting can fill: bw below, 2·bw above.
        for (int a = 0; a < dim; a++) {
            int c0 = Math.max(0, a - bw);
            int c1 = Math.min(dim, a + 2 * bw + 1);
            Arrays.fill(kkt, a * dim + c0, a * dim + c1, 0.0);
        }
        for (int r = 0; r < m; r++) {
            sol[pos[r]] = -res[r];
        }
        // Variables with curvature, eliminated onto their rows: s_i = (a_iᵀy − ∇_i)/h_i. The
        // system is solved for the change of y, so that rows the free variables leave
        // dependent (a store's energy rows between fixed charges) keep their multipliers
        // through the small regularisation of the row block instead of making it singular.
        for (int i = 0; i < n; i++) {
            if (state[i] == FIXED || h[i] == 0.0) {
                continue;
            }
            double inv = 1.0 / h[i];
            double gr = gradient(i) - dotColumn(i);
            for (int e = colStart[i]; e < colStart[i + 1]; e++) {
                int r1 = rowIdx[e];
                double v1 = val[e] * inv;
                sol[pos[r1]] += v1 * gr;
                int base = pos[r1] * dim;
                for (int f = colStart[i]; f < colStart[i + 1]; f++) {
                    kkt[base + pos[rowIdx[f]]] += v1 * val[f];
                }
                sDiag[r1] += v1 * val[e];
            }
        }
        double sMax = 1.0;
        for (int r = 0; r < m; r++) {
            sMax = Math.max(sMax, sDiag[r]);
        }
        for (int j = 0; j < nz; j++) {
            int i = zeroCurv[j];
            int c = pos[m + j];
            for (int e = colStart[i]; e < colStart[i + 1]; e++) {
                int pr = pos[rowIdx[e]];
                kkt[pr * dim + c] = val[e];
                kkt[c * dim + pr] = val[e];
            }
            kkt[c * dim + c] = -prox;
            sol[c] = gradient(i) - dotColumn(i);
        }
        double reg = LOCAL_QP_ROW_REGULARISATION * sMax;
        for (int r = 0; r < m; r++) {
            kkt[pos[r] * dim + pos[r]] += reg;
        }
        if (!luSolve(dim, bw)) {
            return false;
        }
        for (int r = 0; r < m; r++) {
            y[r] += sol[pos[r]];
        }
        Arrays.fill(s, 0.0);
        for (int j = 0; j < nz; j++) {
            s[zeroCurv[j]] = sol[pos[m + j]];
        }
        for (int i = 0; i < n; i++) {
            if (state[i] != FIXED && h[i] != 0.0) {
                s[i] = (dotColumn(i) - gradient(i)) / h[i];
            }
        }
        return true;
    }

    /** The period of unknown u of the KKT system (a row's, or a free variable's without curvature). */
    private int key(int u) {
        return u < m ? rowKey[u] : varKey[zeroCurv[u - m]];
    }

    /**
     * Solves kkt·z = sol in place by LU with partial pivoting on a band of half-width bw (the
     * factor's upper band is 2·bw wide); false when a pivot is negligible.
     */
    private boolean luSolve(int dim, int bw) {
        double[] k = kkt;
        for (int c = 0; c < dim; c++) {
            int rEnd = Math.min(dim, c + bw + 1);
            int jEnd = Math.min(dim, c + 2 * bw + 1);
            int p = c;
            double best = Math.abs(k[c * dim + c]);
            double colMax = best;
            for (int r = c + 1; r < rEnd; r++) {
                double v = Math.abs(k[r * dim + c]);
                if (v > best) {
                    best = v;
                    p = r;
                }
            }
            for (int r = Math.max(0, c - 2 * bw); r < c; r++) {
                colMax = Math.max(colMax, Math.abs(k[r * dim + c]));
            }
            if (best <= LOCAL_QP_PIVOT * colMax || best == 0.0) {
                return false;
            }
            if (p != c) {
                for (int j = c; j < jEnd; j++) {
                    double t = k[c * dim + j];
                    k[c * dim + j] = k[p * dim + j];
                    k[p * dim + j] = t;
                }
                double t = sol[c];
                sol[c] = sol[p];
                sol[p] = t;
            }
            double piv = k[c * dim + c];
            for (int r = c + 1; r < rEnd; r++) {
                double f = k[r * dim + c];
                if (f == 0.0) {
                    continue;
                }
                f /= piv;
                for (int j = c + 1; j < jEnd; j++) {
                    k[r * dim + j] -= f * k[c * dim + j];
                }
                sol[r] -= f * sol[c];
            }
        }
        for (int c = dim - 1; c >= 0; c--) {
            double v = sol[c];
            int jEnd = Math.min(dim, c + 2 * bw + 1);
            for (int j = c + 1; j < jEnd; j++) {
                v -= k[c * dim + j] * sol[j];
            }
            sol[c] = v / k[c * dim + c];
        }
        return true;
    }
}
