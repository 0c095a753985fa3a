package org.peerclear.clearing.network;

import org.peerclear.powerflow.LinDistFlow;

/**
 * Electrical distance between two buses of a radial feeder from the LinDistFlow sensitivities:
 * with {@code S_jk = ∂w_j/∂p_k = 2·R(common path of j and k to the substation)},
 * {@code S_ss + S_bb − 2·S_sb = 2·R(path between s and b)}, so the distance is the series
 * resistance (pu) of the lines a bilateral trade between them crosses. Zero for the same bus.
 */
public final class ElectricalDistance {
    private final NetworkModel model;
    private final double[] row = new double[2];

    public ElectricalDistance(NetworkModel model) {
        this.model = model;
    }

    /** Series resistance between buses s and b (indices), pu; in per kW of sensitivity units divided out. */
    public double between(int s, int b) {
        if (s == b) {
            return 0.0;
        }
        LinDistFlow lin = model.linDistFlow();
        lin.voltageSensitivityRow(s, new int[] {s, b}, row, null);
        double sss = row[0];
        double ssb = row[1];
        lin.voltageSensitivityRow(b, new int[] {b}, row, null);
        double sbb = row[0];
        // Sensitivities are per kW; the resistance is what they measure per unit of base power.
        double perKwToPu = model.feeder().baseMva() * 1000.0;
        return Math.max(0.0, (sss + sbb - 2 * ssb) * perKwToPu / 2.0);
    }
}
