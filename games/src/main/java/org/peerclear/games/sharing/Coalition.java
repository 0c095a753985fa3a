package org.peerclear.games.sharing;

/**
 * A coalition being built one player at a time, with its value: the incremental evaluator every
 * sharing method walks (a permutation adds players one by one; the exact methods visit all
 * coalitions in Gray-code order, adding or removing one player per step). An evaluator may keep
 * state between steps (a market game keeps its aggregate supply curve), so one instance serves one
 * thread at a time; {@link Game#coalition()} gives each thread its own.
 *
 * <p>Determinism: the value after a sequence of steps from {@link #clear()} depends on that
 * sequence only, never on the thread or on what the instance did before the {@code clear()}.
 */
public interface Coalition {
    /**
     * Adds a player.
     *
     * @param player a player index, {@code 0 <= player < players()}, not a member
     * @throws IllegalArgumentException if the player is out of range or already a member
     */
    void add(int player);

    /**
     * Removes a player.
     *
     * @param player a member's index
     * @throws IllegalArgumentException if the player is out of range or not a member
     */
    void remove(int player);

    /**
     * Whether a player is a member.
     *
     * @param player a player index
     * @return {@code true} when added and not removed since
     */
    boolean contains(int player);

    /** {@return the number of members} */
    int size();

    /** {@return the value v(S) of the current members: what they save together; v of the empty coalition is 0} */
    double value();

    /** Removes every member: the state of a new coalition. */
    void clear();
}
