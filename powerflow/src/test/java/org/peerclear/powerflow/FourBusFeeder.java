package org.peerclear.powerflow;

import java.util.List;

/**
 * A 4-bus test feeder with a branch point, small enough to solve LinDistFlow by hand.
 *
 * <pre>
 *   S (slack, 1.0 pu)
 *   |
 *   | z1 = 0.01 + j0.02
 *   |
 *   A  load 100 kW + j50 kvar
 *   |\
 *   | \ z3 = 0.03 + j0.01        (branch given as C -> A, i.e. pointing at the slack)
 *   |  \
 *   |   C  load 50 kW + j10 kvar
 *   | z2 = 0.02 + j0.02
 *   |
 *   B  load 200 kW + j100 kvar
 * </pre>
 *
 * Base 1 MVA, 11 kV; impedances in pu.
 */
final class FourBusFeeder {
    static final double R1 = 0.01, X1 = 0.02, R2 = 0.02, X2 = 0.02, R3 = 0.03, X3 = 0.01;
    static final double PA = 100, QA = 50, PB = 200, QB = 100, PC = 50, QC = 10;

    private FourBusFeeder() {
    }

    static Feeder create() {
        return new Feeder("four-bus", 1.0,
                List.of(Bus.load("S", 11, 0, 0), Bus.load("A", 11, PA, QA), Bus.load("B", 11, PB, QB),
                        Bus.load("C", 11, PC, QC)),
                List.of(Branch.line("1", "S", "A", R1, X1), Branch.line("2", "A", "B", R2, X2),
                        Branch.line("3", "C", "A", R3, X3)),
                "S", 1.0, 0.0);
    }
}
