package org.peerclear.opt;

/**
 * A checkable certificate of a primal–dual pair (x, y) for a continuous {@link Problem}: the
 * KKT conditions in the convention of {@link Problem}, measured rather than trusted. The reduced
 * costs are derived, {@code z = c + Qx − Aᵀy}, and split into {@code z⁺ = max(z, 0)} (paid for by
 * the lower bound) and {@code z⁻ = max(−z, 0)} (paid for by the upper bound).
 *
 * <ul>
 *   <li>{@link #primalResidual()}: largest violation of a bound or a row.</li>
 *   <li>{@link #dualResidual()}: largest dual sign violation (y of a ≤ row above 0, y of a ≥ row
 *       below 0, z⁺ on a variable without lower bound, z⁻ without upper bound).</li>
 *   <li>{@link #complementarity()}: largest |z⁺(x − l)|, |z⁻(u − x)|, |y·slack|.</li>
 *   <li>{@link #dualityGap()}: primal minus dual objective (the dual objective of the QP is
 *       {@code bᵀy + lᵀz⁺ − uᵀz⁻ − ½xᵀQx + constant}).</li>
 * </ul>
 */
public final class OptimalityCertificate {
    private final double primalResidual;
    private final double dualResidual;
    private final double complementarity;
    private final double primalObjective;
    private final double dualObjective;

    private OptimalityCertificate(double primalResidual, double dualResidual, double complementarity,
                                  double primalObjective, double dualObjective) {
        this.primalResidual = primalResidual;
        this.dualResidual = dualResidual;
        this.complementarity = complementarity;
        this.primalObjective = primalObjective;
        this.dualObjective = dualObjective;
    }

    /**
     * Measures the KKT conditions of (x, y) for a problem; integrality is ignored.
     *
     * @param p the problem
     * @param x a primal point, one value per variable
     * @param y row duals in the {@link Problem} convention, one per row
     * @return the measures; a row with an infinite rhs that cannot hold makes the primal residual +∞
     * @throws IllegalArgumentException if {@code x} or {@code y} has the wrong length
     */
    public static OptimalityCertificate of(Problem p, double[] x, double[] y) {
        if (x.length != p.numVariables() || y.length != p.numRows()) {
            throw new IllegalArgumentException("x has length " + x.length + " and y " + y.length + ", expected "
                    + p.numVariables() + " and " + p.numRows());
        }
        double primal = 0.0;
        for (int j = 0; j < p.numVariables(); j++) {
            primal = Math.max(primal, Math.max(p.lower(j) - x[j], x[j] - p.upper(j)));
        }
        double[] act = p.rowActivities(x);
        double dual = 0.0;
        double comp = 0.0;
        double dualObj = p.constant();
        for (int i = 0; i < p.numRows(); i++) {
            double slack = act[i] - p.rhs(i);
            if (Double.isInfinite(p.rhs(i))) {
                // A row with an infinite right-hand side either never binds (its dual must be
                // 0) or can never hold; slack·y would be ∞·0 = NaN and poison every maximum.
                boolean vacuous = (p.sense(i) == Sense.LESS_EQUAL) == (p.rhs(i) > 0);
                if (vacuous) {
                    dual = Math.max(dual, Math.abs(y[i]));
                } else {
                    primal = Double.POSITIVE_INFINITY;
                }
                continue;
            }
            switch (p.sense(i)) {
                case LESS_EQUAL:
                    primal = Math.max(primal, slack);
                    dual = Math.max(dual, y[i]);
                    comp = Math.max(comp, Math.abs(y[i] * slack));
                    break;
                case GREATER_EQUAL:
                    primal = Math.max(primal, -slack);
                    dual = Math.max(dual, -y[i]);
                    comp = Math.max(comp, Math.abs(y[i] * slack));
                    break;
                default:
                    primal = Math.max(primal, Math.abs(slack));
            }
            if (y[i] != 0.0) {
                dualObj += p.rhs(i) * y[i];
            }
        }
        double[] z = p.gradient(x);
        double[] aty = p.transposeTimes(y);
        for (int j = 0; j < z.length; j++) {
            double zj = z[j] - aty[j];
            double plus = Math.max(zj, 0.0);
            double minus = Math.max(-zj, 0.0);
            double l = p.lower(j);
            double u = p.upper(j);
            if (plus > 0.0) {
                if (l == Double.NEGATIVE_INFINITY) {
                    dual = Math.max(dual, plus);
                } else {
                    comp = Math.max(comp, Math.abs(plus * (x[j] - l)));
                    dualObj += plus * l;
                }
            }
            if (minus > 0.0) {
                if (u == Double.POSITIVE_INFINITY) {
                    dual = Math.max(dual, minus);
                } else {
                    comp = Math.max(comp, Math.abs(minus * (u - x[j])));
                    dualObj -= minus * u;
                }
            }
        }
        // −½xᵀQx = (c·x + constant) − objective(x) − ½xᵀQx ... computed directly:
        double quad = p.objective(x) - p.constant();
        for (int j = 0; j < x.length; j++) {
            quad -= p.linear(j) * x[j];
        }
        dualObj -= quad;
        return new OptimalityCertificate(primal, dual, comp, p.objective(x), dualObj);
    }

