package org.peerclear.games.stackelberg;

import java.util.Arrays;

/**
 * A continuous piecewise-linear function on {@code [x_0, x_m]}, built from its value at {@code x_0}
 * and slope changes ("events"), as the followers' aggregate responses are. Breakpoints are the
 * distinct event positions strictly inside the interval; piece {@code j} is {@code [x_j, x_{j+1}]}
 * with slope {@code slope[j]}. When {@code x_0 = x_m} there is one piece of length zero.
 *
 * <p>Why an active-ramp count: slopes are sums of {@code 1/a} that are added and removed as assets
 * reach their bounds; rounding would leave {@code 1e-17} where no asset is active, and the
 * search treats a zero slope (a flat piece) differently from a positive one. The count says when
 * the true slope is exactly zero.
 */
final class Piecewise {
    final double[] x;
    final double[] value;
    final double[] slope;
    /** {@code ∫_{x_0}^{x_j} t·f'(t) dt} at each breakpoint (what welfare integrates). */
    final double[] moment;

    private Piecewise(double[] x, double[] value, double[] slope) {
        this.x = x;
        this.value = value;
        this.slope = slope;
        this.moment = new double[x.length];
        for (int j = 0; j + 1 < x.length; j++) {
            moment[j + 1] = moment[j] + 0.5 * slope[j] * (x[j + 1] - x[j]) * (x[j + 1] + x[j]);
        }
    }

    /** {@return the number of pieces, at least 1} */
    int pieces() {
        return slope.length;
    }

    /**
     * Builds the function.
     *
     * @param lo      left end
     * @param hi      right end, {@code >= lo}
     * @param v0      value at {@code lo}
     * @param pos     event positions (any order; those {@code <= lo} set the slope at {@code lo}, those {@code >= hi}
     *                are ignored)
     * @param dSlope  slope change at each event
     * @param dCount  change in the number of active ramps at each event
     * @param events  number of events used
     */
    static Piecewise build(double lo, double hi, double v0, double[] pos, double[] dSlope, int[] dCount, int events) {
        int[] order = order(pos, events);
        double s = 0;
        int count = 0;
        int e = 0;
        while (e < events && pos[order[e]] <= lo) {
            s += dSlope[order[e]];
            count += dCount[order[e]];
            e++;
        }
        if (count == 0) {
            s = 0;
        }
        double[] xs = new double[events + 2];
        double[] vs = new double[events + 2];
        double[] ss = new double[events + 1];
        int m = 0;
        xs[0] = lo;
        vs[0] = v0;
        while (e < events && pos[order[e]] < hi) {
            double p = pos[order[e]];
            ss[m] = s;
            xs[m + 1] = p;
            vs[m + 1] = vs[m] + s * (p - xs[m]);
            m++;
            while (e < events && pos[order[e]] == p) {
                s += dSlope[order[e]];
                count += dCount[order[e]];
                e++;
            }
            if (count == 0) {
                s = 0;
            }
        }
        ss[m] = s;
        xs[m + 1] = hi;
        vs[m + 1] = vs[m] + s * (hi - xs[m]);
        m++;
        return new Piecewise(Arrays.copyOf(xs, m + 1), Arrays.copyOf(vs, m + 1), Arrays.copyOf(ss, m));
    }

    /** {@return the piece holding t: the last j with x_j <= t, at most pieces() − 1} */
    int piece(double t) {
        int j = Arrays.binarySearch(x, t);
        if (j < 0) {
            j = -j - 2;
        }
        return Math.max(0, Math.min(j, slope.length - 1));
    }

    /** {@return the value at t in [x_0, x_m]} */
    double value(double t) {
        int j = piece(t);
        return value[j] + slope[j] * (t - x[j]);
    }

    /** {@return {@code ∫_{x_0}^{t} u·f'(u) du}} */
    double moment(double t) {
        int j = piece(t);
        return moment[j] + 0.5 * slope[j] * (t - x[j]) * (t + x[j]);
    }

    /** {@return the permutation that sorts the first n keys ascending (stable merge sort on indices)} */
    static int[] order(double[] key, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int l = 0; l < n; l += 2 * width) {
                int mid = Math.min(l + width, n);
                int r = Math.min(l + 2 * width, n);
                int i = l;
                int j = mid;
                int k = l;
                while (i < mid && j < r) {
                    b[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < r) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
