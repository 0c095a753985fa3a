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

    /**
     * A history from parallel arrays, copied.
     *
     * @param iteration the iteration numbers, increasing
     * @param primal    the primal residual after each
     * @param dual      the dual residual after each
     * @throws IllegalArgumentException if the lengths differ
     */
    public ConvergenceHistory(long[] iteration, double[] primal, double[] dual) {
        if (iteration.length != primal.length || iteration.length != dual.length) {
            throw new IllegalArgumentException("convergence: iteration, primal and dual must have the same length, got "
                    + iteration.length + ", " + primal.length + ", " + dual.length);
        }
        this.iteration = iteration.clone();
        this.primal = primal.clone();
        this.dual = dual.clone();
    }

    /** {@return the number of recorded iterations} */
    public int size() {
        return iteration.length;
    }

    /** {@return the iteration numbers, a copy} */
    public long[] iteration() {
        return iteration.clone();
    }

    /** {@return the primal residual after each recorded iteration, a copy} */
    public double[] primal() {
        return primal.clone();
    }

    /** {@return the dual residual after each recorded iteration, a copy} */
    public double[] dual() {
        return dual.clone();
    }

    /** Collects the residuals as a run makes them; amortised O(1) per iteration on primitive arrays. */
    public static final class Recorder {
        private long[] iteration = new long[64];
        private double[] primal = new double[64];
        private double[] dual = new double[64];
        private int size;

        /**
         * Records one iteration.
         *
         * @param it the iteration number (across refinements, so increasing)
         * @param r  the primal residual after it
         * @param s  the dual residual after it
         */
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

        /** {@return what is recorded so far, as an immutable history; recording may go on} */
        public ConvergenceHistory history() {
            return new ConvergenceHistory(Arrays.copyOf(iteration, size), Arrays.copyOf(primal, size), Arrays.copyOf(dual, size));
        }
    }
}
