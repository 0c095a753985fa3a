package org.peerclear.opt;

import java.util.Objects;
import java.util.Optional;

/**
 * What a back-end returns for a {@link Problem}: a status that cannot be missed, the primal
 * point, and — for continuous problems solved by a back-end that provides them — the row duals
 * in the convention of {@link Problem} ({@code y_i = ∂(obj*)/∂rhs_i}). Reduced costs are never
 * taken from a back-end: they are derived here as {@code z = c + Qx − Aᵀy}, so that they follow
 * the same convention whatever solved the problem.
 */
public final class Solution {
    private final Status status;
    private final String message;
    private final String backend;
    private final double objective;
    private final double[] x;
    private final double[] duals;
    private final long iterations;
    private final double seconds;

    private Solution(Status status, String message, String backend, double objective, double[] x, double[] duals,
                     long iterations, double seconds) {
        this.status = Objects.requireNonNull(status, "status");
        this.message = message == null ? "" : message;
        this.backend = backend;
        this.objective = objective;
        this.x = x;
        this.duals = duals;
        this.iterations = iterations;
        this.seconds = seconds;
    }

    /**
     * A solution with a primal point. The objective is recomputed from the problem (so that
     * back-ends agree on what it includes, e.g. the constant); duals may be null.
     *
     * @param problem    the problem solved
     * @param status     how the back-end ended; normally one with a solution
     * @param message    what the status means for this run; null for none
     * @param backend    the back-end's name
     * @param x          the primal point, one value per variable; copied
     * @param duals      one dual per row in the {@link Problem} convention, copied; null when there are none
     * @param iterations the back-end's iterations, in its own sense
     * @param seconds    wall-clock time, seconds
     * @return the solution
     * @throws IllegalArgumentException if {@code x} or {@code duals} has the wrong length
     */
    public static Solution of(Problem problem, Status status, String message, String backend, double[] x,
                              double[] duals, long iterations, double seconds) {
        Objects.requireNonNull(x, "x");
        if (x.length != problem.numVariables()) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected " + problem.numVariables());
        }
        if (duals != null && duals.length != problem.numRows()) {
            throw new IllegalArgumentException("duals have length " + duals.length + ", expected " + problem.numRows());
        }
        return new Solution(status, message, backend, problem.objective(x), x.clone(),
                duals == null ? null : duals.clone(), iterations, seconds);
    }

    /**
     * A solution without a primal point (infeasible, unbounded, error, ...).
     *
     * @param status     a status without a solution
     * @param message    what went wrong; null for none
     * @param backend    the back-end's name
     * @param iterations the back-end's iterations, in its own sense
     * @param seconds    wall-clock time, seconds
     * @return the solution, objective NaN
     * @throws IllegalArgumentException if the status needs a point
     */
    public static Solution withoutPoint(Status status, String message, String backend, long iterations, double seconds) {
        if (status.hasSolution()) {
            throw new IllegalArgumentException("Status " + status + " needs a primal point");
        }
        return new Solution(status, message, backend, Double.NaN, null, null, iterations, seconds);
    }

    /** {@return how the back-end ended} */
    public Status status() {
        return status;
    }

    /** {@return what the status means for this run; empty, never null, when there is nothing to add} */
    public String message() {
        return message;
    }

    /** {@return the back-end's name} */
    public String backend() {
        return backend;
    }

    /** {@return the objective value at the primal point, recomputed by {@link Problem#objective}; NaN without one} */
    public double objective() {
        return objective;
    }

    /** {@return {@code true} when there is a primal point} */
    public boolean hasPoint() {
        return x != null;
    }

    /**
     * The primal point; throws if there is none (check {@link #status()} first).
     *
     * @return one value per variable, a copy
     * @throws IllegalStateException if there is no point
     */
    public double[] x() {
        if (x == null) {
            throw new IllegalStateException("No primal point: status " + status + (message.isEmpty() ? "" : " (" + message + ")"));
        }
        return x.clone();
    }

    /**
     * One variable's value at the primal point, without copying the point.
     *
     * @param j a variable index
     * @return x_j
     * @throws IllegalStateException if there is no point
     */
    public double x(int j) {
        if (x == null) {
            throw new IllegalStateException("No primal point: status " + status);
        }
        return x[j];
    }

    /** {@return {@code true} when the back-end gave row duals} */
    public boolean hasDuals() {
        return duals != null;
    }

    /** {@return the row duals, {@code y_i = ∂(obj*)/∂rhs_i}, a copy; empty when the back-end or the problem class has none} */
    public Optional<double[]> duals() {
        return duals == null ? Optional.empty() : Optional.of(duals.clone());
    }

    /**
     * One row's dual, without copying.
     *
     * @param i a row index
     * @return y_i in the {@link Problem} convention
     * @throws IllegalStateException if there are no duals
     */
    public double dual(int i) {
        if (duals == null) {
            throw new IllegalStateException("No duals (back-end " + backend + ", status " + status + ")");
        }
        return duals[i];
    }

    /**
     * Reduced costs {@code z = c + Qx − Aᵀy}; needs a point and duals.
     *
     * @param problem the problem this solves
     * @return one per variable: ≥ 0 at a lower bound, ≤ 0 at an upper bound, 0 in between at an optimum
     * @throws IllegalStateException if there is no point or no duals
     */
    public double[] reducedCosts(Problem problem) {
        double[] g = problem.gradient(x());
        if (duals == null) {
            throw new IllegalStateException("No duals (back-end " + backend + ")");
        }
        double[] aty = problem.transposeTimes(duals);
        for (int j = 0; j < g.length; j++) {
            g[j] -= aty[j];
        }
        return g;
    }

    /** {@return the back-end's iterations, in its own sense} */
    public long iterations() {
        return iterations;
    }

    /** {@return the wall-clock time the back-end took, seconds} */
    public double seconds() {
        return seconds;
    }

    @Override
    public String toString() {
        return "Solution[" + status + (message.isEmpty() ? "" : " (" + message + ")") + ", objective " + objective
                + ", backend " + backend + ", " + iterations + " iterations, " + seconds + " s]";
    }
}
