package org.peerclear.games;

/**
 * The games module's numerical tolerances, in one place so that every judgement about rounding
 * can be seen at once. Each says what it is relative to. One block per part of the module
 * ({@code sharing}, {@code stackelberg}, {@code nash}, {@code pricing}); add to your own block.
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

    // ---------------------------------------------------------------------------------------
    // Sharing the savings of a community (org.peerclear.games.sharing)
    // ---------------------------------------------------------------------------------------

    /**
     * Sharing: an allocation is in the core when {@code x(S) >= v(S) - CORE * max(|v(N)|, 1e-300)}
     * for every coalition S, and is efficient when {@code |x(N) - v(N)|} is within this of
     * {@code |v(N)|}: the {@code 1e-9} relative to {@code v(N)} of the {@code share} command's
     * contract.
     */
    public static final double CORE = 1e-9;

    /**
     * Sharing: allocations are efficient ({@code sum = v(N)}) to this, relative to
     * {@code max(|v(N)|, largest |allocation|)}; the methods meet it by construction (telescoping
     * sums, an exact final linear solve), so a larger residual is a defect they report.
     */
    public static final double EFFICIENCY = 1e-9;

    /**
     * Nucleolus LPs (solved on the coalition values divided by their largest magnitude, so this is
     * relative to {@code max |v(S)|}): a coalition's excess below the stage's minimum excess by
     * more than this violates the stage LP and joins its working set; a coalition whose largest
     * possible excess is within this of the minimum is fixed at it. Above the LP back-ends'
     * feasibility tolerances (1e-9 on scaled data) so that their rounding is not read as a violation.
     */
    public static final double NUCLEOLUS_EXCESS = 1e-7;

    /**
     * Nucleolus: a stage dual above this, relative to the largest dual of the stage (the duals of
     * the minimum-excess rows sum to 1), marks a coalition whose excess every optimum of the stage
     * shares; smaller ones are read as 0 (rounding of the back-end's dual).
     */
    public static final double NUCLEOLUS_DUAL = 1e-7;

    /**
     * Nucleolus: a coalition's indicator vector is in the span of the fixed coalitions' when its
     * component orthogonal to them is shorter than this (the vectors are 0/1, of length at most
     * {@code sqrt(n)}): its excess is then determined and it leaves the LPs.
     */
    public static final double NUCLEOLUS_SPAN = 1e-9;

    /**
     * Coalition evaluators against each other: a coalition's cost from the closed form of a pool, from
     * the exact engine on the restricted index and from method {@code qp} on the coalition's market
     * agree to this, relative to the coalition's gross cost (its terms in absolute value, at least
     * 1). The exact engine decides at 1e-9 of the market's scales; measured differences are ~1e-15.
     */
    public static final double COALITION_COST = 1e-9;

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
}
