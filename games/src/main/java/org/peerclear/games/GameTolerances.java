package org.peerclear.games;

/**
 * The games module's numerical tolerances, in one place so that every judgement about rounding in
 * the pricing rules and games can be seen at once. Each is relative to the scale named beside it.
 * One block per package; tests keep theirs in the test tree.
 */
public final class GameTolerances {
    // ---- Stackelberg leader–follower pricing (org.peerclear.games.stackelberg) ----

    /**
     * The equilibrium check: a follower whose independently recomputed best response costs it less
     * than its reported response by more than this, relative to {@code 1 +} the size of its cost
     * and payment ({@code Σ|f_k(p_k)| + |payment|}), could improve, and the check fails. Why: the
     * independent best response comes from the exact clearing, certified to about 1e-9 of the
     * market's scale, and the reported response from a closed form (exact to rounding) or from a
     * MILP back-end (feasible to its 1e-9 tolerance); a response error {@code δ} moves a
     * follower's cost by about {@code a·δ²} at its optimum, so 1e-7 is far above both and far
     * below any saving a follower would act on.
     */
    public static final double STACKELBERG_BEST_RESPONSE = 1e-7;

    /**
     * The equilibrium check: a reported asset power beyond its bounds, or a follower's imports and
     * exports that do not add up to its assets' net, by more than this relative to {@code 1 +} the
     * asset's (follower's) largest bound, is infeasible. Why: MILP back-ends return points
     * feasible to their 1e-9 tolerance; the closed form clamps exactly.
     */
    public static final double STACKELBERG_FEASIBILITY = 1e-8;

    /**
     * Cost recovery: a leader's profit counts as recovering its cost {@code R} when it is at least
     * {@code R} minus this, relative to {@code 1 +} the size of its revenue and grid bill. Why: at
     * the welfare optimum without a spread the profit is exactly zero in exact arithmetic (the
     * price equals the grid's), and the sums of a thousand followers' trades round to about
     * 1e-13 of their size; 1e-9 accepts that rounding and nothing a leader would notice.
     */
    public static final double STACKELBERG_COST_RECOVERY = 1e-9;

    /**
     * The price search on a tick grid: {@code (cap − floor) / tick} within this of an integer is
     * that integer, so that a range of 0.3 with a tick of 0.001 has 300 steps, not 299 (the
     * quotient of the doubles is 299.99999999999994). Relative to the number of steps.
     */
    public static final double STACKELBERG_TICK_COUNT = 1e-9;

    /**
     * The leader's objective recomputed by the equilibrium check from the independently
     * recomputed responses may differ from the reported one by this, relative to {@code 1 +} the
     * size of the leader's revenue, payments and grid bill. Why: the independent responses agree
     * with the reported ones to the clearing's certificate (about 1e-9), and the objective is a
     * sum of a thousand such terms.
     */
    public static final double STACKELBERG_OBJECTIVE = 1e-6;

    private GameTolerances() {
    }
}
