package org.peerclear.clearing.exact;

import java.util.Arrays;

/** A binary min-heap of (position, event) on primitive arrays; reused across sweeps. */
final class EventHeap {
    private double[] key = new double[64];
    private int[] event = new int[64];
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    double topKey() {
        return key[0];
    }

    int topEvent() {
        return event[0];
    }

    /** Appends without ordering; call {@link #heapify()} before the next {@link #topKey()}. */
    void add(double k, int e) {
        if (size == key.length) {
            key = Arrays.copyOf(key, 2 * size);
            event = Arrays.copyOf(event, 2 * size);
        }
        key[size] = k;
        event[size++] = e;
    }

    /** Orders what {@link #add} appended, in linear time (Floyd). */
    void heapify() {
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, key[i], event[i]);
        }
    }

    void push(double k, int e) {
        if (size == key.length) {
            key = Arrays.copyOf(key, 2 * size);
            event = Arrays.copyOf(event, 2 * size);
        }
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

    void pop() {
        double k = key[--size];
        int e = event[size];
        siftDown(0, k, e);
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