    /**
     * Measures the KKT conditions of a back-end's solution.
     *
     * @param p the problem solved
     * @param s its solution, with a point and duals
     * @return the measures
     * @throws IllegalStateException if {@code s} has no point or no duals
     */
    public static OptimalityCertificate of(Problem p, Solution s) {
        if (!s.hasDuals()) {
            throw new IllegalStateException("Solution has no duals (back-end " + s.backend() + ")");
        }
        return of(p, s.x(), s.duals().orElseThrow());
    }

    /** {@return the largest violation of a bound or a row, in the problem's units; {@code >= 0}} */
    public double primalResidual() {
        return primalResidual;
    }

    /** {@return the largest dual sign violation (see the class comment); {@code >= 0}} */
    public double dualResidual() {
        return dualResidual;
    }

    /** {@return the largest complementarity product |z⁺(x − l)|, |z⁻(u − x)|, |y·slack|; {@code >= 0}} */
    public double complementarity() {
        return complementarity;
    }

    /** {@return the objective at x, constant included} */
    public double primalObjective() {
        return primalObjective;
    }

    /** {@return the QP dual objective at (x, y, z) (see the class comment)} */
    public double dualObjective() {
        return dualObjective;
    }

    /** {@return primal minus dual objective: 0 at an optimum, up to rounding} */
    public double dualityGap() {
        return primalObjective - dualObjective;
    }

    /** |gap| / max(1, |primal objective|). */
    private double relativeDualityGap() {
        return Math.abs(dualityGap()) / Math.max(1.0, Math.abs(primalObjective));
    }

    /**
     * True when every residual is within {@code tol} (gap relative to max(1, |objective|)).
     *
     * @param tol one absolute tolerance for the residuals, also the relative gap tolerance
     * @return whether (x, y) is optimal to that tolerance
     */
    public boolean holds(double tol) {
        return primalResidual <= tol && dualResidual <= tol && complementarity <= tol && relativeDualityGap() <= tol;
    }

    /**
     * True when each measure is within its own absolute tolerance (the gap relative to
     * max(1, |objective|)): for problems whose rows and variables carry different units, the
     * caller scales each tolerance by its data.
     *
     * @param primalTol          bound on {@link #primalResidual()}
     * @param dualTol            bound on {@link #dualResidual()}
     * @param complementarityTol bound on {@link #complementarity()}
     * @param relativeGapTol     bound on |gap| / max(1, |primal objective|)
     * @return whether every measure is within its bound
     */
    public boolean holds(double primalTol, double dualTol, double complementarityTol, double relativeGapTol) {
        return primalResidual <= primalTol && dualResidual <= dualTol && complementarity <= complementarityTol
                && relativeDualityGap() <= relativeGapTol;
    }

    @Override
    public String toString() {
        return String.format("KKT[primal %.3e, dual %.3e, complementarity %.3e, gap %.3e (rel %.3e)]",
                primalResidual, dualResidual, complementarity, dualityGap(), relativeDualityGap());
    }
}
