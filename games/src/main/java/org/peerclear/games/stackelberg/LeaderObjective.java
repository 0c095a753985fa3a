package org.peerclear.games.stackelberg;

/** What the Stackelberg leader maximises when it announces its prices (see the package comment for the exact definitions). */
public enum LeaderObjective {
    /**
     * Its profit: what importers pay it at the buy price, minus what it pays exporters at the
     * sell price, minus its net bill with the grid for the community's net position (exports
     * first serve the imports; only the rest is traded with the grid).
     */
    PROFIT,
    /**
     * The community's welfare (the followers' total utility minus their costs, minus the
     * community's net grid bill: the followers' surplus plus the leader's profit), subject to the
     * leader's profit covering its cost ({@link StackelbergOptions#leaderCost()}).
     */
    WELFARE
}
