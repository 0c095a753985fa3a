package org.peerclear.games.sharing;

import java.util.List;

/** The cost over a horizon whose periods are independent: the sum of the periods' costs. */
final class SumCost implements CoalitionCost {
    private final List<CoalitionCost> periods;

    SumCost(List<CoalitionCost> periods) {
        this.periods = List.copyOf(periods);
    }

    @Override
    public int players() {
        return periods.get(0).players();
    }

    @Override
    public State state() {
        State[] states = new State[periods.size()];
        for (int t = 0; t < states.length; t++) {
            states[t] = periods.get(t).state();
        }
        return new State() {
            @Override
            public void set(int player, boolean member) {
                for (State s : states) {
                    s.set(player, member);
                }
            }

            @Override
            public double cost() {
                double c = 0.0;
                for (State s : states) {
                    c += s.cost();
                }
                return c;
            }

            @Override
            public void clear() {
                for (State s : states) {
                    s.clear();
                }
            }
        };
    }
}
