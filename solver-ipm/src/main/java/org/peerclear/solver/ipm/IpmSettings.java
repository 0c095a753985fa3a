package org.peerclear.solver.ipm;

/**
 * Every numerical constant of the interior-point back-end, in one place, each with the reason
 * for its value. "Scaled" means the problem after Ruiz equilibration ({@link StandardForm}),
 * where the constraint matrix and the cost have entries of order one.
 */
final class IpmSettings {
    /**
     * A variable whose box is at most this wide (relative to max(1, |bounds|)) is fixed at its
     * middle by the presolve (e.g. a PV output of [0, 5e-16] at night): moving it by 1e-12 is
     * far below every tolerance, a barrier on it is not.
     */
    static final double FIXED_WIDTH = 1e-12;

    /**
     * A row the presolve empties (every coefficient cancelled) still holds when its right-hand
     * side is within this of 0, relative to max(1, |rhs|): what is left is the rounding of the
     * cancellation, not an infeasibility.
     */
    static final double EMPTY_ROW = 1e-12;

    /** Iteration cap of one interior-point run; Mehrotra's method needs 20–60 on the problems met so far. */
    static final int MAX_ITERATIONS = 200;

    /** Fraction of the step to the boundary of the positive orthant (η); 0.995 keeps iterates well centred. */
    static final double STEP_TO_BOUNDARY = 0.995;

    /**
     * Primal regularisation ρ added to the diagonal H = Q + Z/S (scaled): keeps H invertible on
     * free variables without curvature. Iterative refinement on the unregularised system removes its effect.
     */
    static final double PRIMAL_REGULARISATION = 1e-9;

    /** Dual regularisation δ added to the diagonal of A·H⁻¹·Aᵀ (scaled): keeps it definite with dependent rows. */
    static final double DUAL_REGULARISATION = 1e-9;

    /**
     * A pivot of the LDLᵀ factorisation at most this fraction of its column's diagonal entry is
     * numerically zero (a dependent row): it is replaced by {@link #HUGE_PIVOT}, which sets that
     * component of the step to zero instead of dividing by round-off.
     */
    static final double ZERO_PIVOT = 1e-14;

    /** Replacement of a zero pivot. */
    static final double HUGE_PIVOT = 1e128;

    /** Iterative refinement passes on the unregularised Newton system (each costs two mat-vecs and a solve). */
    static final int REFINEMENT_PASSES = 5;

    /** Refinement stops once the Newton residual is this small relative to its right-hand side. */
    static final double REFINEMENT_TOLERANCE = 1e-14;

    /** Ruiz equilibration passes (the row and column norms settle within a few percent after 10). */
    static final int RUIZ_PASSES = 10;

    /** Ruiz factors are kept within [1/RUIZ_LIMIT, RUIZ_LIMIT] so that a nearly empty row does not blow up. */
    static final double RUIZ_LIMIT = 1e6;

    /** Distance (scaled) of the starting point from a finite bound; a narrower box starts at its midpoint. */
    static final double INITIAL_BOUND_DISTANCE = 1.0;

    /** Smallest starting bound dual (scaled). */
    static final double INITIAL_DUAL = 1.0;

    /**
     * A scaled iterate this large means divergence (data are of order one after scaling): the run
     * stops and the problem is classified by the auxiliary feasibility and ray problems.
     */
    static final double DIVERGENCE = 1e12;

    /** Steps shorter than this count as no progress ... */
    static final double STALL_STEP = 1e-8;

    /** ... and this many in a row stop the run. */
    static final int STALL_ITERATIONS = 5;

    /**
     * INFEASIBLE when the least total row violation (the elastic problem's optimum, in the
     * problem's units) exceeds this times max(1, largest |rhs|): far above the 1e-9 accuracy of
     * the solve, far below the violations of a genuinely infeasible market.
     */
    static final double INFEASIBILITY_MARGIN = 1e-6;

    /**
     * UNBOUNDED when the ray problem (min c·d over recession directions |d| ≤ 1) reaches below
     * minus this times max(1, largest |c|).
     */
    static final double RAY_MARGIN = 1e-6;

    /**
     * Largest factor (non-zeros of L) the back-end computes: 50 million non-zeros hold 400 MB of
     * values and 200 MB of row indices, about what a default JVM heap on a developer machine
     * spares beside the problem. A larger one is declined (Status.ERROR, "factor of N non-zeros
     * exceeds the budget") so that the caller can use a first-order method instead.
     */
    static final long FACTOR_NONZERO_BUDGET = 50_000_000L;

    /**
     * Flops a second of the up-looking LDLᵀ (indirect addressing, one core), for the time-limit
     * budget: measured about 1e9 on the horizon problems; the optimistic side is taken so that
     * only a factor clearly too slow is declined.
     */
    static final double FACTOR_FLOP_RATE = 2e9;

    /**
     * Factorisations a solve needs at least (the start, then one per iteration, and Mehrotra
     * needs 15–60 iterations): with a time limit, a factor whose flops times this exceed the time
     * left at {@link #FACTOR_FLOP_RATE} is declined at once rather than run into the limit.
     */
    static final int MIN_FACTORISATIONS = 10;

    /**
     * The ordering sets aside nodes of degree above AMD_DENSE_FACTOR·√n (and above
     * {@link #AMD_DENSE_MINIMUM}) and orders them last: as in AMD, a dense row would otherwise
     * join every element, and the degree updates would cost O(n) each.
     */
    static final double AMD_DENSE_FACTOR = 10.0;

    /** Smallest degree a node needs to count as dense (small graphs have none). */
    static final int AMD_DENSE_MINIMUM = 16;

    private IpmSettings() {
    }
}
