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

    private NumericalTolerances() {
    }
}
