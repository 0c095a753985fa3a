package org.peerclear.solver.ipm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.Status;
import org.peerclear.opt.Tolerances;
import org.peerclear.opt.UnsupportedProblemException;
import org.peerclear.opt.VariableType;

/**
 * Small problems whose optimum and duals are derived by hand in each comment, covering what the
 * shared conformance problems do not: two-sided bounds active at either side, ranged rows (a
 * pair of rows on the same expression), fixed variables, dependent equality rows, empty and
 * vacuous rows, and the INFEASIBLE / UNBOUNDED classification with its reasons.
 */
class IpmKnownOptimaTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final IpmBackend IPM = new IpmBackend();
    private static final Tolerances.Set TOL = Tolerances.EXACT;

    /**
     * min ½(x−3)² + ½(y+3)² with x, y ∈ [−1, 1], r: x + y ≤ 1.5 (slack at the answer).
     * Separable, r slack: x = 1 (upper bound, reduced cost x − 3 = −2), y = −1 (lower bound,
     * reduced cost y + 3 = 2); objective 2 + 2 = 4, dual of r 0.
     */
    @Test
    void twoSidedBoundsActiveAtBothSides() {
        ProblemBuilder b = new ProblemBuilder("box");
        int x = b.addVariable("x", -1, 1);
        int y = b.addVariable("y", -1, 1);
        b.addQuadratic(x, x, 1).addQuadratic(y, y, 1).addLinear(x, -3).addLinear(y, 3).addConstant(9);
        b.addRow("r", new int[] {x, y}, new double[] {1, 1}, Sense.LESS_EQUAL, 1.5);
        Solution s = solveOptimal(b.build(), 4.0, new double[] {1, -1}, new double[] {0});
        double[] z = s.reducedCosts(b.build());
        assertThat(z[0]).isCloseTo(-2.0, within(TOL.dual));
        assertThat(z[1]).isCloseTo(2.0, within(TOL.dual));
    }

    /**
     * min −x − y over the ranged row 1 ≤ x + 2y ≤ 4 (two rows) and the equality x − y = 1, x, y
     * free. From the equality x = 1 + y; the objective −1 − 2y falls with y, the ranged row
     * 1 + 3y ≤ 4 stops it at y = 1, x = 2: objective −3. Stationarity (free variables):
     * −1 = y_lo + y_hi + y_eq, −1 = 2(y_lo + y_hi) − y_eq with y_lo = 0 (slack side):
     * y_hi = −2/3, y_eq = −1/3.
     */
    @Test
    void rangedRowWithEqualityAndFreeVariables() {
        ProblemBuilder b = new ProblemBuilder("ranged");
        int x = b.addVariable("x", -INF, INF);
        int y = b.addVariable("y", -INF, INF);
        b.addLinear(x, -1).addLinear(y, -1);
        b.addRow("lo", new int[] {x, y}, new double[] {1, 2}, Sense.GREATER_EQUAL, 1);
        b.addRow("hi", new int[] {x, y}, new double[] {1, 2}, Sense.LESS_EQUAL, 4);
        b.addRow("eq", new int[] {x, y}, new double[] {1, -1}, Sense.EQUAL, 1);
        solveOptimal(b.build(), -3.0, new double[] {2, 1}, new double[] {0, -2.0 / 3, -1.0 / 3});
    }

    /**
     * The same balance written twice (dependent rows: the normal matrix is singular without
     * regularisation) and a fixed variable f = 2 in it: min x² + 2y² (Q = diag(2, 4)) s.t.
     * x + y + f = 5 twice, x, y ≥ 0. So x + y = 3 with 2x = 4y: x = 2, y = 1, objective 6. The
     * dual λ = 2x = 4 is shared by the two copies in any split; their sum is 4.
     */
    @Test
    void dependentEqualityRowsAndAFixedVariable() {
        ProblemBuilder b = new ProblemBuilder("dependent");
        int x = b.addVariable("x", 0, INF);
        int y = b.addVariable("y", 0, INF);
        int f = b.addVariable("f", 2, 2);
        b.addQuadratic(x, x, 2).addQuadratic(y, y, 4);
        b.addRow("a", new int[] {x, y, f}, new double[] {1, 1, 1}, Sense.EQUAL, 5);
        b.addRow("b", new int[] {x, y, f}, new double[] {1, 1, 1}, Sense.EQUAL, 5);
        Problem p = b.build();
        Solution s = IPM.solve(p, SolverParameters.DEFAULT);
        assertThat(s.status()).as(s.message()).isEqualTo(Status.OPTIMAL);
        assertThat(s.objective()).isCloseTo(6.0, within(TOL.objective));
        assertThat(s.x()).containsExactly(new double[] {2, 1, 2}, within(TOL.primal));
        assertThat(s.dual(0) + s.dual(1)).isCloseTo(4.0, within(TOL.dual));
        assertThat(OptimalityCertificate.of(p, s).holds(TOL.kkt)).isTrue();
    }

    /**
     * Rows the presolve drops: e: 0·x = 0 (entries cancel: x − x), v: x ≤ +∞. min (x − 1)²,
     * x ≥ 0: x = 1, objective 0 (constant 1), both duals 0.
     */
    @Test
    void emptyAndVacuousRowsHaveDualZero() {
        ProblemBuilder b = new ProblemBuilder("dropped");
        int x = b.addVariable("x", 0, INF);
        b.addQuadratic(x, x, 2).addLinear(x, -2).addConstant(1);
        b.addRow("e", new int[] {x, x}, new double[] {1, -1}, Sense.EQUAL, 0);
        b.addRow("v", new int[] {x}, new double[] {1}, Sense.LESS_EQUAL, INF);
        solveOptimal(b.build(), 0.0, new double[] {1}, new double[] {0, 0});
    }

    /** x ∈ [0, 1], y ∈ [0, 1], x + y ≥ 3: the bounds leave at most 2. The message names the least violation, 1. */
    @Test
    void rowsBeyondTheBoundsAreInfeasibleWithTheLeastViolation() {
        ProblemBuilder b = new ProblemBuilder("infeasible");
        int x = b.addVariable("x", 0, 1);
        int y = b.addVariable("y", 0, 1);
        b.addQuadratic(x, x, 1).addLinear(y, 1);
        b.addRow("r", new int[] {x, y}, new double[] {1, 1}, Sense.GREATER_EQUAL, 3);
        Solution s = IPM.solve(b.build(), SolverParameters.DEFAULT);
        assertThat(s.status()).as(s.message()).isEqualTo(Status.INFEASIBLE);
        assertThat(s.message()).contains("least total violation is 1.00000");
        assertThat(s.hasPoint()).isFalse();
    }

    /** An empty row that cannot hold (0 ≥ 1 once the fixed variable is substituted) is INFEASIBLE by presolve. */
    @Test
    void anImpossibleRowIsInfeasibleByPresolve() {
        ProblemBuilder b = new ProblemBuilder("impossible");
        int f = b.addVariable("f", 1, 1);
        b.addVariable("x", 0, 1);
        b.addRow("r", new int[] {f}, new double[] {1}, Sense.GREATER_EQUAL, 2);
        Solution s = IPM.solve(b.build(), SolverParameters.DEFAULT);
        assertThat(s.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(s.message()).contains("presolve").contains("row r");
    }

    /**
     * A QP unbounded along a free variable without curvature: min x² − y s.t. x + y ≥ 0,
     * x ∈ [−1, 1], y free. The ray d = (0, 1) keeps the row and lowers the objective by 1 per unit.
     */
    @Test
    void aQpWithAFreeLinearDirectionIsUnbounded() {
        ProblemBuilder b = new ProblemBuilder("unbounded");
        int x = b.addVariable("x", -1, 1);
        int y = b.addVariable("y", -INF, INF);
        b.addQuadratic(x, x, 2).addLinear(y, -1);
        b.addRow("r", new int[] {x, y}, new double[] {1, 1}, Sense.GREATER_EQUAL, 0);
        Solution s = IPM.solve(b.build(), SolverParameters.DEFAULT);
        assertThat(s.status()).as(s.message()).isEqualTo(Status.UNBOUNDED);
        assertThat(s.message()).contains("direction of recession");
    }

    @Test
    void refusesIntegerVariables() {
        ProblemBuilder b = new ProblemBuilder("milp");
        int x = b.addVariable("x", 0, 3, VariableType.INTEGER);
        b.addLinear(x, -1);
        assertThatThrownBy(() -> IPM.solve(b.build(), SolverParameters.DEFAULT))
                .isInstanceOf(UnsupportedProblemException.class).hasMessageContaining("ipm");
    }

    @Test
    void aTimeLimitReachedReturnsTheIterateAsTimeLimit() {
        ProblemBuilder b = new ProblemBuilder("limit");
        int x = b.addVariable("x", 0, INF);
        int y = b.addVariable("y", 0, INF);
        b.addLinear(x, 1).addLinear(y, 2);
        b.addRow("r", new int[] {x, y}, new double[] {1, 1}, Sense.GREATER_EQUAL, 1);
        // A limit of a nanosecond has passed before the ordering's first pivot: the phase is named,
        // and the point (required with TIME_LIMIT) is zero moved into the bounds.
        Solution s = IPM.solve(b.build(), SolverParameters.DEFAULT.withTimeLimitSeconds(1e-9));
        assertThat(s.status()).as(s.message()).isEqualTo(Status.TIME_LIMIT);
        assertThat(s.message()).contains("time limit").contains("ordering").contains("before the first iterate");
        assertThat(s.hasPoint()).isTrue();
    }

    private static Solution solveOptimal(Problem p, double objective, double[] x, double[] duals) {
        Solution s = IPM.solve(p, SolverParameters.DEFAULT);
        assertThat(s.status()).as(s.message()).isEqualTo(Status.OPTIMAL);
        assertThat(s.objective()).isCloseTo(objective, within(TOL.objective));
        assertThat(s.x()).containsExactly(x, within(TOL.primal));
        assertThat(s.duals().orElseThrow()).containsExactly(duals, within(TOL.dual));
        OptimalityCertificate kkt = OptimalityCertificate.of(p, s);
        assertThat(kkt.holds(TOL.kkt)).as(kkt.toString()).isTrue();
        return s;
    }
}
