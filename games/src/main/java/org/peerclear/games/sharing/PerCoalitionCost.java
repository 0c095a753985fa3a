package org.peerclear.games.sharing;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A coalition's cost computed from its members' ids, for the evaluators that build and clear a
 * market per coalition ({@link ClearingCost}, {@link HorizonCost}): a state only keeps who is in.
 */
abstract class PerCoalitionCost implements CoalitionCost {
    /** The players' ids, in player order. */
    final List<String> players;

    PerCoalitionCost(List<String> players) {
        this.players = players;
    }

    @Override
    public int players() {
        return players.size();
    }

    /**
     * The cost of one coalition.
     *
     * @param members the members' ids, in player order
     * @return c(S)
     * @throws IllegalStateException if its market cannot be cleared, saying why
     */
    abstract double costOf(Set<String> members);

    /** The ids of the players marked in {@code member}, in player order. */
    static Set<String> ids(boolean[] member, List<String> players) {
        Set<String> ids = new LinkedHashSet<>();
        for (int p = 0; p < member.length; p++) {
            if (member[p]) {
                ids.add(players.get(p));
            }
        }
        return ids;
    }

    @Override
    public State state() {
        return new State() {
            private final boolean[] member = new boolean[players.size()];

            @Override
            public void set(int player, boolean in) {
                member[player] = in;
            }

            @Override
            public double cost() {
                return costOf(ids(member, players));
            }

            @Override
            public void clear() {
                Arrays.fill(member, false);
            }
        };
    }
}
