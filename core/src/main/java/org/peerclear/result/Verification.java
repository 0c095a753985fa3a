package org.peerclear.result;

import java.util.List;

/**
 * What {@link ResultVerifier} measured on a result: the largest violation of each condition
 * and the first violations found, by agent, asset and arc id. {@link #passes()} is the verdict.
 */
public record Verification(double boundViolation, double reciprocityResidual, double balanceResidual,
                           double priceResidual, List<String> violations, int violationCount) {
    public Verification {
        violations = List.copyOf(violations);
    }

    public boolean passes() {
        return violationCount == 0;
    }

    @Override
    public String toString() {
        return String.format("Verification[%s: bounds %.2e, reciprocity %.2e, balance %.2e, prices %.2e%s]",
                passes() ? "passes" : violationCount + " violations", boundViolation, reciprocityResidual,
                balanceResidual, priceResidual, violations.isEmpty() ? "" : "; first: " + violations.get(0));
    }
}
