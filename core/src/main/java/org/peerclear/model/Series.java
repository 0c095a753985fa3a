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
    private static final Series ZERO = new Series(0.0, null, 1.0);

    private final double constant;
    /** Never changed once here, so that scaled series can share it (see {@link #scaled}). */
    private final double[] values;
    private final double scale;

    private Series(double constant, double[] values, double scale) {
        this.constant = constant;
        this.values = values;
        this.scale = scale;
    }

    /**
     * The same value in every period.
     *
     * @param value the value, in the unit of the number it stands for; any double
     * @return a constant series
     */
    public static Series constant(double value) {
        // Zero is the commonest value of a large case (a = 0, pMin = 0): one shared instance.
        return Double.doubleToRawLongBits(value) == 0L ? ZERO : new Series(value, null, 1.0);
    }

    /**
     * One value per period, in period order (copied). An empty series is allowed here so that the
     * horizon, which knows the number of periods, names the field whose array is too short.
     *
     * @param values value of period {@code t} at index {@code t}, copied
     * @return a per-period series, never equal to a constant one
     */
    public static Series of(double... values) {
        return new Series(Double.NaN, values.clone(), 1.0);
    }

    /** {@return {@code true} when the series was built as a constant (per-period values that happen to be equal do not count)} */
    public boolean isConstant() {
        return values == null;
    }

    /** {@return the number of per-period values; -1 for a constant} */
    public int length() {
        return values == null ? -1 : values.length;
    }

    /**
     * The value in period {@code t} (any t for a constant).
     *
     * @param t a period, {@code 0..length()-1} for a per-period series
     * @return the value, scaled if the series was
     * @throws ArrayIndexOutOfBoundsException if {@code t} is out of range for a per-period series
     */
    public double at(int t) {
        return values == null ? constant : values[t] * scale;
    }

    /**
     * The per-period values as a new array of {@code periods} entries.
     *
     * @param periods the horizon's number of periods T
     * @return a fresh array; a constant repeated T times
     * @throws IllegalArgumentException if a per-period series has not exactly T values
     */
    public double[] toArray(int periods) {
        if (values == null) {
            double[] out = new double[periods];
            Arrays.fill(out, constant);
            return out;
        }
        if (values.length != periods) {
            throw new IllegalArgumentException("series of " + values.length + " values asked for " + periods);
        }
        double[] out = new double[periods];
        for (int t = 0; t < periods; t++) {
            out[t] = at(t);
        }
        return out;
    }

    /**
     * This series times {@code factor}, value by value. The values are shared, not copied: a
     * year of quarter-hours is 35,040 numbers, and a thousand households may each scale the same
     * profile.
     *
     * @param factor the multiplier, e.g. a household's share of a profile
     * @return a new series; a constant stays constant
     */
    public Series scaled(double factor) {
        if (values == null) {
            return constant(constant * factor);
        }
        // (v·s)·f is not v·(s·f) in floating point: a series scaled twice keeps its own products.
        return scale == 1.0 ? new Series(Double.NaN, values, factor) : new Series(Double.NaN, toArray(values.length), factor);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Series s) || (values == null) != (s.values == null)) {
            return false;
        }
        if (values == null) {
            return Double.compare(constant, s.constant) == 0;
        }
        if (values.length != s.values.length) {
            return false;
        }
        for (int t = 0; t < values.length; t++) {
            if (Double.compare(at(t), s.at(t)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        if (values == null) {
            return Double.hashCode(constant);
        }
        int h = 1;
        for (int t = 0; t < values.length; t++) {
            h = 31 * h + Double.hashCode(at(t));
        }
        return h;
    }

    @Override
    public String toString() {
        return values == null ? Double.toString(constant) : Arrays.toString(toArray(values.length));
    }
}
