package org.peerclear.generate;

/**
 * SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny generator whose output is fixed by its
 * published definition, so a seed gives the same numbers on every JVM and version. Not
 * thread-safe; one instance per generation run.
 */
public final class SplitMix64 {
    private long state;

    /**
     * A generator at the start of the stream of {@code seed}.
     *
     * @param seed any value
     */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** {@return the next 64 random bits, as SplitMix64 defines them} */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@return a double uniform in [0, 1) with 53 random bits} */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Uniform in [lo, hi).
     *
     * @param lo the lower end, included
     * @param hi the upper end, excluded; {@code >= lo}
     * @return the draw
     */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /**
     * Uniform in [0, bound), without modulo bias.
     *
     * @param bound {@code > 0}
     * @return the draw
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return (int) (r % bound);
    }
}
