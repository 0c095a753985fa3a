package org.peerclear.games;

/**
 * The games module's numerical tolerances, in one place so that every judgement about rounding
 * can be seen at once. Each says what it is relative to. One block per part of the module
 * ({@code sharing}, {@code stackelberg}, {@code nash}, {@code pricing}); add to your own block.
 */
public final class GameTolerances {
    private GameTolerances() {
    }

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
}
