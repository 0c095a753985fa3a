package org.peerclear.model;

import java.util.Arrays;

/**
 * The values of one number of a market over the periods of a horizon: either one value for
 * every period ({@link #constant(double)}) or one value per period ({@link #of(double...)}).
 * Immutable. A series does not know the horizon's length; {@link HorizonMarket} checks that every
 * per-period series has exactly one value per period, and names the field when not.
 *
 * <p>A constant and a per-period series are never equal, even when the per-period values are all
 * the same: they are written differently (a number, an array), and a written case must read
 * back equal.
 */
public final class Series {
    private static final Series ZERO = new Series(0.0, null);

    private final double constant;
    private final double[] values;

    private Series(double constant, double[] values) {
        this.constant = constant;
        this.values = values;
    }

    /** The same value in every period. */
    public static Series constant(double value) {
        // Zero is the commonest value of a large case (a = 0, pMin = 0): one shared instance.
        return Double.doubleToRawLongBits(value) == 0L ? ZERO : new Series(value, null);
    }

    /**
     * One value per period, in period order (copied). An empty series is allowed here so that the
     * horizon, which knows the number of periods, names the field whose array is too short.
     */
    public static Series of(double... values) {
        return new Series(Double.NaN, values.clone());
    }

    /** True when the value is the same in every period by construction. */
    public boolean isConstant() {
        return values == null;
    }

    /** The number of per-period values; -1 for a constant. */
    public int length() {
        return values == null ? -1 : values.length;
    }

    /** The value in period {@code t} (any t for a constant). */
    public double at(int t) {
        return values == null ? constant : values[t];
    }

    /** The per-period values as a new array of {@code periods} entries. */
    public double[] toArray(int periods) {
        if (values == null) {
            double[] out = new double[periods];
            Arrays.fill(out, constant);
            return out;
        }
        if (values.length != periods) {
            throw new IllegalArgumentException("series of " + values.length + " values asked for " + periods);
        }
        return values.clone();
    }

    /** This series times {@code factor}, value by value. */
    public Series scaled(double factor) {
        if (values == null) {
            return constant(constant * factor);
        }
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return new Series(Double.NaN, out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Series s)) {
            return false;
        }
        return values == null ? s.values == null && Double.compare(constant, s.constant) == 0 : Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return values == null ? Double.hashCode(constant) : Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values == null ? Double.toString(constant) : Arrays.toString(values);
    }
}
