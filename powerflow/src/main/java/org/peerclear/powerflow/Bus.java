package org.peerclear.powerflow;

import java.util.Objects;

/**
 * A bus of a {@link Feeder} (user-facing model).
 *
 * <p>Units: loads and shunts in kW / kvar, voltages in per unit of {@link #baseKv()}. Loads are
 * <em>consumption</em> (positive {@code pLoadKw} draws power from the grid). {@code pGenKw} /
 * {@code qGenKvar} are fixed injections from non-slack generators (positive = generation), which
 * MATPOWER files may carry in their {@code gen} table. Shunts follow MATPOWER: {@code gsKw} is the
 * active power consumed and {@code bsKvar} the reactive power injected at a voltage of 1 pu.
 *
 * @param id         unique bus identifier (MATPOWER bus number as a string for loaded cases)
 * @param baseKv     base voltage, line-to-line kV
 * @param pLoadKw    fixed active load (consumption), kW
 * @param qLoadKvar  fixed reactive load (consumption), kvar
 * @param pGenKw     fixed active generation (injection), kW; 0 for most feeders
 * @param qGenKvar   fixed reactive generation (injection), kvar
 * @param gsKw       shunt conductance, kW consumed at 1 pu
 * @param bsKvar     shunt susceptance, kvar injected at 1 pu
 * @param vmMinPu    lower voltage limit, pu (NaN if none)
 * @param vmMaxPu    upper voltage limit, pu (NaN if none)
 */
public record Bus(String id, double baseKv, double pLoadKw, double qLoadKvar, double pGenKw,
                  double qGenKvar, double gsKw, double bsKvar, double vmMinPu, double vmMaxPu) {

    /**
     * Validates the fields; the limits are not checked (NaN means none).
     *
     * @param id        unique bus identifier, not blank
     * @param baseKv    base voltage, line-to-line kV; positive and finite
     * @param pLoadKw   fixed active load (consumption), kW; finite
     * @param qLoadKvar fixed reactive load (consumption), kvar; finite
     * @param pGenKw    fixed active generation (injection), kW; finite
     * @param qGenKvar  fixed reactive generation (injection), kvar; finite
     * @param gsKw      shunt conductance, kW consumed at 1 pu; finite
     * @param bsKvar    shunt susceptance, kvar injected at 1 pu; finite
     * @param vmMinPu   lower voltage limit, pu, or NaN for none
     * @param vmMaxPu   upper voltage limit, pu, or NaN for none
     * @throws IllegalArgumentException if a field is out of range
     */
    public Bus {
        Objects.requireNonNull(id, "bus id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("bus id is blank");
        }
        if (!(baseKv > 0) || !Double.isFinite(baseKv)) {
            throw new IllegalArgumentException("bus " + id + ": baseKv must be positive and finite, got " + baseKv);
        }
        finite(id, "pLoadKw", pLoadKw);
        finite(id, "qLoadKvar", qLoadKvar);
        finite(id, "pGenKw", pGenKw);
        finite(id, "qGenKvar", qGenKvar);
        finite(id, "gsKw", gsKw);
        finite(id, "bsKvar", bsKvar);
    }

    /**
     * A bus with a load only: no generation, no shunt, no voltage limits.
     *
     * @param id        unique bus identifier
     * @param baseKv    base voltage, line-to-line kV
     * @param pLoadKw   active load (consumption), kW
     * @param qLoadKvar reactive load (consumption), kvar
     * @return the bus
     */
    public static Bus load(String id, double baseKv, double pLoadKw, double qLoadKvar) {
        return new Bus(id, baseKv, pLoadKw, qLoadKvar, 0, 0, 0, 0, Double.NaN, Double.NaN);
    }

    private static void finite(String id, String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("bus " + id + ": " + what + " is not finite: " + v);
        }
    }
}
