package org.peerclear.model;

import java.util.Arrays;

/**
 * A hash table from pair keys (two non-negative agent indices packed in a long) to a double,
 * used to derive a market's arcs. {@code Long.hashCode} of such a key is {@code i ^ j}, which
 * puts every pair with the same xor in one bucket: on 10^5 agents a {@code HashMap<Long, ...>}
 * degraded to tree searches, and deriving the arcs took most of reading a large case. Here the
 * key is mixed (a multiply-shift hash) and probed linearly in primitive arrays.
 */
final class PairTable {
    private static final long FREE = -1L;

    private final long[] keys;
    private final double[] values;
    private final int shift;
    private int size;

    /** A table for up to {@code expected} keys (it does not grow). */
    PairTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, 2 * expected - 1)) << 1;
        keys = new long[capacity];
        values = new double[capacity];
        Arrays.fill(keys, FREE);
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long key) {
        int s = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (keys[s] != FREE && keys[s] != key) {
            s = (s + 1) & (keys.length - 1);
        }
        return s;
    }

    /** Adds {@code key} with {@code value}; false, changing nothing, when it is there already. */
    boolean put(long key, double value) {
        if (key < 0) {
            throw new IllegalArgumentException("pair keys are non-negative, got " + key);
        }
        int s = slot(key);
        if (keys[s] == key) {
            return false;
        }
        if (size + 1 > keys.length / 2) {
            throw new IllegalStateException("PairTable is full: sized for " + keys.length / 2 + " keys");
        }
        keys[s] = key;
        values[s] = value;
        size++;
        return true;
    }

    boolean add(long key) {
        return put(key, 0.0);
    }

    boolean contains(long key) {
        return keys[slot(key)] == key;
    }

    double get(long key, double fallback) {
        int s = slot(key);
        return keys[s] == key ? values[s] : fallback;
    }

    /** The keys, in no particular order. */
    long[] keys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != FREE) {
                out[n++] = k;
            }
        }
        return out;
    }
}
