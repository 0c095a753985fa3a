package org.peerclear.powerflow;

import java.util.Objects;

/**
 * An in-service branch (line or transformer) of a {@link Feeder}, MATPOWER pi model.
 *
 * <p>Impedances are in per unit on the feeder's base MVA and the from-bus base kV (MATPOWER
 * convention; {@code Zbase = kV^2 / MVA}). {@code bPu} is the <em>total</em> line charging
 * susceptance (half at each end). {@code tap} is the off-nominal turns ratio at the from end
 * (1 for lines; MATPOWER's 0 is normalised to 1) and {@code shiftDeg} the phase shift.
 *
 * @param id         branch identifier (1-based MATPOWER row number for loaded cases)
 * @param fromBus    from-bus id (sending end for reported flows)
 * @param toBus      to-bus id
 * @param rPu        series resistance, pu
 * @param xPu        series reactance, pu
 * @param bPu        total line charging susceptance, pu
 * @param rateMva    thermal rating (MATPOWER RATE_A), MVA; {@code NaN} if unlimited
 * @param tap        off-nominal tap ratio at the from end
 * @param shiftDeg   phase shift, degrees
 */
public record Branch(String id, String fromBus, String toBus, double rPu, double xPu, double bPu,
                     double rateMva, double tap, double shiftDeg) {

    /**
     * Validates the fields; a rating that is NaN, zero or negative becomes NaN (unlimited).
     *
     * @param id       branch identifier
     * @param fromBus  from-bus id
     * @param toBus    to-bus id, not the from bus
     * @param rPu      series resistance, pu; finite
     * @param xPu      series reactance, pu; finite, not 0 together with {@code rPu}
     * @param bPu      total line charging susceptance, pu; finite
     * @param rateMva  thermal rating, MVA; NaN or {@code <= 0} for unlimited
     * @param tap      off-nominal tap ratio at the from end; positive
     * @param shiftDeg phase shift, degrees; finite
     * @throws IllegalArgumentException if a field is out of range
     */
    public Branch {
        Objects.requireNonNull(id, "branch id");
        Objects.requireNonNull(fromBus, "fromBus");
        Objects.requireNonNull(toBus, "toBus");
        if (fromBus.equals(toBus)) {
            throw new IllegalArgumentException("branch " + id + " connects bus " + fromBus + " to itself");
        }
        for (double v : new double[] {rPu, xPu, bPu, tap, shiftDeg}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("branch " + id + " (" + fromBus + "-" + toBus
                        + ") has a non-finite parameter: r=" + rPu + " x=" + xPu + " b=" + bPu + " tap=" + tap
                        + " shift=" + shiftDeg);
            }
        }
        if (rPu == 0 && xPu == 0) {
            throw new IllegalArgumentException("branch " + id + " (" + fromBus + "-" + toBus + ") has zero impedance");
        }
        if (!(tap > 0)) {
            throw new IllegalArgumentException("branch " + id + ": tap must be positive, got " + tap);
        }
        if (Double.isNaN(rateMva) || rateMva <= 0) {
            rateMva = Double.NaN;
        }
    }

    /**
     * A plain line (no charging, no tap, no rating).
     *
     * @param id      branch identifier
     * @param fromBus from-bus id
     * @param toBus   to-bus id
     * @param rPu     series resistance, pu on the feeder's base
     * @param xPu     series reactance, pu on the feeder's base
     * @return the branch
     */
    public static Branch line(String id, String fromBus, String toBus, double rPu, double xPu) {
        return new Branch(id, fromBus, toBus, rPu, xPu, 0, Double.NaN, 1, 0);
    }

    /** {@return {@code true} if the branch has a thermal rating ({@code rateMva} is not NaN)} */
    public boolean hasRating() {
        return !Double.isNaN(rateMva);
    }

    /** {@return {@code true} for a plain series impedance (tap 1, no shift, no charging)} */
    public boolean isPlainLine() {
        return tap == 1.0 && shiftDeg == 0.0 && bPu == 0.0;
    }
}
