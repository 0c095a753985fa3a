package org.peerclear.powerflow;

import java.util.List;

/**
 * Slack and one load through one line: the AC power flow has a closed form.
 *
 * <pre>
 *   S (slack, V0) ---- r + jx ---- L  load P + jQ
 * </pre>
 *
 * With {@code u = |V_L|^2}: {@code u^2 + (2(rP + xQ) - V0^2) u + (r^2 + x^2)(P^2 + Q^2) = 0}, the
 * physical solution is the larger root.
 */
final class TwoBusFeeder {
    static final double V0 = 1.02, R = 0.05, X = 0.08, P_KW = 300, Q_KVAR = 120, BASE_MVA = 1;

    private TwoBusFeeder() {
    }

    static Feeder create() {
        return new Feeder("two-bus", BASE_MVA, List.of(Bus.load("S", 0.4, 0, 0), Bus.load("L", 0.4, P_KW, Q_KVAR)),
                List.of(Branch.line("1", "S", "L", R, X)), "S", V0, 0);
    }

    /** Closed-form load voltage magnitude, pu. */
    static double loadVoltage() {
        double p = P_KW / 1000 / BASE_MVA;
        double q = Q_KVAR / 1000 / BASE_MVA;
        double b = 2 * (R * p + X * q) - V0 * V0;
        double c = (R * R + X * X) * (p * p + q * q);
        double u = (-b + Math.sqrt(b * b - 4 * c)) / 2;
        return Math.sqrt(u);
    }
}
