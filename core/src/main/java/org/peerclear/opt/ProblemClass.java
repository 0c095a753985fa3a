package org.peerclear.opt;

/**
 * What kind of problem a {@link Problem} is, and so which back-ends may solve it. A back-end
 * that declares {@link #QP} also solves LPs only if it lists {@link #LP} as well: capabilities
 * are listed one by one, never implied.
 */
public enum ProblemClass {
    /** Continuous variables, linear objective. */
    LP,
    /** Continuous variables, convex quadratic objective. */
    QP,
    /** Integer variables, linear objective. */
    MILP,
    /** Integer variables, convex quadratic objective. */
    MIQP;

    /** {@return whether some variables are integer (MILP, MIQP)} */
    public boolean isMixedInteger() {
        return this == MILP || this == MIQP;
    }

    /** {@return whether the objective has a quadratic term (QP, MIQP)} */
    public boolean isQuadratic() {
        return this == QP || this == MIQP;
    }
}
