package org.peerclear.games.sharing;

/**
 * The cost {@code c(S)} of a community's coalitions, evaluated incrementally: one implementation
 * per way of clearing a coalition's market ({@link CommunityGame.Evaluator}).
 */
interface CoalitionCost {
    /** {@return the number of players} */
    int players();

    /** {@return a new state for one thread: the empty coalition} */
    State state();

    /** The members and whatever the evaluation keeps between steps. */
    interface State {
        /**
         * Adds or removes a player (the caller keeps the membership).
         *
         * @param player the player
         * @param member {@code true} to add, {@code false} to remove
         */
        void set(int player, boolean member);

        /**
         * The current coalition's cost.
         *
         * @return c(S), currency per period (summed over periods for a horizon)
         * @throws IllegalStateException if the coalition's market cannot be cleared (infeasible), saying why
         */
        double cost();

        /** Back to the empty coalition, as a new state would be. */
        void clear();
    }
}
