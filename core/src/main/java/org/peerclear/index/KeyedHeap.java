package org.peerclear.index;

import java.util.Arrays;

/**
 * A binary min-heap of (key, index) pairs on primitive arrays, without boxing: Dijkstra's
 * frontier in {@link MarketFeasibility}, the event queue of the exact market solver. Duplicates
 * are allowed (a caller skips stale entries); reusable after {@link #clear()}.
 */
public final class KeyedHeap {
    private double[] key = new double[64];
    private int[] event = new int[64];
    private int size;

    /** Empties the heap, keeping its capacity. */
    public void clear() {
        size = 0;
    }

    /** {@return the number of entries, stale ones included} */
    public int size() {
        return size;
    }

    /** {@return {@code true} when there is no entry} */
    public boolean isEmpty() {
        return size == 0;
    }

    /** {@return the smallest key; undefined on an empty heap or before {@link #heapify()} after {@link #add}} */
    public double topKey() {
        return key[0];
    }

    /** {@return the index paired with the smallest key; undefined on an empty heap} */
    public int topIndex() {
        return event[0];
    }

    /**
     * Appends without ordering; call {@link #heapify()} before the next {@link #topKey()}.
     *
     * @param k the key
     * @param e the index paired with it
     */
    public void add(double k, int e) {
        grow();
        key[size] = k;
        event[size++] = e;
    }

    /** Orders what {@link #add} appended, in linear time (Floyd). */
    public void heapify() {
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, key[i], event[i]);
        }
    }

    /**
     * Adds an entry, keeping the heap ordered (O(log n)).
     *
     * @param k the key
     * @param e the index paired with it
     */
    public void push(double k, int e) {
        grow();
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (key[p] <= k) {
                break;
            }
            key[i] = key[p];
            event[i] = event[p];
            i = p;
        }
        key[i] = k;
        event[i] = e;
    }

    /** Removes the entry with the smallest key; the heap must not be empty. */
    public void pop() {
        double k = key[--size];
        int e = event[size];
        siftDown(0, k, e);
    }

    private void grow() {
        if (size == key.length) {
            key = Arrays.copyOf(key, 2 * size);
            event = Arrays.copyOf(event, 2 * size);
        }
    }

    private void siftDown(int i, double k, int e) {
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            if (c + 1 < size && key[c + 1] < key[c]) {
                c++;
            }
            if (k <= key[c]) {
                break;
            }
            key[i] = key[c];
            event[i] = event[c];
            i = c;
        }
        key[i] = k;
        event[i] = e;
    }
}
