package org.peerclear.games;

/**
 * The games module's numerical tolerances, in one place so that every judgement about rounding
 * can be read at once. Each is relative to the scale named beside it. One block per part of the
 * module.
 */
public final class GameTolerances {
    private GameTolerances() {
    }

    // ---- Community pricing rules (org.peerclear.games.pricing) ----

    /**
     * A pricing rule conserves money: the members' bills add up to the community's grid bill
     * within this, relative to the gross money moved (the members' bills and the grid bill in
     * absolute value, at least 1). The rules are closed-form, so only rounding separates the two.
     */
    public static final double MONEY_CONSERVED = 1e-9;

    /**
     * A member loses under a rule when its saving against the grid-only baseline is below minus
     * this, relative to its baseline cost's gross terms (asset costs and grid bill in absolute
     * value, at least 1): a smaller shortfall is rounding, not a loss.
     */
    public static final double MEMBER_LOSS = 1e-9;

    /**
     * At the optimisation's prices the members' bills and the community's grid bill differ by the
     * manager's residual; at an exact optimum it is zero, and a clearing by an interior-point or
     * active-set back-end leaves its prices' rounding in it. Relative to the gross money moved.
     */
    public static final double OPTIMISATION_RESIDUAL = 1e-6;

    // ---- Nash competition among sellers (org.peerclear.games.nash) ----

    /**
     * A profile is a Nash equilibrium when no seller's exact best response gains more than this
     * over its profit, relative to the seller's gross money (revenue plus cost in absolute value,
     * at least 1). The equilibria are computed to machine precision, so this is rounding only.
     */
    public static final double BEST_RESPONSE_GAIN = 1e-9;

    /**
     * A candidate equilibrium on one linear piece of a piecewise-linear inverse demand is on
     * that piece when its total quantity is inside the piece's range widened by this, relative to
     * the largest breakpoint (at least 1).
     */
    public static final double PIECE_MEMBERSHIP = 1e-12;

    /**
     * A solver back-end's answer to the potential QP ({@link org.peerclear.games.nash.CournotPotential})
     * agrees with the exact equilibrium within this, relative to the total output (at least 1):
     * the back-end's own optimality tolerance, not the equilibrium's.
     */
    public static final double BACKEND_AGREEMENT = 1e-6;
}
