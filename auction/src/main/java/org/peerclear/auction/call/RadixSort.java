package org.peerclear.auction.call;

/**
 * A stable least-significant-digit radix sort of {@code long} keys compared as unsigned, carrying
 * an {@code int} payload. The call auctions sort a million orders by price with it: it is linear,
 * needs no boxing, and being stable it keeps orders of one price in the order they came in (which
 * is how ties are broken by time without comparing times).
 */
final class RadixSort {
    private static final int BITS = 8;
    private static final int BUCKETS = 1 << BITS;
    private static final int DIGITS = Long.SIZE / BITS;

    private RadixSort() {
    }

    /**
     * Sorts {@code keys[0..n)} ascending as unsigned numbers, permuting {@code payload[0..n)} alike.
     * Equal keys keep their relative order.
     */
    static void sort(long[] keys, int[] payload, int n) {
        if (n < 2) {
            return;
        }
        int[] counts = new int[DIGITS * BUCKETS];
        // One pass counts every digit; a digit that all keys share is then skipped (prices of one
        // market share their sign and most of their exponent, times their high bytes).
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            for (int d = 0; d < DIGITS; d++) {
                counts[d * BUCKETS + (int) ((k >>> (d * BITS)) & (BUCKETS - 1))]++;
            }
        }
        long[] srcKeys = keys;
        int[] srcPayload = payload;
        long[] dstKeys = null;
        int[] dstPayload = null;
        for (int d = 0; d < DIGITS; d++) {
            int base = d * BUCKETS;
            int shift = d * BITS;
            if (counts[base + (int) ((srcKeys[0] >>> shift) & (BUCKETS - 1))] == n) {
                continue;
            }
            if (dstKeys == null) {
                dstKeys = new long[n];
                dstPayload = new int[n];
            }
            int offset = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = counts[base + b];
                counts[base + b] = offset;
                offset += c;
            }
            for (int i = 0; i < n; i++) {
                long k = srcKeys[i];
                int at = counts[base + (int) ((k >>> shift) & (BUCKETS - 1))]++;
                dstKeys[at] = k;
                dstPayload[at] = srcPayload[i];
            }
            long[] tk = srcKeys;
            srcKeys = dstKeys;
            dstKeys = tk;
            int[] tp = srcPayload;
            srcPayload = dstPayload;
            dstPayload = tp;
        }
        if (srcKeys != keys) {
            System.arraycopy(srcKeys, 0, keys, 0, n);
            System.arraycopy(srcPayload, 0, payload, 0, n);
        }
    }

    /** {@return a key whose unsigned order is the order of the prices (−0.0 and 0.0 are one price)} */
    static long ascending(double price) {
        long bits = Double.doubleToRawLongBits(price + 0.0);
        // Non-negative doubles order like their bits; negative ones in reverse: flip the sign bit of
        // the former and every bit of the latter, and unsigned order is numeric order.
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    /** {@return the price of an {@link #ascending} key} */
    static double price(long ascendingKey) {
        long bits = ascendingKey < 0 ? ascendingKey ^ Long.MIN_VALUE : ~ascendingKey;
        return Double.longBitsToDouble(bits);
    }
}
