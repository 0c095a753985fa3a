package org.peerclear.games.stackelberg;

import org.peerclear.games.GameTolerances;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.VariableType;

/**
 * What the Stackelberg MILPs share: a problem builder, the leader's price grid
 * {@code floor + k·tick, k = 0..K}, prices written in binary, the McCormick products of a price's
 * bits with a bounded quantity, and short rows (see {@link StackelbergMilp} for the reasoning).
 */
class PriceGridMilp {
    final ProblemBuilder pb;
    final double floor;
    final double tick;
    final long steps;
    final double top;
    /** Binary digits per price. */
    final int bits;
    private final int[] cols = new int[8];
    private final double[] vals = new double[8];

    /**
     * The grid on {@code [floor, cap]}.
     *
     * @param name      the problem's name
     * @param floor     the lowest price
     * @param cap       the highest price
     * @param priceTick the tick, or {@code <= 0} for the range over {@link StackelbergMilp#DEFAULT_STEPS}
     */
    PriceGridMilp(String name, double floor, double cap, double priceTick) {
        pb = new ProblemBuilder(name);
        this.floor = floor;
        double range = cap - floor;
        tick = priceTick > 0 ? priceTick : range > 0 ? range / StackelbergMilp.DEFAULT_STEPS : 1.0;
        double q = range / tick;
        steps = (long) Math.floor(q + GameTolerances.STACKELBERG_TICK_COUNT * Math.max(1, q));
        top = Math.min(floor + steps * tick, cap);
        bits = steps == 0 ? 0 : 64 - Long.numberOfLeadingZeros(steps);
    }

    /** {@return {@code count} fresh binaries named {@code name0, name1, …}} */
    final int[] bits(int count, String name) {
        int[] z = new int[count];
        for (int j = 0; j < count; j++) {
            z[j] = pb.addVariable(name + j, 0, 1, VariableType.BINARY);
        }
        return z;
    }

