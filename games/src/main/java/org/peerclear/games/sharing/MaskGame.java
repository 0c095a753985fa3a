package org.peerclear.games.sharing;

import java.util.Objects;
import java.util.function.LongToDoubleFunction;

/** A game given by a function of coalition masks ({@link Game#of}). */
final class MaskGame implements Game {
    private final int players;
    private final LongToDoubleFunction value;

    MaskGame(int players, LongToDoubleFunction value) {
        if (players < 1 || players > MAX_MASK_PLAYERS) {
            throw new IllegalArgumentException("a game given on masks has 1 to " + MAX_MASK_PLAYERS + " players, got " + players);
        }
        this.players = players;
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public int players() {
        return players;
    }

    @Override
    public Coalition coalition() {
        return new Members();
    }

    @Override
    public double value(long mask) {
        if ((mask >>> players) != 0) {
            throw new IllegalArgumentException("mask " + Long.toBinaryString(mask) + " does not fit a game of " + players + " players");
        }
        return mask == 0 ? 0.0 : value.applyAsDouble(mask);
    }

    /** The members as a mask; the value is the function's. */
    private final class Members implements Coalition {
        private long mask;

        @Override
        public void add(int player) {
            Objects.checkIndex(player, players);
            if ((mask & (1L << player)) != 0) {
                throw new IllegalArgumentException("player " + player + " is already a member");
            }
            mask |= 1L << player;
        }

        @Override
        public void remove(int player) {
            Objects.checkIndex(player, players);
            if ((mask & (1L << player)) == 0) {
                throw new IllegalArgumentException("player " + player + " is not a member");
            }
            mask &= ~(1L << player);
        }

        @Override
        public boolean contains(int player) {
            Objects.checkIndex(player, players);
            return (mask & (1L << player)) != 0;
        }

        @Override
        public int size() {
            return Long.bitCount(mask);
        }

        @Override
        public double value() {
            return mask == 0 ? 0.0 : value.applyAsDouble(mask);
        }

        @Override
        public void clear() {
            mask = 0;
        }
    }
}
