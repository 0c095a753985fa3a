package org.peerclear.games.sharing;

import java.util.function.LongToDoubleFunction;

/**
 * A cooperative game with transferable utility: {@code players()} players and a value v(S) for
 * every coalition S, {@code v(∅) = 0}. Values are what a coalition gains together (a community's
 * savings), so an allocation x is in the core when {@code x(S) >= v(S)} for every S.
 *
 * <p>Values are read through a {@link Coalition}, an incremental evaluator, so that a game whose
 * value is a computation (a market clearing) can update it player by player. A game given by a
 * formula on coalition masks is {@link #of(int, LongToDoubleFunction)}.
 */
public interface Game {
    /** Largest number of players whose coalitions fit in a {@code long} mask (bit i is player i). */
    int MAX_MASK_PLAYERS = 62;

    /** {@return the number of players, at least 1} */
    int players();

    /** {@return a new, empty coalition evaluator of this game, for one thread} */
    Coalition coalition();

    /**
     * The player's name in results and messages.
     *
     * @param player a player index
     * @return {@code "p" + player} unless the game names its players (a market game: the agent's id)
     */
    default String playerName(int player) {
        return "p" + player;
    }

    /**
     * v of one coalition given as a mask, through a new evaluator (convenient, not fast: methods that
     * read many values keep one {@link Coalition} and step it).
     *
     * @param mask bit i set for player i; at most {@value #MAX_MASK_PLAYERS} players
     * @return v(S)
     * @throws IllegalArgumentException if the game has more players than a mask holds or the mask names a
     *                                  player beyond {@code players()}
     */
    default double value(long mask) {
        int n = players();
        if (n > MAX_MASK_PLAYERS || (n < 64 && (mask >>> n) != 0)) {
            throw new IllegalArgumentException("mask " + Long.toBinaryString(mask) + " does not fit a game of " + n + " players");
        }
        Coalition c = coalition();
        for (long m = mask; m != 0; m &= m - 1) {
            c.add(Long.numberOfTrailingZeros(m));
        }
        return c.value();
    }

    /**
     * A game given by its characteristic function on masks.
     *
     * @param players the number of players, 1 to {@value #MAX_MASK_PLAYERS}
     * @param value   v of a mask (bit i: player i); called with 0 never (v(∅) = 0); must be thread-safe
     * @return the game
     * @throws IllegalArgumentException if {@code players} is out of range
     */
    static Game of(int players, LongToDoubleFunction value) {
        return new MaskGame(players, value);
    }
}
