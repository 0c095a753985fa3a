package org.peerclear.powerflow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic radial feeders for benchmarks and tests.
 *
 * <p>Shape: laterals that continue from the previous bus with probability 0.85 up to 60 buses long,
 * otherwise branch off a uniformly random earlier bus; buses are then numbered in depth-first
 * pre-order from the slack (as most feeder data is), so every parent comes before its children. Loads are uniform in [0.5, 1.5] kW x (1000 / n) per bus with power
 * factor 0.9-0.98 (about 1 MW in total), r/x ratios in [1, 3]; impedances are then scaled so that
 * the lowest LinDistFlow voltage is 0.95 pu. Base 1 MVA, 11 kV, slack bus "0" at 1 pu.
 */
public final class SyntheticFeeders {
    private SyntheticFeeders() {
    }

    /**
     * A synthetic radial feeder of the shape described above.
     *
     * @param buses number of buses (>= 2)
     * @param seed  random seed; the same (buses, seed) always gives the same feeder
     * @return a radial feeder named after its size and seed
     * @throws IllegalArgumentException if {@code buses < 2}
     */
    public static Feeder radial(int buses, long seed) {
        if (buses < 2) {
            throw new IllegalArgumentException("synthetic feeder needs at least 2 buses, got " + buses);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] parent = new int[buses];
        int[] lateralLen = new int[buses];
        parent[0] = -1;
        for (int k = 1; k < buses; k++) {
            if (k > 1 && lateralLen[k - 1] < 60 && rnd.nextDouble() < 0.85) {
                parent[k] = k - 1;
                lateralLen[k] = lateralLen[k - 1] + 1;
            } else {
                parent[k] = rnd.nextInt(k);
                lateralLen[k] = 1;
            }
        }
        double perBus = 1000.0 / buses;
        double[] p = new double[buses];
        double[] q = new double[buses];
        double[] r = new double[buses];
        double[] x = new double[buses];
        for (int k = 1; k < buses; k++) {
            p[k] = perBus * (0.5 + rnd.nextDouble());
            double pf = 0.9 + 0.08 * rnd.nextDouble();
            q[k] = p[k] * Math.tan(Math.acos(pf));
            x[k] = 0.5 + rnd.nextDouble();
            r[k] = x[k] * (1 + 2 * rnd.nextDouble());
        }
        // LinDistFlow drop with unit scale, then scale impedances so that w_min = 0.95^2
        double[] fp = p.clone();
        double[] fq = q.clone();
        for (int k = buses - 1; k > 0; k--) {
            fp[parent[k]] += fp[k];
            fq[parent[k]] += fq[k];
        }
        double[] drop = new double[buses];
        double maxDrop = 0;
        double puPerKw = 1.0 / 1000.0;
        for (int k = 1; k < buses; k++) {
            drop[k] = drop[parent[k]] + 2 * (r[k] * fp[k] + x[k] * fq[k]) * puPerKw;
            maxDrop = Math.max(maxDrop, drop[k]);
        }
        double scale = (1 - 0.95 * 0.95) / maxDrop;
        // renumber in depth-first pre-order (children in increasing order), like most feeder data
        int[] childStart = new int[buses + 1];
        for (int k = 1; k < buses; k++) {
            childStart[parent[k] + 1]++;
        }
        for (int k = 0; k < buses; k++) {
            childStart[k + 1] += childStart[k];
        }
        int[] children = new int[buses];
        int[] fill = new int[buses];
        for (int k = 1; k < buses; k++) {
            children[childStart[parent[k]] + fill[parent[k]]++] = k;
        }
        int[] newId = new int[buses];
        int[] stack = new int[buses];
        int sp = 0;
        int next = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int u = stack[--sp];
            newId[u] = next++;
            for (int c = childStart[u + 1] - 1; c >= childStart[u]; c--) {
                stack[sp++] = children[c];
            }
        }
        int[] oldOf = new int[buses];
        for (int k = 0; k < buses; k++) {
            oldOf[newId[k]] = k;
        }
        List<Bus> bl = new ArrayList<>(buses);
        List<Branch> br = new ArrayList<>(buses - 1);
        for (int nk = 0; nk < buses; nk++) {
            int k = oldOf[nk];
            bl.add(new Bus(Integer.toString(nk), 11.0, p[k], q[k], 0, 0, 0, 0, 0.9, 1.1));
            if (nk > 0) {
                br.add(Branch.line(Integer.toString(nk), Integer.toString(newId[parent[k]]), Integer.toString(nk),
                        r[k] * scale, x[k] * scale));
            }
        }
        return new Feeder("synthetic-" + buses + "-" + seed, 1.0, bl, br, "0", 1.0, 0.0);
    }
}