    /** π = floor + tick·Σ 2^j z_j, and Σ 2^j z_j <= K when the bits reach beyond K. */
    final int priceVariable(String name, int[] z) {
        int pi = pb.addVariable(name, floor, top);
        int[] c = new int[z.length + 1];
        double[] v = new double[z.length + 1];
        c[0] = pi;
        v[0] = 1;
        for (int j = 0; j < z.length; j++) {
            c[j + 1] = z[j];
            v[j + 1] = -tick * (1L << j);
        }
        pb.addRow(name + "=bits", c, v, Sense.EQUAL, floor);
        if (z.length > 0 && (1L << z.length) - 1 > steps) {
            int[] cc = new int[z.length];
            double[] vv = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                cc[j] = z[j];
                vv[j] = 1L << j;
            }
            pb.addRow(name + "<=K", cc, vv, Sense.LESS_EQUAL, steps);
        }
        return pi;
    }

    /** w_j = z_j·y for y in [0, ymax], by McCormick (exact for binary z). */
    final int[] products(String name, int[] z, int y, double ymax) {
        int[] w = new int[z.length];
        for (int j = 0; j < z.length; j++) {
            w[j] = pb.addVariable(name + j, 0, ymax);
            row(name + j + "<=M*z", Sense.LESS_EQUAL, 0, w[j], 1, z[j], -ymax);
            row(name + j + "<=y", Sense.LESS_EQUAL, 0, w[j], 1, y, -1);
            row(name + j + ">=y-M(1-z)", Sense.GREATER_EQUAL, -ymax, w[j], 1, y, -1, z[j], -ymax);
        }
        return w;
    }

    /** The row {@code total = Σ parts}. */
    final void sumRow(String name, int total, int[] parts) {
        int[] c = new int[parts.length + 1];
        double[] v = new double[parts.length + 1];
        c[0] = total;
        v[0] = 1;
        for (int j = 0; j < parts.length; j++) {
            c[j + 1] = parts[j];
            v[j + 1] = -1;
        }
        pb.addRow(name, c, v, Sense.EQUAL, 0);
    }

    /** A row of two terms. */
    final void row(String name, Sense sense, double rhs, int c1, double v1, int c2, double v2) {
        cols[0] = c1;
        vals[0] = v1;
        cols[1] = c2;
        vals[1] = v2;
        pb.addRow(name, cols, vals, 2, sense, rhs);
    }

    /** A row of three terms. */
    final void row(String name, Sense sense, double rhs, int c1, double v1, int c2, double v2, int c3, double v3) {
        cols[0] = c1;
        vals[0] = v1;
        cols[1] = c2;
        vals[1] = v2;
        cols[2] = c3;
        vals[2] = v3;
        pb.addRow(name, cols, vals, 3, sense, rhs);
    }

    /** A row of four terms. */
    final void row(String name, Sense sense, double rhs, int c1, double v1, int c2, double v2, int c3, double v3,
                   int c4, double v4) {
        cols[0] = c1;
        vals[0] = v1;
        cols[1] = c2;
        vals[1] = v2;
        cols[2] = c3;
        vals[2] = v3;
        cols[3] = c4;
        vals[3] = v4;
        pb.addRow(name, cols, vals, 4, sense, rhs);
    }

    /** A row of up to eight terms, given as the scratch arrays filled by the caller. */
    final void row(String name, int[] c, double[] v, int count, Sense sense, double rhs) {
        pb.addRow(name, c, v, count, sense, rhs);
    }

    /**
     * Complementarity {@code mu·slack = 0} by a binary: {@code mu <= muMax·δ}, {@code slack <= slackMax·(1 − δ)},
     * with {@code slack = sign·x − offset}.
     *
     * @return the binary
     */
    final int complementary(String name, int mu, double muMax, int x, double sign, double offset, double slackMax) {
        int d = pb.addVariable("on_" + name, 0, 1, VariableType.BINARY);
        row("mu<=M_" + name, Sense.LESS_EQUAL, 0, mu, 1, d, -muMax);
        // sign·x − offset + slackMax·δ <= slackMax
        row("slack<=M_" + name, Sense.LESS_EQUAL, slackMax + offset, x, sign, d, slackMax);
        return d;
    }

    /**
     * A flexible asset's power {@code p ∈ [lo, hi]} with its KKT conditions against the marginal value
     * {@code λ}: stationarity {@code a·p + b − λ − μ⁻ + μ⁺ = 0} and each bound complementary to its
     * multiplier, with {@code μ⁻ <= max(0, a·lo + b − floor)} and {@code μ⁺ <= max(0, top − a·hi − b)}
     * (a multiplier whose bound is zero is left out).
     *
     * @return the variables {@code {p, μ⁻, μ⁺}}, −1 for a multiplier left out
     */
    final int[] assetKkt(String aid, double lo, double hi, double a, double b, int lambda) {
        int p = pb.addVariable("p_" + aid, lo, hi);
        double muLowM = Math.max(0, a * lo + b - floor);
        double muHighM = Math.max(0, top - a * hi - b);
        int muLow = muLowM > 0 ? pb.addVariable("muLow_" + aid, 0, muLowM) : -1;
        int muHigh = muHighM > 0 ? pb.addVariable("muHigh_" + aid, 0, muHighM) : -1;
        int c = 0;
        cols[c] = p;
        vals[c++] = a;
        cols[c] = lambda;
        vals[c++] = -1;
        if (muLow >= 0) {
            cols[c] = muLow;
            vals[c++] = -1;
        }
        if (muHigh >= 0) {
            cols[c] = muHigh;
            vals[c++] = 1;
        }
        pb.addRow("stationarity_" + aid, cols, vals, c, Sense.EQUAL, -b);
        if (muLow >= 0) {
            complementary("low_" + aid, muLow, muLowM, p, 1, lo, hi - lo);
        }
        if (muHigh >= 0) {
            complementary("high_" + aid, muHigh, muHighM, p, -1, -hi, hi - lo);
        }
        return new int[] {p, muLow, muHigh};
    }

    /** The price the bits of a solution encode, rounded to the grid. */
    final double price(double[] x, int[] z) {
        long k = 0;
        for (int j = 0; j < z.length; j++) {
            if (x[z[j]] > 0.5) {
                k += 1L << j;
            }
        }
        return Math.min(floor + k * tick, floor + steps * tick);
    }
}
