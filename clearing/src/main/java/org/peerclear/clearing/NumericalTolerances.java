package org.peerclear.clearing;

/**
 * The clearing module's numerical tolerances, in one place so that a newcomer can see every
 * judgement about rounding at once. Each is relative to the scale named beside it: a clearing in
 * W and one in MW must make the same decisions. (Tests keep theirs in the test tree's
 * {@code Tolerances}.)
 */
public final class NumericalTolerances {
    /**
     * ADMM polish: a price within this of an asset's linear cost is at it, relative to the
     * largest linear cost or premium (at least 1). Near the rounding of the prices, so only a tie
     * up to rounding counts as one.
     */
    public static final double POLISH_PRICE_TIE = 1e-12;

    /**
     * ADMM polish: an imbalance above this, relative to the largest asset bound (at least 1), means a
     * component cannot balance at its price. Looser than the price tie because the imbalance is
     * a sum over the component's assets, each set to its bound with its own rounding.
     */
    public static final double POLISH_BALANCE = 1e-9;

    /**
     * Dual active-set projection: a constraint is violated only when its slack is below minus
     * this times the size of the rounding in evaluating it ({@code |c| + |n|·|x|}); a smaller
     * slack is rounding, and adding its constraint would chase it.
     */
    public static final double PROJECTION_VIOLATION = 1e-13;

    /**
     * Dual active-set projection: a step direction shorter than this, relative to the new
     * normal's length and the largest inverse weight, is zero: the normal lies in the span of
     * the active ones, so the step is a partial one.
     */
    public static final double PROJECTION_DEPENDENT = 1e-14;

    /**
     * Feeder solver: the rise in the dual a damped Newton step must show may fall short of the
     * Armijo condition by this, relative to the dual, so that a step at the optimum, where the
     * rise is rounding, is still taken.
     */
    public static final double FEEDER_ARMIJO_SLACK = 1e-13;

    /**
     * Feeder solver's local model: a row's multiplier counts as at zero, and the row is released,
     * when it is within this of zero relative to the target's multiplier: below that the step
     * that reaches zero is rounding.
     */
    public static final double LOCAL_RELEASE = 1e-15;

    /**
     * Marginal loss factor allocation: charges whose sum is below this, relative to the losses
     * (at least 1 kW), add up to nothing, and scaling them to the losses would divide by
     * rounding.
     */
    public static final double LOSS_CHARGES_ZERO = 1e-12;

    /**
     * Horizon pair pricing: a pair trades in a period when its trade exceeds this, relative to
     * the market's power scale; smaller trades are the single-period solver's rounding.
     */
    public static final double PAIR_TRADED = 1e-9;

    /**
     * Tightening to AC: what is added to a bound's margin (pu²) beyond the AC violation, so that
     * the next round's LinDistFlow bound sits strictly inside the AC limit rather than on it.
     */
    public static final double TIGHTENING_HAIR = 1e-7;

    /**
     * Exact solver: relative distance of a price to a linear asset's b at which the asset is
     * marginal.
     */
    public static final double EXACT_AT_BREAKPOINT = 1e-13;

    /**
     * Exact solver: relative tolerance of a row's bound (far above rounding, far below the
     * certificate's).
     */
    public static final double EXACT_ROW = 1e-9;

    /**
     * Exact solver: the least width of a sweep's first window, relative to the price.
     */
    public static final double EXACT_WINDOW_MIN = 1e-9;

    /**
     * Exact solver: ridge on the local Jacobian's diagonal, relative to each row's potential
     * curvature: keeps dependent rows solvable.
     */
    public static final double EXACT_RIDGE = 1e-13;

    /**
     * Exact solver: relative tolerance of the active-set decisions (far above rounding, far below
     * the certificate).
     */
    public static final double EXACT_DECISION = 1e-10;

    /**
     * Separable QP (ADMM's local step): relative tolerance on a fixed variable's multiplier sign,
     * against its cost's gradient scale.
     */
    public static final double LOCAL_QP_DUAL = 1e-11;

    /**
     * Separable QP (ADMM's local step): a pivot this small relative to its column's largest entry
     * makes the KKT system singular.
     */
    public static final double LOCAL_QP_PIVOT = 1e-15;

    /**
     * Separable QP (ADMM's local step): the regularisation of the rows' block of the KKT system,
     * relative to its largest diagonal entry (at least 1).
     */
    public static final double LOCAL_QP_ROW_REGULARISATION = 1e-13;

    /**
     * Separable QP (ADMM's local step): the proximal weight on free variables without curvature of
     * a singular face, relative to the largest curvature.
     */
    public static final double LOCAL_QP_PROXIMAL_WEIGHT = 1e-6;

    /**
     * Separable QP (ADMM's local step): largest row residual at the end, relative to the
     * right-hand sides (at least 1).
     */
    public static final double LOCAL_QP_FEASIBILITY = 1e-9;

    /**
     * Separable QP (ADMM's local step): row residual (relative) below which the end is not refined
     * further (at most {@code MAX_REFINEMENTS} steps): above rounding (1e-14 is its floor on a
     * day's energy rows, where every solve then took almost three more systems) and well below
     * what the rows' duals make of it.
     */
    public static final double LOCAL_QP_REFINE = 1e-12;

    /**
     * Separable QP (ADMM's local step): a proximal step this small relative to the point ends the
     * face's search.
     */
    public static final double LOCAL_QP_STEP = 1e-13;

    /**
     * ADMM price guess (the exact solver's start): ADMM's relative stopping rule for the start (1e-2: 13.0 s, 1e-3: 10.5 s, 3e-4: 11.5 s at
     * 100,000 agents).
     */
    public static final double ADMM_PRICE_GUESS_EPS = 1e-3;

    /**
     * Added to a scale before dividing by it, so that a zero scale gives a huge ratio instead of
     * NaN.
     */
    public static final double UNDERFLOW_GUARD = 1e-300;

    private NumericalTolerances() {
    }
}
