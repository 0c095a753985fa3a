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
    public Verification {
        violations = List.copyOf(violations);
        gapNotChecked = gapNotChecked == null ? "" : gapNotChecked;
    }

    public boolean passes() {
        return violationCount == 0;
    }

    /** True when the objective gap was measured (and so is part of {@link #passes()}). */
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
