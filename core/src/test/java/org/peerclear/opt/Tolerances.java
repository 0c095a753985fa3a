package org.peerclear.opt;

/**
 * Every numerical tolerance of the solver tests, in one place. Objective and dual comparisons
 * are relative to {@code max(1, |expected|)}; primal comparisons are absolute.
 */
public final class Tolerances {
    /** What a simplex or active-set method (exact up to rounding) must meet. */
    public static final Set EXACT = new Set(1e-7, 1e-6, 1e-6, 1e-7);

    /**
     * What PDLP (a first-order method) is asked to meet: it runs with absolute and relative
     * optimality tolerances of {@code PDLP_REQUESTED_EPS}, and is held to 1e-6 like every other
     * back-end on objective and duals.
     */
    public static final Set FIRST_ORDER = new Set(1e-6, 1e-5, 1e-6, 1e-6);

    /** Cross-back-end agreement of objective and duals (relative), as the project issue requires. */
    public static final double AGREEMENT = 1e-6;

    /** Two numbers this close (relative) are the same for comparisons of analytic values. */
    public static final double ARITHMETIC = 1e-12;

    private Tolerances() {
    }

    /** A set of tolerances a back-end is tested against. */
    public static final class Set {
        public final double objective;
        public final double primal;
        public final double dual;
        public final double kkt;

        public Set(double objective, double primal, double dual, double kkt) {
            this.objective = objective;
            this.primal = primal;
            this.dual = dual;
            this.kkt = kkt;
        }
    }

    /** |a − b| / max(1, |b|). */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.abs(b));
    }
}
