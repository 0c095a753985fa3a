package org.peerclear.clearing.exact;

import java.util.Arrays;
import java.util.Locale;
import org.peerclear.clearing.DecayEstimate;
import org.peerclear.clearing.NumericalTolerances;
import org.peerclear.index.MarketIndex;
import org.peerclear.result.ResultVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *   <li>otherwise solves the local problem on the piece ({@link LocalModel}: which rows bind and
 *       their multipliers) and takes the step when the dual rises enough, else a shorter one,
 *       else a damped one.</li>
 * </ol>
 * As the ascent's, this method's termination is not proven (a step that changes the piece may
 * in principle cycle); it is bounded, and its answer is certified by the caller, who falls back
 * to a general back-end otherwise.
 */
final class FeederSolver {
    /** Outer steps before giving up (the markets tried take fewer than 20). */
    static final int MAX_STEPS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(FeederSolver.class);
    /**
     * A network price this many times the spread of the assets' marginal costs ends the solve: at
     * an optimum a bus price is bounded by that spread wherever an asset there can still move, so
     * prices beyond it mean the rows are out of the assets' reach (infeasible, for the back-end to
     * say) or the piece is degenerate.
     */
    static final double PRICE_CAP = 1e3;
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
    private final RowSet rows;
    private final LocalModel local;
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
    private int evaluations;
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

    FeederSolver(MarketIndex ix, BusRows busRows) {
        this.ix = ix;
        nq = busRows.numBuses();
        nr = busRows.numRows();
        assetBus = new int[ix.numAssets()];
        int[] owner = ix.assetOwner();
        double[] busWeight = new double[nq];
        for (int s = 0; s < assetBus.length; s++) {
            assetBus[s] = busRows.busOf(owner[s]);
            if (assetBus[s] >= 0 && ix.a()[s] > 0) {
                busWeight[assetBus[s]] += 1.0 / ix.a()[s];
            }
        }
        rows = new RowSet(busRows, busWeight);
        local = new LocalModel(rows);
        y = new double[nr];
        pi = new double[nq];
        busPower = new double[nq];
        value = new double[nr];
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
        rows.rows.values(new double[nq], constant); // the rows' values without market injections
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
                    if (!local.solve(piece, y, value, busPower, tau, next)) {
                        // A singular or unsettled local problem: damping makes it better posed.
                        tau = tau == 0.0 ? TAU_MIN : tau * TAU_GROWTH;
                        if (tau > TAU_MAX) {
                            failure = local.failure();
                            return false;
                        }
                        continue;
                    }
                    predicted = 0;
                    for (int r = 0; r < nr; r++) {
                        predicted += -kept.value[r] * (next[r] - y[r]) + rows.bound(r, next[r]) - rows.bound(r, y[r]);
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
                double slack = NumericalTolerances.FEEDER_ARMIJO_SLACK * Math.max(1.0, Math.abs(kept.dual));
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

    /**
     * Solves the market at the network prices of multipliers {@code yy}; sets the solve, the
     * buses' injections, the rows' values, the prices and the dual's value. False on failure.
     */
    private int evaluate(double[] yy, double[] guess) {
        for (int q = 0; q < nq; q++) {
            pi[q] = rows.rows.priceShift(q);
        }
        for (int r = 0; r < nr; r++) {
            if (yy[r] != 0.0) {
                double[] c = rows.coefficients(r);
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
        rows.rows.values(busPower, value);
        double d = marketCost(lastIndex, last);
        for (int r = 0; r < nr; r++) {
            d += -yy[r] * constant[r] + rows.bound(r, yy[r]);
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

    private double worstViolation() {
        double w = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < nr; r++) {
            w = Math.max(w, rows.violation(r, value[r]));
        }
        return nr == 0 ? 0 : w;
    }

    private boolean multipliersAtBounds() {
        for (int r = 0; r < nr; r++) {
            if (y[r] > 0 && value[r] - rows.lower(r) > rows.tolerance(r) || y[r] < 0 && rows.upper(r) - value[r] > rows.tolerance(r)) {
                return false;
            }
        }
        return true;
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
