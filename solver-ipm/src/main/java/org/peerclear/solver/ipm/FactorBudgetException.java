package org.peerclear.solver.ipm;

/**
 * The symbolic factorisation predicts a factor too large to be worth computing (its non-zeros
 * beyond {@link IpmSettings#FACTOR_NONZERO_BUDGET}, or its flops beyond what the time limit
 * leaves): the back-end declines with {@code Status.ERROR} and this message, before allocating
 * the factor, so that a caller can use another back-end.
 */
final class FactorBudgetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FactorBudgetException(String message) {
        super(message, null, false, false);
    }
}
