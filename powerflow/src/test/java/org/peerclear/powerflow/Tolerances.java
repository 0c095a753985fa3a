package org.peerclear.powerflow;

/** Named test tolerances, in one place. */
public final class Tolerances {
    private Tolerances() {
    }

    /** AC voltage magnitude vs MATPOWER, pu. */
    public static final double AC_VM_PU = 1e-8;
    /** AC voltage angle vs MATPOWER, degrees. */
    public static final double AC_VA_DEG = 1e-6;
    /** AC losses (total and per branch) and branch flows vs MATPOWER, kW / kvar. */
    public static final double AC_LOSS_KW = 1e-3;
    /** LinDistFlow squared voltage and magnitude vs the exact reference, pu. */
    public static final double LINDISTFLOW_PU = 1e-9;
    /** LinDistFlow linearised angle vs the exact reference, degrees. */
    public static final double LINDISTFLOW_VA_DEG = 1e-9;
    /** LinDistFlow lossless branch flows vs the exact reference, kW. */
    public static final double LINDISTFLOW_FLOW_KW = 1e-6;
    /** Sensitivities of the (linear) LinDistFlow model vs finite differences, pu^2 per kW. */
    public static final double SENSITIVITY_PU2_PER_KW = 1e-12;
    /** PTDF entries vs finite differences of the LinDistFlow flows, kW/kW. */
    public static final double PTDF = 1e-9;
    /** Marginal loss factors vs central finite differences of AC losses, kW/kW. */
    public static final double LOSS_FACTOR = 1e-6;
    /** Closed-form analytic powers, kW. */
    public static final double ANALYTIC_KW = 1e-9;
    /** Closed-form analytic solutions, pu. */
    public static final double ANALYTIC_PU = 1e-12;
    /** Power balance of a converged AC solution (slack = loads + losses), kW. */
    public static final double POWER_BALANCE_KW = 1e-4;
    /** Unit conversion of MATPOWER files vs the reference CSVs (relative). */
    public static final double CONVERSION_REL = 1e-9;
}
