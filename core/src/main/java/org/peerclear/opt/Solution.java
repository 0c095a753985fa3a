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

    /** A solution without a primal point (infeasible, unbounded, error, ...). */
    public static Solution withoutPoint(Status status, String message, String backend, long iterations, double seconds) {
        if (status.hasSolution()) {
            throw new IllegalArgumentException("Status " + status + " needs a primal point");
        }
        return new Solution(status, message, backend, Double.NaN, null, null, iterations, seconds);
    }

    public Status status() {
        return status;
    }

    public String message() {
        return message;
    }

    public String backend() {
        return backend;
    }

    /** Objective value at the primal point, NaN without one. */
    public double objective() {
        return objective;
    }

    public boolean hasPoint() {
        return x != null;
    }

    /** The primal point; throws if there is none (check {@link #status()} first). */
    public double[] x() {
        if (x == null) {
            throw new IllegalStateException("No primal point: status " + status + (message.isEmpty() ? "" : " (" + message + ")"));
        }
        return x.clone();
    }

    public double x(int j) {
        if (x == null) {
            throw new IllegalStateException("No primal point: status " + status);
        }
        return x[j];
    }

    public boolean hasDuals() {
        return duals != null;
    }

    /** Row duals, {@code y_i = ∂(obj*)/∂rhs_i}; empty when the back-end or the problem class has none. */
    public Optional<double[]> duals() {
        return duals == null ? Optional.empty() : Optional.of(duals.clone());
    }

    public double dual(int i) {
        if (duals == null) {
            throw new IllegalStateException("No duals (back-end " + backend + ", status " + status + ")");
        }
        return duals[i];
    }

    /** Reduced costs {@code z = c + Qx − Aᵀy}; needs a point and duals. */
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

    public long iterations() {
        return iterations;
    }

    public double seconds() {
        return seconds;
    }

    @Override
    public String toString() {
        return "Solution[" + status + (message.isEmpty() ? "" : " (" + message + ")") + ", objective " + objective
                + ", backend " + backend + ", " + iterations + " iterations, " + seconds + " s]";
    }
}
