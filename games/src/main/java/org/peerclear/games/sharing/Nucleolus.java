package org.peerclear.games.sharing;

import static org.peerclear.games.GameTolerances.NUCLEOLUS_DUAL;
import static org.peerclear.games.GameTolerances.NUCLEOLUS_EXCESS;
import static org.peerclear.games.GameTolerances.NUCLEOLUS_SPAN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;

/**
 * The nucleolus (Schmeidler 1969): the efficient allocation that maximises the smallest excess
 * {@code e(S) = x(S) − v(S)} over the coalitions, then the next smallest, and so on
 * lexicographically. Computed as the classical sequence of LPs (Kopelowitz 1967; Maschler, Peleg
 * &amp; Shapley 1979) on the values of every coalition ({@link CoalitionValues}), so for at most
 * {@value #MAX_PLAYERS} players.
 *
 * <h2>The stages</h2>
 * Stage k solves
 * <pre>
 *   maximise ε  subject to  x(S) − ε ≥ v(S)        for every free coalition S
 *                           x(F) = v(F) + ε_F       for every fixed coalition F (N among them, ε_N = 0)
 *                           x_i ≥ v({i})            (x an imputation)
 * </pre>
 * When there is no imputation ({@code v(N) < Σ v({i})}) the last rows are dropped and the result
 * is the prenucleolus, with a note; for a game with a non-empty core (every savings game whose
 * core is not empty) the two coincide.
 * and fixes, at the optimum {@code ε_k}, the coalitions whose excess is {@code ε_k} in every
 * optimal solution. A coalition whose indicator vector is in the span of the fixed ones has its
 * excess determined by them; it leaves the free set (left in, it would cap a later stage's ε at a
 * constant that no choice of x can change). The stages end when the fixed coalitions span
 * {@code R^n}: x is then unique, and is computed from the fixed equalities by one exact linear
 * solve (so that it is efficient to rounding, not to the LP's tolerance).
 *
 * <h2>Which coalitions are fixed (degeneracy)</h2>
 * At a degenerate optimum many coalitions may be tight at the point found without being tight at
 * every optimum; fixing those would give a wrong nucleolus. A coalition is fixed only on proof: a
 * positive dual in an optimal dual solution of the stage LP (complementary slackness: its row is
 * then tight at every primal optimum). The duals of the minimum-excess rows sum to 1, so some
 * row's is positive and every stage fixes at least one coalition outside the span of the fixed
 * ones: at most {@code n − 1} stages. Coalitions tight at every optimum with a zero dual are not
 * lost: they stay free, and the next stage finds the same ε and fixes them then. The duals are
 * checked (dual feasibility and complementary slackness, to {@link
 * org.peerclear.games.GameTolerances#NUCLEOLUS_EXCESS}); if the back-end's fail the check, each
 * coalition tight at the point is tested instead by an LP that maximises its excess over the
 * stage's optima, and fixed when that maximum is {@code ε_k}.
 *
 * <h2>Working sets</h2>
 * The LPs are not given all {@code 2^n} rows: each starts from the free singletons and
 * complements of singletons, and the coalitions that the point found violates (found by scanning
 * all excesses, {@code O(2^n)}) join, the most violated first, until none does (constraint
 * generation). The LP optimum is then the full LP's, and its duals, with 0 for the rows left out,
 * an optimal dual of the full LP. The values are divided by their largest magnitude first, so that
 * the tolerances are relative.
 */
public final class Nucleolus {
    /**
     * Most players: every stage scans the {@code 2^n} excesses several times, and the coalition
     * values fill {@code 2^n} doubles (8 MB at 20 players).
     */
    public static final int MAX_PLAYERS = 20;
    /** Most violated coalitions added to a working set per round of constraint generation (and at least n). */
    static final int ADD_PER_ROUND = 16;

    private Nucleolus() {
    }

    /**
     * What the computation found.
     *
     * @param allocation the nucleolus, one value per player
     * @param levels     the minimum excess of each stage, in the game's units, non-decreasing
     * @param lpSolves   the LPs solved
     * @param notes      what happened that a reader should know (a back-end's duals that failed their check)
     */
    public record Result(double[] allocation, double[] levels, int lpSolves, List<String> notes) {
    }

