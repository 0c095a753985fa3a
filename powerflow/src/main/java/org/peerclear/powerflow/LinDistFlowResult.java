package org.peerclear.powerflow;

/**
 * Result of a LinDistFlow solve. Per-bus arrays are indexed by feeder bus index, per-branch arrays by
 * feeder branch index. Flows are lossless, measured in the branch's from-to direction (positive =
 * power flowing from the from bus to the to bus), in kW / kvar.
 *
 * @param wPu        squared voltage magnitudes, pu^2
 * @param vmPu       voltage magnitudes sqrt(w), pu
 * @param vaDeg      linearised angles (theta_j = theta_i - (x P - r Q)), degrees
 * @param pFlowKw    active branch flow, kW
 * @param qFlowKvar  reactive branch flow, kvar
 * @param slackPKw   active power supplied by the slack bus, kW (= net load, lossless)
 * @param slackQKvar reactive power supplied by the slack bus, kvar
 */
public record LinDistFlowResult(double[] wPu, double[] vmPu, double[] vaDeg, double[] pFlowKw, double[] qFlowKvar,
                                double slackPKw, double slackQKvar) {
}
