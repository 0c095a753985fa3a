package org.peerclear.result;

import java.util.Arrays;

/**
 * An iterative method's residuals per iteration, recorded on request (ADMM's
 * {@code recordHistory}) so that a result can show how it converged: {@code primal[i]} and
 * {@code dual[i]} are the residuals after iteration {@code iteration[i]}, in the method's own
 * measure (for ADMM those of its stopping rule, as the result's {@code primalResidual} and
 * {@code dualResidual}). Immutable.
 */
public final class ConvergenceHistory {
    private final long[] iteration;
    private final double[] primal;
    private final double[] dual;

    public ConvergenceHistory(long[] iteration, double[] primal, double[] dual) {
        if (iteration.length != primal.length || iteration.length != dual.length) {
            throw new IllegalArgumentException("convergence: iteration, primal and dual must have the same length, got "
                    + iteration.length + ", " + primal.length + ", " + dual.length);
        }
        this.iteration = iteration.clone();
        this.primal = primal.clone();
        this.dual = dual.clone();
    }

    public int size() {
        return iteration.length;
    }

    public long[] iteration() {
        return iteration.clone();
    }

    public double[] primal() {
        return primal.clone();
    }

    public double[] dual() {
        return dual.clone();
    }

    /** Collects the residuals as a run makes them; amortised O(1) per iteration on primitive arrays. */
    public static final class Recorder {
        private long[] iteration = new long[64];
        private double[] primal = new double[64];
        private double[] dual = new double[64];
        private int size;

        public void add(long it, double r, double s) {
            if (size == iteration.length) {
                iteration = Arrays.copyOf(iteration, 2 * size);
                primal = Arrays.copyOf(primal, 2 * size);
                dual = Arrays.copyOf(dual, 2 * size);
            }
            iteration[size] = it;
            primal[size] = r;
            dual[size] = s;
            size++;
        }

        public ConvergenceHistory history() {
            return new ConvergenceHistory(Arrays.copyOf(iteration, size), Arrays.copyOf(primal, size), Arrays.copyOf(dual, size));
        }
    }
}
