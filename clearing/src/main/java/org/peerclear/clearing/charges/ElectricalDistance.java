package org.peerclear.clearing.charges;

import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlow;

/**
 * Electrical distance between two buses of a radial feeder from the LinDistFlow sensitivities:
 * with {@code S_jk = ∂w_j/∂p_k = 2·R(common path of j and k to the substation)},
 * {@code S_ss + S_bb − 2·S_sb = 2·R(path between s and b)}, so the distance is the series
 * resistance (pu) of the lines a bilateral trade between them crosses. Zero for the same bus.
 */
public final class ElectricalDistance {
    private final Feeder feeder;
    private final LinDistFlow lin;
    private final double[] row = new double[2];

    /**
     * Distances on one feeder.
     *
     * @param feeder the feeder
     * @param lin    its LinDistFlow sensitivities
     */
    public ElectricalDistance(Feeder feeder, LinDistFlow lin) {
        this.feeder = feeder;
        this.lin = lin;
    }

    /**
     * Series resistance of the lines between two buses. Not thread-safe: it reuses one row buffer.
     *
     * @param s a bus index of the feeder
     * @param b another (or the same)
     * @return pu on the feeder's base; 0 for the same bus
     */
    public double between(int s, int b) {
        if (s == b) {
            return 0.0;
        }
        lin.voltageSensitivityRow(s, new int[] {s, b}, row, null);
        double sss = row[0];
        double ssb = row[1];
        lin.voltageSensitivityRow(b, new int[] {b}, row, null);
        double sbb = row[0];
        // Sensitivities are per kW; the resistance is what they measure per unit of base power.
        double perKwToPu = feeder.baseMva() * 1000.0;
        return Math.max(0.0, (sss + sbb - 2 * ssb) * perKwToPu / 2.0);
    }
}
