package org.peerclear.result;

import java.util.List;

/**
 * What {@link ResultVerifier} measured on a result: the largest violation of each condition,
 * the relative objective gap ({@link DualityGap}; NaN when the market certificate does not
 * cover it, {@code gapNotChecked} says why), whether the point is primal feasible within
 * tolerance, and the first violations found, by agent, asset and arc id. {@link #passes()} is
 * the verdict: primal feasibility, price consistency and, where checked, the gap.
 */
public record Verification(double boundViolation, double reciprocityResidual, double balanceResidual,
                           double priceResidual, double relativeGap, String gapNotChecked, boolean primalFeasible,
                           List<String> violations, int violationCount) {
    /**
     * Copies the violations; a null {@code gapNotChecked} becomes empty.
     *
     * @param boundViolation      largest violation of an asset bound, power unit; NaN without a solution
     * @param reciprocityResidual largest {@code |t_nm + t_mn|}, power unit
     * @param balanceResidual     largest gap between an agent's assets and its trades, power unit
     * @param priceResidual       largest violation of a price relation, currency per unit of power for one period
     * @param relativeGap         the relative objective gap; NaN when not checked
     * @param gapNotChecked       why the gap was not checked; empty when it was
     * @param primalFeasible      {@code true} when bounds, reciprocity and balance hold within tolerance
     * @param violations          the first violations found, as messages naming agent, asset or arc ids
     * @param violationCount      the number of violations found, possibly more than listed; 0 to pass
     */
    public Verification {
        violations = List.copyOf(violations);
        gapNotChecked = gapNotChecked == null ? "" : gapNotChecked;
    }

    /** {@return {@code true} when nothing was violated: primal feasibility, price consistency and, where checked, the gap} */
    public boolean passes() {
        return violationCount == 0;
    }

    /** {@return {@code true} when the objective gap was measured (and so is part of {@link #passes()})} */
    public boolean gapChecked() {
        return gapNotChecked.isEmpty();
    }

    @Override
    public String toString() {
        return String.format("Verification[%s: bounds %.2e, reciprocity %.2e, balance %.2e, prices %.2e, gap %s%s]",
                passes() ? "passes" : violationCount + " violations", boundViolation, reciprocityResidual,
                balanceResidual, priceResidual, gapChecked() ? String.format("%.2e", relativeGap) : "not checked (" + gapNotChecked + ")",
                violations.isEmpty() ? "" : "; first: " + violations.get(0));
    }
}
