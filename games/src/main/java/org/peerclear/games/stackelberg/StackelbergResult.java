package org.peerclear.games.stackelberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peerclear.opt.Status;

/**
 * The outcome of a Stackelberg game: the leader's prices, every follower's response, what they give
 * the leader and the community, and (once checked) the equilibrium check. Without a solution
 * ({@link Status#hasSolution()} false) the numbers are NaN and there are no responses.
 *
 * @param status          OPTIMAL when the method proves the leader's optimum (the price search by
 *                        construction, the MILP by its back-end to its gap); INFEASIBLE when no price
 *                        lets the leader recover its cost; a MILP back-end's FEASIBLE or TIME_LIMIT otherwise
 * @param method          {@code price-search} (breakpoints, the continuum), {@code price-grid} (every tick),
 *                        {@code milp} or {@code closed-form} (responses to given prices)
 * @param message         what the status means for this run; empty when nothing to add
 * @param objective       what the leader maximised
 * @param structure       the prices it announced
 * @param buyPrice        what followers pay per unit they import, currency per unit of power for one period
 * @param sellPrice       what followers receive per unit they export; {@code <= buyPrice}
 * @param responses       every follower's response, in the game's order; unmodifiable
 * @param leaderProfit    {@code buy·imports − sell·exports − grid bill}, currency per period
 * @param leaderObjective the leader's profit or the community's welfare, as it maximised
 * @param welfare         the community's welfare: {@code −Σ asset costs − grid bill} (followers' surplus plus the
 *                        leader's profit), currency per period
 * @param imports         what followers import in total, power unit
 * @param exports         what followers export in total
 * @param gridImport      what the leader buys from the grid: {@code max(imports − exports, 0)}
 * @param gridExport      what the leader sells to the grid: {@code max(exports − imports, 0)}
 * @param notes           what the method adds (tick, big-M, sizes); unmodifiable
 * @param seconds         wall-clock time of the solve, seconds (the check's is its own)
 * @param check           the equilibrium check; null when not checked
 */
public record StackelbergResult(Status status, String method, String message, LeaderObjective objective,
                                PriceStructure structure, double buyPrice, double sellPrice,
                                List<FollowerResponse> responses, double leaderProfit, double leaderObjective,
                                double welfare, double imports, double exports, double gridImport, double gridExport,
                                List<String> notes, double seconds, EquilibriumCheck check) {
    /**
     * Copies the lists.
     *
     * @param status the outcome
     * @param method what solved it
     * @param message what the status means; null for none
     * @param objective what the leader maximised
     * @param structure the prices announced
     * @param buyPrice the buy price
     * @param sellPrice the sell price
     * @param responses the followers' responses, copied
     * @param leaderProfit the leader's profit
     * @param leaderObjective the leader's objective
     * @param welfare the community's welfare
     * @param imports total imports
     * @param exports total exports
     * @param gridImport bought from the grid
     * @param gridExport sold to the grid
     * @param notes notes, copied
     * @param seconds solve time
     * @param check the equilibrium check; null for none
     */
    public StackelbergResult {
        message = message == null ? "" : message;
        responses = List.copyOf(responses);
        notes = List.copyOf(notes);
    }

    /** {@return the equilibrium check, if the result was checked} */
    public Optional<EquilibriumCheck> verification() {
        return Optional.ofNullable(check);
    }

    /**
     * This result with an equilibrium check.
     *
     * @param c the check; null removes it
     * @return a copy
     */
    public StackelbergResult withCheck(EquilibriumCheck c) {
        return new StackelbergResult(status, method, message, objective, structure, buyPrice, sellPrice, responses,
                leaderProfit, leaderObjective, welfare, imports, exports, gridImport, gridExport, notes, seconds, c);
    }

    /**
     * This result with one more note.
     *
     * @param note a line of text
     * @return a copy
     */
    StackelbergResult withNote(String note) {
        List<String> all = new ArrayList<>(notes);
        all.add(note);
        return new StackelbergResult(status, method, message, objective, structure, buyPrice, sellPrice, responses,
                leaderProfit, leaderObjective, welfare, imports, exports, gridImport, gridExport, all, seconds, check);
    }

    /**
     * The response of one follower.
     *
     * @param agentId a follower's id
     * @return its response
     * @throws IllegalArgumentException if no follower has that id
     */
    public FollowerResponse response(String agentId) {
        for (FollowerResponse r : responses) {
            if (r.agentId().equals(agentId)) {
                return r;
            }
        }
        throw new IllegalArgumentException("No follower '" + agentId + "' in the result");
    }
}
