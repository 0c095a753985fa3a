package org.peerclear.clearing.exact;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.peerclear.clearing.DecayEstimate;
import org.ejml.dense.row.CommonOps_DDRM;
import org.peerclear.index.MarketIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.peerclear.result.ResultVerifier;

/**
 * The exact optimum of the unified market with a feeder's rows ({@link BusRows}): a primal–dual
 * active-set (semismooth Newton) method on the rows' multipliers around the exact flow solver.
 *
 * <p>For fixed multipliers {@code y}, the rows only add the network price {@code pi_q} to every
 * asset at bus q, so the rest is the market without a network, solved exactly by
 * {@link ForestSolver} with the assets' linear costs shifted by {@code −pi}. What is left is
 * the dual over {@code y}: a concave, piecewise-quadratic function of a few variables (the rows
 * that bind). Within one piece (the same trees of trading pairs, the same assets between their
 * bounds) the buses' injections are affine in {@code pi}: a free asset moves by {@code Δpi/a},
 * and each tree's price moves so that the tree stays balanced, or stays where a linear asset
 * between its bounds pins it. So the rows' values are affine in {@code y}, with a symmetric,
 * positive semidefinite Jacobian {@code G·H·Gᵀ} ({@code G} the rows' coefficients, {@code H}
 * the buses' response), and one Newton step lands exactly on the piece's answer. An outer step:
 * <ol>
 *   <li>solves the market at the current network prices (warm: from the last prices);</li>
 *   <li>stops when every row holds and every binding row's multiplier has its sign;</li>
 *   <li>otherwise solves the local problem on the piece: which rows bind (an active set on the
 *       linear prediction of all rows, adding the most violated row and dropping a multiplier
 *       with the wrong sign, one at a time) and their multipliers (a small dense system).</li>
 * </ol>
 * As the ascent's, this method's termination is not proven (a step that changes the piece may
 * in principle cycle); it is bounded, and its answer is certified by the caller, who falls back
 * to a general back-end otherwise.
 */
final class FeederSolver {
    /** Outer steps before giving up (the markets tried take fewer than 20). */
    static final int MAX_STEPS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(FeederSolver.class);
    /** Active-set changes within one local step. */
    static final int MAX_CHANGES = 400;
    /** Relative tolerance of a row's bound (far above rounding, far below the certificate's). */
    static final double ROW = 1e-9;
    /**
     * A network price this many times the spread of the assets' marginal costs ends the solve: at
     * an optimum a bus price is bounded by that spread wherever an asset there can still move, so
     * prices beyond it mean the rows are out of the assets' reach (infeasible, for the back-end to
     * say) or the piece is degenerate.
     */
    static final double PRICE_CAP = 1e3;
    /** Ridge on the local Jacobian's diagonal, relative to its largest entry: keeps dependent rows solvable. */
    static final double RIDGE = 1e-13;
    /** Damping of the local model: the first tried after a rejected step, and the largest (then it fails). */
    static final double TAU_MIN = 1e-4;
    static final double TAU_MAX = 1e8;
    static final double TAU_GROWTH = 100;
    /** The shortest step along one direction before the damping grows instead. */
    static final double SHORTEST = 0.1;
    private static final int SOLVED = 0;
    private static final int CAPPED = 1;
    private static final int FAILED = 2;
    /** Sufficient ascent of a step, as a share of the model's. */
    static final double ARMIJO = 1e-4;

    private final MarketIndex ix;
    private final BusRows rows;
    private final int nq;
    private final int nr;
    private final int[] assetBus;
    private final double[] y;
    private double[] pi;
    private double[] busPower;
    private double[] value;
    private double[] constant;
    private double dual;
    private String capMessage;
    private double[] potential;
    private double[] busWeight;
    private int evaluations;
    private final double[][] coef;
    private final double scaleP;
    private final double priceCap;