    /**
     * The nucleolus of a game.
     *
     * @param game    the game, at most {@value #MAX_PLAYERS} players
     * @param threads the number of threads for the coalition values
     * @param backend the LP back-end; null for the registry's default for LPs
     * @return the nucleolus and the stages' levels
     * @throws IllegalArgumentException if the game has more than {@value #MAX_PLAYERS} players
     */
    public static Result of(Game game, int threads, SolverBackend backend) {
        requireSize(game.players());
        return fromValues(game.players(), CoalitionValues.of(game, threads), backend);
    }

    private static void requireSize(int n) {
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("the nucleolus is computed over all 2^n coalitions: at most " + MAX_PLAYERS
                    + " players, got " + n);
        }
    }

    /**
     * The nucleolus from every coalition's value.
     *
     * @param n       the number of players, at most {@value #MAX_PLAYERS}
     * @param values  {@code 2^n} values indexed by mask, {@code values[0] = 0}
     * @param backend the LP back-end; null for the registry's default for LPs
     * @return the nucleolus and the stages' levels
     * @throws IllegalArgumentException if the sizes are wrong
     * @throws IllegalStateException    if an LP does not end optimal (naming the back-end and its status)
     */
    public static Result fromValues(int n, double[] values, SolverBackend backend) {
        return fromValues(n, values, backend, true);
    }

    /** As {@link #fromValues(int, double[], SolverBackend)}; {@code useDuals} false proves every fixing by test LPs. */
    static Result fromValues(int n, double[] values, SolverBackend backend, boolean useDuals) {
        requireSize(n);
        if (n < 1 || values.length != 1 << n) {
            throw new IllegalArgumentException("need 2^n coalition values, got " + values.length + " for n = " + n);
        }
        SolverBackend lp = backend != null ? backend : SolverRegistry.load().defaultFor(ProblemClass.LP);
        return new Stages(n, values, lp, useDuals).run();
    }

    /** The state of the stages: fixed coalitions, their span, the settled ones. */
    private static final class Stages {
        final int n;
        final int full;
        final double scale;
        final double[] v;
        final SolverBackend lp;
        /** Orthonormal basis of the fixed coalitions' indicator vectors. */
        final double[][] basis;
        int rank;
        /** The fixed coalitions (independent) and their excesses, scaled. */
        final int[] fixedMask;
        final double[] fixedExcess;
        /** Coalitions out of the LPs: fixed, or in the span of the fixed. */
        final boolean[] settled;
        /** The rank at which a coalition was last found outside the span, +1 (0: never checked). */
        final byte[] checkedAtRank;
        final double[] xs;
        final double bound;
        /** Lower bounds of x: the players' values alone (the imputations), or −∞ when there is no imputation. */
        final double[] lower;
        final List<Double> levels = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Whether positive duals prove fixings (else every one is proven by a test LP). */
        final boolean useDuals;
        int solves;

        Stages(int n, double[] values, SolverBackend lp, boolean useDuals) {
            this.n = n;
            this.useDuals = useDuals;
            this.full = (1 << n) - 1;
            this.lp = lp;
            double m = 0.0;
            for (double x : values) {
                m = Math.max(m, Math.abs(x));
            }
            // Relative tolerances: the LPs see the values divided by the largest (1 for the zero game).
            this.scale = m > 0 ? m : 1.0;
            this.v = new double[values.length];
            for (int s = 0; s < values.length; s++) {
                v[s] = values[s] / scale;
            }
            basis = new double[n][];
            fixedMask = new int[n];
            fixedExcess = new double[n];
            settled = new boolean[1 << n];
            checkedAtRank = new byte[1 << n];
            xs = new double[1 << n];
            settled[0] = true;
            // The nucleolus lives on the imputations, x_i >= v({i}); when there are none (v(N) below the sum of the
            // singletons' values) it is undefined, and the prenucleolus (the same on all efficient x) is returned.
            lower = new double[n];
            double singles = 0.0;
            for (int i = 0; i < n; i++) {
                lower[i] = v[1 << i];
                singles += lower[i];
            }
            if (v[full] < singles - NUCLEOLUS_EXCESS) {
                java.util.Arrays.fill(lower, Double.NEGATIVE_INFINITY);
                notes.add("no imputation (v(N) is below the sum of the players' values alone): the prenucleolus, over every"
                        + " efficient allocation, is returned");
            }
            // A bound on ε above every stage's optimum (|v| <= 1 after scaling, and the nucleolus is within
            // the imputations' reach), so that an LP with too few rows yet is bounded; never active at the end.
            bound = 4.0 * (n + 1) * (n + 1) + 4.0;
            fix(full, 0.0);
        }

        Result run() {
            while (rank < n) {
                stage();
            }
            double[] x = solveFixed();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = x[i] * scale;
            }
            double[] lv = new double[levels.size()];
            for (int k = 0; k < lv.length; k++) {
                lv[k] = levels.get(k) * scale;
            }
            return new Result(out, lv, solves, List.copyOf(notes));
        }

        /** One stage: its LP by constraint generation, then the coalitions it fixes. */
        void stage() {
            Masks working = initialWorkingSet();
            Lp sol = generate(working, Double.NaN, 0);
            double eps = sol.eps;
            levels.add(eps);
            Masks proven = useDuals ? provenByDuals(sol, working, eps) : null;
            if (proven == null && useDuals) {
                notes.add("the LP back-end's duals failed their check at stage " + levels.size()
                        + "; the coalitions tight there were each tested by an LP");
            }
            if (proven == null) {
                proven = provenByTests(sol, eps);
            }
            int before = rank;
            for (int k = 0; k < proven.size(); k++) {
                fix(proven.get(k), eps);
            }
            if (rank == before) {
                throw new IllegalStateException("nucleolus stage " + levels.size() + " fixed no coalition outside the span of"
                        + " the fixed ones (back-end " + lp.name() + "): its optimum is not exact enough");
            }
        }

        Masks initialWorkingSet() {
            Masks w = new Masks();
            for (int i = 0; i < n; i++) {
                addIfFree(w, 1 << i);
                addIfFree(w, full ^ (1 << i));
            }
            return w;
        }

        void addIfFree(Masks w, int s) {
            if (s != 0 && s != full && !settled[s] && !inSpan(s) && !w.contains(s)) {
                w.add(s);
            }
        }

        /**
         * Solves the LP on a working set that grows by the violated coalitions until none is
         * violated. {@code fixedEps} NaN: maximise ε (a stage); else ε is {@code fixedEps} and the
         * objective is the excess of {@code target} (a test LP).
         */
        Lp generate(Masks working, double fixedEps, int target) {
            while (true) {
                Lp sol = solve(working, fixedEps, target);
                excesses(sol.x);
                double threshold = sol.eps - NUCLEOLUS_EXCESS;
                int limit = Math.max(ADD_PER_ROUND, n);
                int[] worst = new int[limit];
                double[] worstExcess = new double[limit];
                int found = 0;
                for (int s = 1; s < full; s++) {
                    if (settled[s]) {
                        continue;
                    }
                    double e = xs[s] - v[s];
                    if (e < threshold && (found < limit || e < worstExcess[found - 1]) && !inSpan(s)) {
                        // Keep the `limit` most violated, sorted by excess (insertion: the list is short).
                        int at = found < limit ? found++ : limit - 1;
                        while (at > 0 && worstExcess[at - 1] > e) {
                            worst[at] = worst[at - 1];
                            worstExcess[at] = worstExcess[at - 1];
                            at--;
                        }
                        worst[at] = s;
                        worstExcess[at] = e;
                    }
                }
                if (found == 0) {
                    return sol;
                }
                for (int k = 0; k < found; k++) {
                    if (!working.contains(worst[k])) {
                        working.add(worst[k]);
                    }
                }
            }
        }

        /** x(S) for every mask, from x(S without its lowest player). */
        void excesses(double[] x) {
            xs[0] = 0.0;
            for (int s = 1; s <= full; s++) {
                xs[s] = xs[s & (s - 1)] + x[Integer.numberOfTrailingZeros(s)];
            }
        }

        /** The coalitions with a positive dual, or null when the duals fail their check. */
        Masks provenByDuals(Lp sol, Masks working, double eps) {
            if (sol.duals == null) {
                return null;
            }
            double largest = 0.0;
            double sum = 0.0;
            for (int r = 0; r < working.size(); r++) {
                largest = Math.max(largest, sol.duals[r]);
                sum += sol.duals[r];
            }
            // Dual feasibility: y >= 0 on the ≥ rows, Σ y = 1 (the ε column), Σ_{S ∋ j} y_S + equality duals = 0.
            double[] stationarity = new double[n];
            for (int r = 0; r < working.size(); r++) {
                if (sol.duals[r] < -NUCLEOLUS_EXCESS) {
                    return null;
                }
                for (int m = working.get(r); m != 0; m &= m - 1) {
                    stationarity[Integer.numberOfTrailingZeros(m)] += sol.duals[r];
                }
            }
            for (int f = 0; f < rank; f++) {
                double y = sol.duals[working.size() + f];
                for (int m = fixedMask[f]; m != 0; m &= m - 1) {
                    stationarity[Integer.numberOfTrailingZeros(m)] += y;
                }
            }
            // The reduced cost of x_j is −stationarity[j]: 0 off its bound, >= 0 at it (the imputation bound x_j >= v({j})).
            double residual = Math.abs(sum - 1.0);
            for (int j = 0; j < n; j++) {
                double z = -stationarity[j];
                boolean atBound = sol.x[j] <= lower[j] + NUCLEOLUS_EXCESS;
                residual = Math.max(residual, atBound ? Math.max(0.0, -z) : Math.abs(z));
            }
            if (!(residual <= NUCLEOLUS_EXCESS) || !(largest > 0)) {
                return null;
            }
            Masks proven = new Masks();
            for (int r = 0; r < working.size(); r++) {
                if (sol.duals[r] > NUCLEOLUS_DUAL * largest) {
                    int s = working.get(r);
                    // Complementary slackness: a row with a positive dual is tight.
                    if (Math.abs(xs[s] - v[s] - eps) > NUCLEOLUS_EXCESS) {
                        return null;
                    }
                    proven.add(s);
                }
            }
            return proven;
        }

        /** Each free coalition tight at the point: fixed when no optimum of the stage gives it a larger excess. */
        Masks provenByTests(Lp sol, double eps) {
            excesses(sol.x);
            Masks tight = new Masks();
            for (int s = 1; s < full; s++) {
                if (!settled[s] && xs[s] - v[s] <= eps + NUCLEOLUS_EXCESS && !inSpan(s)) {
                    tight.add(s);
                }
            }
            Masks proven = new Masks();
            for (int k = 0; k < tight.size(); k++) {
                int s = tight.get(k);
                Masks working = initialWorkingSet();
                if (!working.contains(s)) {
                    working.add(s);
                }
                Lp test = generate(working, eps, s);
                double most = 0.0;
                for (int m = s; m != 0; m &= m - 1) {
                    most += test.x[Integer.numberOfTrailingZeros(m)];
                }
                if (most - v[s] <= eps + NUCLEOLUS_EXCESS) {
                    proven.add(s);
                }
            }
            return proven;
        }

        /** A stage or test LP's solution: x, ε, and the duals (working rows, then fixed rows) when given. */
        record Lp(double[] x, double eps, double[] duals) {
        }

        Lp solve(Masks working, double fixedEps, int target) {
            boolean test = !Double.isNaN(fixedEps);
            ProblemBuilder pb = new ProblemBuilder(test ? "nucleolus-test" : "nucleolus-stage-" + (levels.size() + 1));
            for (int i = 0; i < n; i++) {
                pb.addVariable("x" + i, lower[i], Double.POSITIVE_INFINITY);
            }
            int eps = pb.addVariable("eps", test ? fixedEps : -bound, test ? fixedEps : bound);
            int[] cols = new int[n + 1];
            double[] vals = new double[n + 1];
            for (int w = 0; w < working.size(); w++) {
                int s = working.get(w);
                int k = row(s, cols, vals);
                cols[k] = eps;
                vals[k] = -1.0;
                pb.addRow("S" + s, cols, vals, k + 1, Sense.GREATER_EQUAL, v[s]);
            }
            for (int f = 0; f < rank; f++) {
                int k = row(fixedMask[f], cols, vals);
                pb.addRow("F" + fixedMask[f], cols, vals, k, Sense.EQUAL, v[fixedMask[f]] + fixedExcess[f]);
            }
            if (test) {
                // Maximise x(target), capped so that a working set too small yet cannot make it unbounded.
                for (int m = target; m != 0; m &= m - 1) {
                    pb.addLinear(Integer.numberOfTrailingZeros(m), -1.0);
                }
                int k = row(target, cols, vals);
                pb.addRow("cap", cols, vals, k, Sense.LESS_EQUAL, v[target] + bound);
            } else {
                pb.addLinear(eps, -1.0);
            }
            Problem p = pb.build();
            Solution s = lp.solve(p, SolverParameters.DEFAULT);
            solves++;
            if (s.status() != Status.OPTIMAL || !s.hasPoint()) {
                throw new IllegalStateException("nucleolus LP " + p.name() + " (" + p.numRows() + " rows) ended " + s.status()
                        + " on back-end " + lp.name() + ": " + s.message());
            }
            double[] x = Arrays.copyOf(s.x(), n);
            return new Lp(x, s.x(eps), s.duals().orElse(null));
        }

        int row(int mask, int[] cols, double[] vals) {
            int k = 0;
            for (int m = mask; m != 0; m &= m - 1) {
                cols[k] = Integer.numberOfTrailingZeros(m);
                vals[k++] = 1.0;
            }
            return k;
        }

        /** Fixes a coalition at an excess when it is outside the span; either way it is settled. */
        void fix(int s, double excess) {
            settled[s] = true;
            double[] r = residual(s);
            double norm = Math.sqrt(dot(r, r));
            if (norm <= NUCLEOLUS_SPAN) {
                return;
            }
            for (int j = 0; j < n; j++) {
                r[j] /= norm;
            }
            basis[rank] = r;
            fixedMask[rank] = s;
            fixedExcess[rank] = excess;
            rank++;
        }

        /** Whether the coalition's vector is in the span of the fixed ones (then it is settled for good). */
        boolean inSpan(int s) {
            if (settled[s]) {
                return true;
            }
            if (checkedAtRank[s] == rank + 1) {
                return false;
            }
            double[] r = residual(s);
            if (Math.sqrt(dot(r, r)) <= NUCLEOLUS_SPAN) {
                settled[s] = true;
                return true;
            }
            checkedAtRank[s] = (byte) (rank + 1);
            return false;
        }

        /** The indicator vector minus its projection on the basis (modified Gram–Schmidt, twice for accuracy). */
        double[] residual(int s) {
            double[] r = new double[n];
            for (int m = s; m != 0; m &= m - 1) {
                r[Integer.numberOfTrailingZeros(m)] = 1.0;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < rank; b++) {
                    double d = dot(r, basis[b]);
                    for (int j = 0; j < n; j++) {
                        r[j] -= d * basis[b][j];
                    }
                }
            }
            return r;
        }

        static double dot(double[] a, double[] b) {
            double s = 0.0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * b[j];
            }
            return s;
        }

        /** The unique x of the n fixed equalities, by Gaussian elimination with partial pivoting. */
        double[] solveFixed() {
            double[][] a = new double[n][n + 1];
            for (int f = 0; f < n; f++) {
                for (int m = fixedMask[f]; m != 0; m &= m - 1) {
                    a[f][Integer.numberOfTrailingZeros(m)] = 1.0;
                }
                a[f][n] = v[fixedMask[f]] + fixedExcess[f];
            }
            for (int c = 0; c < n; c++) {
                int p = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                        p = r;
                    }
                }
                double[] t = a[c];
                a[c] = a[p];
                a[p] = t;
                for (int r = c + 1; r < n; r++) {
                    double f = a[r][c] / a[c][c];
                    if (f != 0.0) {
                        for (int k = c; k <= n; k++) {
                            a[r][k] -= f * a[c][k];
                        }
                    }
                }
            }
            double[] x = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double s = a[r][n];
                for (int k = r + 1; k < n; k++) {
                    s -= a[r][k] * x[k];
                }
                x[r] = s / a[r][r];
            }
            return x;
        }
    }

    /** A growable list of coalition masks (a working set, a list of proven coalitions), without boxing. */
    private static final class Masks {
        private int[] a = new int[16];
        private int size;

        int size() {
            return size;
        }

        int get(int k) {
            return a[k];
        }

        void add(int mask) {
            if (size == a.length) {
                a = Arrays.copyOf(a, 2 * size);
            }
            a[size++] = mask;
        }

        /** Linear: working sets hold tens to hundreds of coalitions, and a few join per round. */
        boolean contains(int mask) {
            for (int k = 0; k < size; k++) {
                if (a[k] == mask) {
                    return true;
                }
            }
            return false;
        }
    }
}
