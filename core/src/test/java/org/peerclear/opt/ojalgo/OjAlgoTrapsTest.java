package org.peerclear.opt.ojalgo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.Status;
import org.peerclear.opt.Tolerances;

/** One regression test per ojAlgo trap, each on a small problem whose answer is derived by hand. */
class OjAlgoTrapsTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final OjAlgoBackend backend = new OjAlgoBackend();

    private Solution solve(Problem p) {
        Solution s = backend.solve(p, SolverParameters.DEFAULT);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.OPTIMAL);
        assertThat(s.message()).as("message of an exact solve").doesNotContain("approximate");
        OptimalityCertificate kkt = OptimalityCertificate.of(p, s);
        assertThat(kkt.holds(Tolerances.EXACT.kkt)).as(kkt.toString()).isTrue();
        return s;
    }

    /**
     * min 100x² + 100y² − 200x − 400y (coefficients near 100: ojAlgo's adjustment factor is
     * 0.01 and its own QP multipliers come out scaled by it) s.t. c: x + y ≤ 1. Unconstrained
     * minimiser (1, 2) violates c, so c binds: 200x − 200 = λ, 200y − 400 = λ, x + y = 1 give
     * y − x = 1, x = 0, y = 1, λ = −200 (≤ 0 on a ≤ row). Objective 100 − 400 = −300.
     */
    @Test
    void ojalgoQpDualsAreNotScaledByAdjustmentFactor() {
        ProblemBuilder b = new ProblemBuilder("scaled");
        int x = b.addVariable("x", -INF, INF);
        int y = b.addVariable("y", -INF, INF);
        b.addLinear(x, -200).addLinear(y, -400).addQuadratic(x, x, 200).addQuadratic(y, y, 200);
        b.addRow("c", new int[] {x, y}, new double[] {1, 1}, Sense.LESS_EQUAL, 1);
        Solution s = solve(b.build());
        assertThat(Tolerances.relativeError(s.objective(), -300)).isLessThanOrEqualTo(Tolerances.EXACT.objective);
        assertThat(Tolerances.relativeError(s.dual(0), -200)).as("dual " + s.dual(0)).isLessThanOrEqualTo(Tolerances.EXACT.dual);
    }

    /**
     * LP: min 2x + 3y s.t. r0: x + y ≥ 4, r1: x ≤ 3 (one variable: ojAlgo's presolver makes it a
     * bound and drops its multiplier), x, y ≥ 0. x = 3, y = 1; y inside: y0 = 3; x inside its
     * bounds: 2 = y0 + y1, y1 = −1. By sensitivity: x ≤ 3 + δ saves (3 − 2)δ.
     * QP: min 50x² + 50y² − 100x s.t. eq: x + y = 2, s: x ≤ 1.2 gives x = 1.2, y = 0.8,
     * λ_eq = 100·0.8 = 80, 100·1.2 − 100 = 20 = 80 + λ_s, λ_s = −60.
     */
    @Test
    void singleVariableRowKeepsItsDual() {
        ProblemBuilder lp = new ProblemBuilder("singleRowLp");
        int x = lp.addVariable("x", 0, INF);
        int y = lp.addVariable("y", 0, INF);
        lp.addLinear(x, 2).addLinear(y, 3);
        lp.addRow("r0", new int[] {x, y}, new double[] {1, 1}, Sense.GREATER_EQUAL, 4);
        lp.addRow("r1", new int[] {x}, new double[] {1}, Sense.LESS_EQUAL, 3);
        Solution s = solve(lp.build());
        assertThat(Tolerances.relativeError(s.dual(0), 3)).isLessThanOrEqualTo(Tolerances.EXACT.dual);
        assertThat(Tolerances.relativeError(s.dual(1), -1)).as("dual of r1 " + s.dual(1)).isLessThanOrEqualTo(Tolerances.EXACT.dual);

        ProblemBuilder qp = new ProblemBuilder("singleRowQp");
        int u = qp.addVariable("x", -10, INF);
        int v = qp.addVariable("y", -10, INF);
        qp.addLinear(u, -100).addQuadratic(u, u, 100).addQuadratic(v, v, 100);
        qp.addRow("eq", new int[] {u, v}, new double[] {1, 1}, Sense.EQUAL, 2);
        qp.addRow("s", new int[] {u}, new double[] {1}, Sense.LESS_EQUAL, 1.2);
        Solution t = solve(qp.build());
        assertThat(Tolerances.relativeError(t.dual(0), 80)).isLessThanOrEqualTo(Tolerances.EXACT.dual);
        assertThat(Tolerances.relativeError(t.dual(1), -60)).as("dual of s " + t.dual(1)).isLessThanOrEqualTo(Tolerances.EXACT.dual);
    }

    /**
     * Two producers at the same cost 10, p1 ∈ [0, 5] with also a capacity row cap: p1 ≤ 5, p2 ∈
     * [0, 5], a load d fixed at 5, balance p1 + p2 − d = 0. An optimum is p1 = 5, p2 = 0 (or
     * any split: the objective is 50 either way). The vertex p1 = 5 is degenerate: the cap row
     * and p1's bound are both tight and share a dual, d is fixed. Duals are not unique (y_cap and
     * z_p1 trade off), but the balance price is: at p1 = 5, p2 = 0, p2 needs 10 − y_bal ≥ 0 and p1
     * needs 10 = y_bal + y_cap + z_p1 with y_cap, z_p1 ≤ 0, so y_bal = 10; at p1 = 0, p2 = 5 the cap
     * is slack (y_cap = 0) and 10 − y_bal ≥ 0 (p1 at 0), 10 − y_bal ≤ 0 (p2 at 5): again 10; any
     * split in between has a producer inside its bounds, 10 = y_bal. Any valid dual must pass the certificate.
     */
    @Test
    void degenerateMarketLpDualsSatisfyKkt() {
        ProblemBuilder b = new ProblemBuilder("degenerateMarket");
        int p1 = b.addVariable("p1", 0, 5);
        int p2 = b.addVariable("p2", 0, 5);
        int d = b.addVariable("d", 5, 5);
        b.addLinear(p1, 10).addLinear(p2, 10);
        b.addRow("balance", new int[] {p1, p2, d}, new double[] {1, 1, -1}, Sense.EQUAL, 0);
        b.addRow("cap", new int[] {p1}, new double[] {1}, Sense.LESS_EQUAL, 5);
        Solution s = solve(b.build());
        assertThat(Tolerances.relativeError(s.objective(), 50)).isLessThanOrEqualTo(Tolerances.EXACT.objective);
        assertThat(s.dual(1)).as("cap dual sign").isLessThanOrEqualTo(0.0);
        assertThat(Tolerances.relativeError(s.dual(0), 10)).as("balance price " + s.dual(0)).isLessThanOrEqualTo(Tolerances.EXACT.dual);
    }
}