    private ForestSolver last;
    private MarketIndex lastIndex;
    private int steps;
    private int innerRounds;
    private String failure = "";
    /** The market solve that failed, whose verdict (infeasible, unbounded, out of time) is this solver's. */
    private ForestSolver failedMarket;
    private long deadline;
    private FlowSolver.Listener listener;
    private final DecayEstimate remaining = new DecayEstimate();

    FeederSolver(MarketIndex ix, BusRows rows) {
        this.ix = ix;
        this.rows = rows;
        nq = rows.numBuses();
        nr = rows.numRows();
        assetBus = new int[ix.numAssets()];
        int[] owner = ix.assetOwner();
        for (int s = 0; s < assetBus.length; s++) {
            assetBus[s] = rows.busOf(owner[s]);
        }
        y = new double[nr];
        pi = new double[nq];
        busPower = new double[nq];
        value = new double[nr];
        coef = new double[nr][];
        scaleP = ResultVerifier.scales(ix).power();
        priceCap = PRICE_CAP * costSpread(ix);
    }

    /** The spread of the marginal costs the assets can reach, and the fees (at least the verifier's price scale). */
    private static double costSpread(MarketIndex ix) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < ix.numAssets(); s++) {
            for (double p : new double[] {ix.pMin()[s], ix.pMax()[s], 0.0}) {
                if (Double.isFinite(p)) {
                    double mc = ix.a()[s] * p + ix.b()[s];
                    lo = Math.min(lo, mc);
                    hi = Math.max(hi, mc);
                }
            }
        }
        double spread = hi > lo ? hi - lo : 0.0;
        return Math.max(spread + maxOf(ix.gamma()), ResultVerifier.scales(ix).price());
    }

    private static double maxOf(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    void deadline(long nanoTime) {
        deadline = nanoTime;
    }

    void listener(FlowSolver.Listener l) {
        listener = l;
    }

    /** True when the market with the rows is solved exactly (within the rows' tolerance). */
    boolean solve(double[] start) {
        constant = new double[nr];
        rows.values(new double[nq], constant); // the rows' values without market injections
        int first = evaluate(y, start);
        if (first != SOLVED) {
            failure = first == CAPPED ? capMessage : failure;
            return false;
        }
        double[] next = new double[nr];
        double[] trial = new double[nr];
        double tau = 0.0;
        for (steps = 1; steps <= MAX_STEPS; steps++) {
            double worst = worstViolation();
            if (listener != null) {
                listener.round(steps, Math.max(worst, 0.0), remaining.iterationsLeft(steps, Math.max(worst + 1.0, 1.0)));
            }
            if (worst <= 0 && multipliersAtBounds()) {
                return true;
            }
            Piece piece = Piece.of(lastIndex, last, assetBus, scaleP);
            if (piece == null) {
                failure = "a tree of trading agents has linear assets between their bounds at two buses"
                        + " (a degenerate piece this solver does not handle)";
                return false;
            }
            // A damped (Levenberg–Marquardt) proximal Newton step: the model's answer, accepted when
            // the dual rises by a share of what the model promised, else damped harder.
            Snapshot kept = new Snapshot(this);
            double[] guess = last.agentPrices().clone();
            boolean fresh = true; // whether 'next' must be recomputed (first try, or the damping changed)
            double t = 1.0;
            double predicted = 0;
            while (true) {
                if (fresh) {
                    if (!localStep(piece, next, tau)) {
                        // A singular or unsettled local problem: damping makes it better posed.
                        tau = tau == 0.0 ? TAU_MIN : tau * TAU_GROWTH;
                        if (tau > TAU_MAX) {
                            return false;
                        }
                        continue;
                    }
                    predicted = 0;
                    for (int r = 0; r < nr; r++) {
                        predicted += -kept.value[r] * (next[r] - y[r]) + bound(r, next[r]) - bound(r, y[r]);
                    }
                    fresh = false;
                    t = 1.0;
                }
                for (int r = 0; r < nr; r++) {
                    trial[r] = y[r] + t * (next[r] - y[r]);
                }
                int e = evaluate(trial, guess);
                if (e == FAILED) {
                    return false;
                }
                double slack = 1e-13 * Math.max(1.0, Math.abs(kept.dual));
                if (LOG.isDebugEnabled()) {
                    double moved = 0;
                    int nz = 0;
                    for (int r = 0; r < nr; r++) {
                        moved = Math.max(moved, Math.abs(trial[r] - y[r]));
                        nz += trial[r] != 0 ? 1 : 0;
                    }
                    LOG.debug(String.format(Locale.ROOT, "step %d, damping %.3g, length %.3g: |dy| %.3g, %d rows bind, dual %.12g"
                            + " -> %.12g (model %.3g), worst row %.3g", steps, tau, t, moved, nz, kept.dual, dual, predicted,
                            worstViolation()));
                }
                if (e == SOLVED && dual >= kept.dual + ARMIJO * t * predicted - slack) {
                    System.arraycopy(trial, 0, y, 0, nr);
                    tau = tau <= TAU_MIN ? 0.0 : tau / TAU_GROWTH;
                    break;
                }
                kept.restore(this);
                if (e == SOLVED && t > SHORTEST) {
                    t *= 0.5; // the piece's step overshot into the next pieces: shorten it
                    continue;
                }
                // Prices out of reach, or even short steps do not rise: the model is poor here; damp it.
                tau = tau == 0.0 ? TAU_MIN : tau * TAU_GROWTH;
                fresh = true;
                if (tau > TAU_MAX) {
                    failure = e == SOLVED ? "no damped Newton step raises the dual (step " + steps + ")" : capMessage;
                    return false;
                }
            }
        }
        failure = "the feeder's rows did not settle in " + MAX_STEPS + " steps";
        return false;
    }

    /** What a rejected step restores. */
    private static final class Snapshot {
        final ForestSolver last;
        final MarketIndex lastIndex;
        final double[] busPower;
        final double[] value;
        final double[] pi;
        final double dual;

        Snapshot(FeederSolver s) {
            last = s.last;
            lastIndex = s.lastIndex;
            busPower = s.busPower.clone();
            value = s.value.clone();
            pi = s.pi.clone();
            dual = s.dual;
        }

        void restore(FeederSolver s) {
            s.last = last;
            s.lastIndex = lastIndex;
            System.arraycopy(busPower, 0, s.busPower, 0, busPower.length);
            System.arraycopy(value, 0, s.value, 0, value.length);
            System.arraycopy(pi, 0, s.pi, 0, pi.length);
            s.dual = dual;
        }
    }

    /** {@code min(lower·y, upper·y)}: the bounds' part of the dual. */
    private double bound(int r, double yr) {
        return yr >= 0 ? (yr == 0 ? 0.0 : rows.lower(r) * yr) : rows.upper(r) * yr;
    }

    /**
     * Solves the market at the network prices of multipliers {@code yy}; sets the solve, the
     * buses' injections, the rows' values, the prices and the dual's value. False on failure.
     */
    private int evaluate(double[] yy, double[] guess) {
        for (int q = 0; q < nq; q++) {
            pi[q] = rows.priceShift(q);
        }
        for (int r = 0; r < nr; r++) {
            if (yy[r] != 0.0) {
                double[] c = coefficients(r);
                for (int q = 0; q < nq; q++) {
                    pi[q] += yy[r] * c[q];
                }
            }
        }
        double largest = 0;
        for (int q = 0; q < nq; q++) {
            largest = Math.max(largest, Math.abs(pi[q]));
        }
        if (!(largest <= priceCap)) {
            capMessage = String.format(Locale.ROOT, "a network price reached %.3g, beyond %.3g (%.0f times the spread of the"
                    + " assets' marginal costs): the feeder's limits look out of the assets' reach", largest, priceCap, PRICE_CAP);
            return CAPPED;
        }
        double[] shifted = ix.b().clone();
        for (int s = 0; s < shifted.length; s++) {
            if (assetBus[s] >= 0) {
                shifted[s] -= pi[assetBus[s]];
            }
        }
        lastIndex = ix.withLinearCosts(shifted);
        last = new ForestSolver(lastIndex);
        last.deadline(deadline);
        boolean ok = last.solve(FlowSolver.MAX_ROUNDS, guess);
        innerRounds += last.rounds();
        evaluations++;
        if (!ok) {
            failedMarket = last;
            failure = last.failure() + (last.unbounded() ? " (with the network prices of step " + steps + ")" : "");
            return FAILED;
        }
        busPowers(last.assetPower(), busPower);
        rows.values(busPower, value);
        double d = marketCost(lastIndex, last);
        for (int r = 0; r < nr; r++) {
            d += -yy[r] * constant[r] + bound(r, yy[r]);
        }
        dual = d;
        return SOLVED;
    }

    /** The market's cost at the solve, with the shifted linear costs: the inner minimum. */
    private static double marketCost(MarketIndex m, ForestSolver f) {
        double[] p = f.assetPower();
        double[] a = m.a();
        double[] b = m.b();
        double c = 0;
        for (int s = 0; s < p.length; s++) {
            c += (0.5 * a[s] * p[s] + b[s]) * p[s];
        }
        double[] flow = f.pairFlows();
        double[] gamma = m.gamma();
        for (int j = 0; j < flow.length; j++) {
            c += (gamma[2 * j] + gamma[2 * j + 1]) * Math.abs(flow[j]);
        }
        return c;
    }

    private void busPowers(double[] assetPower, double[] out) {
        Arrays.fill(out, 0.0);
        for (int s = 0; s < assetPower.length; s++) {
            if (assetBus[s] >= 0) {
                out[assetBus[s]] += assetPower[s];
            }
        }
    }

    private double tolerance(int r) {
        double lo = rows.lower(r);
        double hi = rows.upper(r);
        double m = 1.0;
        m = Double.isFinite(lo) ? Math.max(m, Math.abs(lo)) : m;
        m = Double.isFinite(hi) ? Math.max(m, Math.abs(hi)) : m;
        return ROW * m;
    }

    /** How far row r lies outside its bounds relative to its tolerance, minus one (≤ 0: holds). */
    private double violation(int r, double v) {
        double t = tolerance(r);
        return Math.max(rows.lower(r) - v, v - rows.upper(r)) / t - 1.0;
    }

    private double worstViolation() {
        double w = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < nr; r++) {
            w = Math.max(w, violation(r, value[r]));
        }
        return nr == 0 ? 0 : w;
    }

    private boolean multipliersAtBounds() {
        for (int r = 0; r < nr; r++) {
            if (y[r] > 0 && value[r] - rows.lower(r) > tolerance(r) || y[r] < 0 && rows.upper(r) - value[r] > tolerance(r)) {
                return false;
            }
        }
        return true;
    }

    private double[] coefficients(int r) {
        if (coef[r] == null) {
            coef[r] = new double[nq];
            rows.coefficients(r, coef[r]);
        }
        return coef[r];
    }

    /**
     * Sets the multipliers to the answer of the piece's local problem, on the linear prediction
     * {@code P(y) = P + H·Gᵀ(y − y_now)}: maximise the dual's quadratic model
     * {@code −½ yᵀJy + ... + Σ_r min(lower_r·y_r, upper_r·y_r)}, a concave problem whose answer
     * puts every row within its bounds and every multiplier on the side of its bound. Solved by
     * an active set with partial steps (Lawson and Hanson's scheme for sign-constrained least
     * squares): add the most violated row; solve the working rows at their bounds; when a
     * multiplier would cross zero, stop where the first one reaches it and release that row. The
     * model rises at every change, so no working set repeats.
     */
    private boolean localStep(Piece piece, double[] out, double tau) {
        int[] work = new int[nr];
        boolean[] upper = new boolean[nr];
        boolean[] inWork = new boolean[nr];
        int size = 0;
        for (int r = 0; r < nr; r++) {
            if (y[r] != 0.0) {
                inWork[r] = true;
                upper[r] = y[r] < 0;
                work[size++] = r;
            }
        }
        // The buses' response to the current multipliers, to take them out of the prediction.
        double[] now = new double[nq];
        double[] gy = new double[nq];
        for (int q = 0; q < size; q++) {
            int r = work[q];
            double[] c = coefficients(r);
            for (int b = 0; b < nq; b++) {
                gy[b] += y[r] * c[b];
            }
        }
        piece.respond(gy, now);
        double[][] response = new double[nr][];
        double[] predicted = new double[nr];
        double[] power = new double[nq];
        double[] at = y.clone();
        boolean solved = false; // whether 'at' solves the working rows at their bounds
        for (int change = 0; change <= MAX_CHANGES; change++) {
            if (solved) {
                predict(at, now, response, power, predicted);
                int add = mostViolated(predicted, inWork);
                if (add < 0) {
                    System.arraycopy(at, 0, out, 0, nr);
                    return true;
                }
                inWork[add] = true;
                upper[add] = predicted[add] > rows.upper(add);
                work[size++] = add;
            }
            for (int q = 0; q < size; q++) {
                int r = work[q];
                if (response[r] == null) {
                    response[r] = new double[nq];
                    piece.respond(coefficients(r), response[r]);
                }
            }
            double[] z = solveLocal(work, size, upper, inWork, response, tau);
            if (z == null) {
                failure = "the rows that bind are dependent on this piece (a singular local system)";
                return false;
            }
            // The longest step from 'at' toward z that keeps every multiplier on its side.
            double step = 1.0;
            for (int q = 0; q < size; q++) {
                double sideZ = upper[work[q]] ? -z[q] : z[q];
                if (sideZ < 0) {
                    double sideAt = upper[work[q]] ? -at[work[q]] : at[work[q]];
                    step = Math.min(step, sideAt / (sideAt - sideZ));
                }
            }
            for (int q = 0; q < size; q++) {
                at[work[q]] += step * (z[q] - at[work[q]]);
            }
            solved = step >= 1.0;
            if (!solved) {
                // Release the rows whose multiplier reached zero (at least the one that set the step).
                for (int q = size - 1; q >= 0; q--) {
                    int r = work[q];
                    double side = upper[r] ? -at[r] : at[r];
                    double sideZ = upper[r] ? -z[q] : z[q];
                    if (side <= 0 || sideZ < 0 && side <= 1e-15 * Math.abs(sideZ)) {
                        at[r] = 0.0;
                        inWork[r] = false;
                        work[q] = work[--size];
                    }
                }
            }
        }
        failure = "the rows that bind did not settle in one local step (" + MAX_CHANGES + " changes)";
        return false;
    }

    /** The rows' values predicted at multipliers {@code at} (zero outside the rows with a response). */
    private void predict(double[] at, double[] now, double[][] response, double[] power, double[] out) {
        for (int b = 0; b < nq; b++) {
            power[b] = busPower[b] - now[b];
        }
        for (int r = 0; r < nr; r++) {
            if (at[r] != 0.0) {
                double[] h = response[r];
                for (int b = 0; b < nq; b++) {
                    power[b] += at[r] * h[b];
                }
            }
        }
        rows.values(power, out);
    }

    private int mostViolated(double[] v, boolean[] skip) {
        int best = -1;
        double most = 0;
        for (int r = 0; r < nr; r++) {
            if (!skip[r]) {
                double d = violation(r, v[r]);
                if (d > most) {
                    most = d;
                    best = r;
                }
            }
        }
        return best;
    }

    /**
     * The multipliers of the working rows that put each at its bound in the prediction, as the
     * current multipliers plus an increment: {@code (J_WW + damping)·d_W = bound_W − value_W +
     * Σ_{r ∉ W} J_Wr·y_r} (the rows released from the work drop to 0), {@code J = G·H·Gᵀ},
     * {@code response[r] = H·G_rᵀ}. The rows mix units (pu², kW), so the system is scaled to a
     * unit diagonal before it is factored.
     */
    private double[] solveLocal(int[] work, int size, boolean[] upper, boolean[] inWork, double[][] response, double tau) {
        DMatrixRMaj j = new DMatrixRMaj(size, size);
        DMatrixRMaj rhs = new DMatrixRMaj(size, 1);
        for (int q = 0; q < size; q++) {
            int r = work[q];
            double[] c = coefficients(r);
            double[] h = response[r];
            for (int p = 0; p < size; p++) {
                j.set(p, q, dot(coefficients(work[p]), h));
            }
            double b = (upper[r] ? rows.upper(r) : rows.lower(r)) - value[r];
            for (int o = 0; o < nr; o++) {
                if (y[o] != 0.0 && !inWork[o]) {
                    b += dot(c, response[o]) * y[o];
                }
            }
            rhs.set(q, 0, b);
        }
        double[] scale = new double[size];
        for (int q = 0; q < size; q++) {
            double pot = potential(work[q]);
            // The damping is proximal (an increment's), so it pulls toward the current multipliers.
            j.add(q, q, (RIDGE + tau) * pot);
            scale[q] = 1.0 / Math.sqrt(j.get(q, q));
        }
        for (int q = 0; q < size; q++) {
            for (int p = 0; p < size; p++) {
                j.set(p, q, j.get(p, q) * scale[p] * scale[q]);
            }
            rhs.set(q, 0, rhs.get(q, 0) * scale[q]);
        }
        DMatrixRMaj x = new DMatrixRMaj(size, 1);
        if (!CommonOps_DDRM.solveSPD(j, rhs, x) && !CommonOps_DDRM.solve(j, rhs, x)) {
            return null;
        }
        double[] z = new double[size];
        for (int q = 0; q < size; q++) {
            z[q] = y[work[q]] + x.get(q, 0) * scale[q];
            if (!Double.isFinite(z[q])) {
                return null;
            }
        }
        return z;
    }

    /**
     * The curvature row r would have if every asset with a quadratic cost were free
     * ({@code Σ_q c_rq²·Σ_{s at q} 1/a_s}): the damping's scale, finite where the piece has none.
     */
    private double potential(int r) {
        if (potential == null) {
            potential = new double[nr];
            Arrays.fill(potential, Double.NaN);
            busWeight = new double[nq];
            for (int s = 0; s < assetBus.length; s++) {
                if (assetBus[s] >= 0 && ix.a()[s] > 0) {
                    busWeight[assetBus[s]] += 1.0 / ix.a()[s];
                }
            }
        }
        if (Double.isNaN(potential[r])) {
            double[] c = coefficients(r);
            double sum = 0;
            for (int q = 0; q < nq; q++) {
                sum += c[q] * c[q] * busWeight[q];
            }
            potential[r] = sum > 0 ? sum : 1.0;
        }
        return potential[r];
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    int steps() {
        return steps;
    }

    String failure() {
        return failure;
    }

    /** Whether the market solve that ended this one proved the market infeasible, unbounded, or ran out of time. */
    boolean infeasible() {
        return failedMarket != null && failedMarket.infeasible();
    }

    boolean unbounded() {
        return failedMarket != null && failedMarket.unbounded();
    }

    boolean timedOut() {
        return failedMarket != null && failedMarket.timedOut();
    }

    /** The last market solve (at the final network prices). */
    ForestSolver market() {
        return last;
    }

    /** The market index the last solve ran on (linear costs shifted by the network prices). */
    MarketIndex shiftedIndex() {
        return lastIndex;
    }

    double[] busPrices() {
        return pi;
    }

    double[] rowMultipliers() {
        return y;
    }

    String describe() {
        return String.format(Locale.ROOT, "%d network steps, %d market solves, %d market rounds", steps, evaluations, innerRounds);
    }
}
