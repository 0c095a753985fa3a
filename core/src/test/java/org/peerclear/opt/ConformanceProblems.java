package org.peerclear.opt;

import java.util.List;

/**
 * Small problems whose answers are derived by hand in the comments: status, objective, x and
 * the dual of every row in the convention of {@link Problem} ({@code y = ∂(obj*)/∂rhs}, so
 * {@code ≤ 0} on a tight ≤ row, {@code ≥ 0} on a tight ≥ row). Every continuous problem with
 * duals is non-degenerate (strict complementarity, independent active constraints), so its
 * duals are unique and any correct back-end must return exactly them.
 */
public final class ConformanceProblems {
    private static final double INF = Double.POSITIVE_INFINITY;

    private ConformanceProblems() {
    }

    /** One problem and its known answer; {@code x} and {@code duals} are null when not applicable. */
    public static final class Case {
        public final String name;
        public final Problem problem;
        public final Status status;
        public final double objective;
        public final double[] x;
        public final double[] duals;

        Case(Problem problem, Status status, double objective, double[] x, double[] duals) {
            this.name = problem.name();
            this.problem = problem;
            this.status = status;
            this.objective = objective;
            this.x = x;
            this.duals = duals;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Case> all() {
        return List.of(lpTwoInequalities(), lpEqualityAndFreeVariable(), lpSingleVariableRowAndRepeatedColumn(),
                lpBoundActive(), lpFreeVariablesAndInfiniteRhs(), lpInfeasible(), lpUnbounded(),
                qpInterior(), qpEquality(), qpSingleVariableRowActive(), qpOffDiagonal(),
                milpKnapsack(), milpAssignment(), milpGeneralInteger());
    }

    private static Case optimal(ProblemBuilder b, double objective, double[] x, double[] duals) {
        return new Case(b.build(), Status.OPTIMAL, objective, x, duals);
    }

    private static int[] c(int... j) {
        return j;
    }

    private static double[] v(double... a) {
        return a;
    }

    /**
     * min −x − 2y  s.t.  c1: x + y ≤ 4,  c2: x + 3y ≤ 9,  x, y ≥ 0.
     * Both rows tight: y = 2.5, x = 1.5, objective −6.5. Stationarity with both x, y inside
     * their bounds: −1 = y1 + y2, −2 = y1 + 3·y2, so y2 = −0.5, y1 = −0.5.
     */
    public static Case lpTwoInequalities() {
        ProblemBuilder b = new ProblemBuilder("lpTwoInequalities");
        int x = b.addVariable("x", 0, INF);
        int y = b.addVariable("y", 0, INF);
        b.addLinear(x, -1).addLinear(y, -2);
        b.addRow("c1", c(x, y), v(1, 1), Sense.LESS_EQUAL, 4);
        b.addRow("c2", c(x, y), v(1, 3), Sense.LESS_EQUAL, 9);
        return optimal(b, -6.5, v(1.5, 2.5), v(-0.5, -0.5));
    }

    /**
     * min −x − 2y + 0.25w  s.t.  c1: x + y ≤ 4,  c2: x + 3y ≤ 9,  c3: x ≥ 1,  c4: x − y + w = 0,
     * x, y ≥ 0, w free. Eliminating w = y − x gives min −1.25x − 1.75y over c1, c2: both tight at
     * x = 1.5, y = 2.5 (w = 1), objective −1.5 − 5 + 0.25 = −6.25; c3 is slack (dual 0).
     * Stationarity: w: 0.25 = y4; x: −1 = y1 + y2 + y4; y: −2 = y1 + 3y2 − y4, so
     * y1 + y2 = −1.25, y1 + 3y2 = −1.75: y2 = −0.25, y1 = −1.
     */
    public static Case lpEqualityAndFreeVariable() {
        ProblemBuilder b = new ProblemBuilder("lpEqualityAndFreeVariable");
        int x = b.addVariable("x", 0, INF);
        int y = b.addVariable("y", 0, INF);
        int w = b.addVariable("w", -INF, INF);
        b.addLinear(x, -1).addLinear(y, -2).addLinear(w, 0.25);
        b.addRow("c1", c(x, y), v(1, 1), Sense.LESS_EQUAL, 4);
        b.addRow("c2", c(x, y), v(1, 3), Sense.LESS_EQUAL, 9);
        b.addRow("c3", c(x), v(1), Sense.GREATER_EQUAL, 1);
        b.addRow("c4", c(x, y, w), v(1, -1, 1), Sense.EQUAL, 0);
        return optimal(b, -6.25, v(1.5, 2.5, 1.0), v(-1.0, -0.25, 0.0, 0.25));
    }

    /**
     * min 2x + 3y  s.t.  r0: 0.5x + y + 0.5x ≥ 4 (x given twice: the entries add up),
     * r1: 2x ≤ 6 (a single-variable row, tight), r2: y ≥ 0.5 (single-variable, slack), x, y ≥ 0.
     * x is cheaper, so x = 3 (r1), y = 1 (r0), objective 9. Stationarity (x, y strictly inside
     * their bounds): y: 3 = y0; x: 2 = y0 + 2·y1, so y1 = −0.5. Check by sensitivity: with
     * 2x ≤ 6 + δ, x = 3 + δ/2, y = 1 − δ/2, objective 9 − δ/2.
     */
    public static Case lpSingleVariableRowAndRepeatedColumn() {
        ProblemBuilder b = new ProblemBuilder("lpSingleVariableRowAndRepeatedColumn");
        int x = b.addVariable("x", 0, INF);
        int y = b.addVariable("y", 0, INF);
        b.addLinear(x, 2).addLinear(y, 3);
        b.addRow("r0", c(x, y, x), v(0.5, 1, 0.5), Sense.GREATER_EQUAL, 4);
        b.addRow("r1", c(x), v(2), Sense.LESS_EQUAL, 6);
        b.addRow("r2", c(y), v(1), Sense.GREATER_EQUAL, 0.5);
        return optimal(b, 9.0, v(3.0, 1.0), v(3.0, -0.5, 0.0));
    }

    /**
     * min −x − y  s.t.  r0: x + 2y ≤ 4,  0 ≤ x ≤ 1,  y ≥ 0. x is worth more per unit of r0, so
     * x = 1 at its upper bound and y = 1.5, objective −2.5. y inside: −1 = 2·y0, y0 = −0.5; x's
     * reduced cost −1 − y0 = −0.5 ≤ 0 as it must be at an upper bound (strictly: not degenerate).
     */
    public static Case lpBoundActive() {
        ProblemBuilder b = new ProblemBuilder("lpBoundActive");
        int x = b.addVariable("x", 0, 1);
        int y = b.addVariable("y", 0, INF);
        b.addLinear(x, -1).addLinear(y, -1);
        b.addRow("r0", c(x, y), v(1, 2), Sense.LESS_EQUAL, 4);
        return optimal(b, -2.5, v(1.0, 1.5), v(-0.5));
    }

    /**
     * x, y free;  min x + 2y  s.t.  r0: x + y ≥ 2,  r1: −x + y ≥ −4,  r2: x + y ≤ +∞ (no limit).
     * Both finite rows tight: y = −1, x = 3, objective 1. Stationarity: 1 = y0 − y1,
     * 2 = y0 + y1, so y0 = 1.5, y1 = 0.5 (both ≥ 0 on ≥ rows); r2 can never bind, dual 0.
     */
    public static Case lpFreeVariablesAndInfiniteRhs() {
        ProblemBuilder b = new ProblemBuilder("lpFreeVariablesAndInfiniteRhs");
        int x = b.addVariable("x", -INF, INF);
        int y = b.addVariable("y", -INF, INF);
        b.addLinear(x, 1).addLinear(y, 2);
        b.addRow("r0", c(x, y), v(1, 1), Sense.GREATER_EQUAL, 2);
        b.addRow("r1", c(x, y), v(-1, 1), Sense.GREATER_EQUAL, -4);
        b.addRow("r2", c(x, y), v(1, 1), Sense.LESS_EQUAL, INF);
        return optimal(b, 1.0, v(3.0, -1.0), v(1.5, 0.5, 0.0));
    }

    /** x + y ≤ 1 and x + y ≥ 2 cannot both hold. */
    public static Case lpInfeasible() {
        ProblemBuilder b = new ProblemBuilder("lpInfeasible");
        int x = b.addVariable("x", 0, INF);
        int y = b.addVariable("y", 0, INF);
        b.addLinear(x, 1).addLinear(y, 1);
        b.addRow("r0", c(x, y), v(1, 1), Sense.LESS_EQUAL, 1);
        b.addRow("r1", c(x, y), v(1, 1), Sense.GREATER_EQUAL, 2);
        return new Case(b.build(), Status.INFEASIBLE, Double.NaN, null, null);
    }

    /** min −x s.t. x − y ≤ 1, x, y ≥ 0: the ray x = y = t is feasible and the objective falls without limit. */
    public static Case lpUnbounded() {
        ProblemBuilder b = new ProblemBuilder("lpUnbounded");
        int x = b.addVariable("x", 0, INF);
        int y = b.addVariable("y", 0, INF);
        b.addLinear(x, -1);
        b.addRow("r0", c(x, y), v(1, -1), Sense.LESS_EQUAL, 1);
        return new Case(b.build(), Status.UNBOUNDED, Double.NaN, null, null);
    }

    /**
     * min (x − 1)² + 2(y + 2)² = x² − 2x + 2y² + 8y + 9 (Q = diag(2, 4)), x, y free,
     * r0: x + y ≤ 5. The unconstrained minimiser (1, −2) satisfies r0 with slack 6: objective 0,
     * dual 0.
     */
    public static Case qpInterior() {
        ProblemBuilder b = new ProblemBuilder("qpInterior");
        int x = b.addVariable("x", -INF, INF);
        int y = b.addVariable("y", -INF, INF);
        b.addLinear(x, -2).addLinear(y, 8).addConstant(9);
        b.addQuadratic(x, x, 2).addQuadratic(y, y, 4);
        b.addRow("r0", c(x, y), v(1, 1), Sense.LESS_EQUAL, 5);
        return optimal(b, 0.0, v(1.0, -2.0), v(0.0));
    }

    /**
     * min 50x² + 50y² − 100x (Q = diag(100, 100): coefficients far from 1, so ojAlgo scales the
     * objective)  s.t.  eq: x + y = 2, x, y free. Stationarity: 100x − 100 = λ, 100y = λ, with
     * x + y = 2: x = 1.5, y = 0.5, λ = 50; objective 112.5 + 12.5 − 150 = −25.
     */
    public static Case qpEquality() {
        ProblemBuilder b = new ProblemBuilder("qpEquality");
        int x = b.addVariable("x", -INF, INF);
        int y = b.addVariable("y", -INF, INF);
        b.addLinear(x, -100);
        b.addQuadratic(x, x, 100).addQuadratic(y, y, 100);
        b.addRow("eq", c(x, y), v(1, 1), Sense.EQUAL, 2);
        return optimal(b, -25.0, v(1.5, 0.5), v(50.0));
    }

    /**
     * As {@link #qpEquality()} plus s: x ≤ 1.2 (a single-variable row, tight since x would be
     * 1.5) and r: x − y ≤ 0.5 (two variables, slack), x, y ≥ −10. Then x = 1.2, y = 0.8;
     * y: 100·0.8 = λ_eq = 80; x: 100·1.2 − 100 = 20 = λ_eq + λ_s, so λ_s = −60.
     * Objective 72 + 32 − 120 = −16.
     */
    public static Case qpSingleVariableRowActive() {
        ProblemBuilder b = new ProblemBuilder("qpSingleVariableRowActive");
        int x = b.addVariable("x", -10, INF);
        int y = b.addVariable("y", -10, INF);
        b.addLinear(x, -100);
        b.addQuadratic(x, x, 100).addQuadratic(y, y, 100);
        b.addRow("eq", c(x, y), v(1, 1), Sense.EQUAL, 2);
        b.addRow("s", c(x), v(1), Sense.LESS_EQUAL, 1.2);
        b.addRow("r", c(x, y), v(1, -1), Sense.LESS_EQUAL, 0.5);
        return optimal(b, -16.0, v(1.2, 0.8), v(80.0, -60.0, 0.0));
    }

    /**
     * min ½xᵀQx − 3x with Q = [[2, 1], [1, 2]] (the term x·y is stored once), x, y free,
     * r0: x + y ≥ 2. Unconstrained minimiser (2, −1) has x + y = 1, so r0 binds:
     * 2x + y − 3 = λ, x + 2y = λ, x + y = 2 give x = 2.5, y = −0.5, λ = 1.5 (≥ 0).
     * Objective ½(12.5 − 2.5 + 0.5) − 7.5 = −2.25.
     */
    public static Case qpOffDiagonal() {
        ProblemBuilder b = new ProblemBuilder("qpOffDiagonal");
        int x = b.addVariable("x", -INF, INF);
        int y = b.addVariable("y", -INF, INF);
        b.addLinear(x, -3);
        b.addQuadratic(x, x, 2).addQuadratic(y, y, 2).addQuadratic(x, y, 1);
        b.addRow("r0", c(x, y), v(1, 1), Sense.GREATER_EQUAL, 2);
        return optimal(b, -2.25, v(2.5, -0.5), v(1.5));
    }

    /**
     * 0/1 knapsack: values (10, 13, 7, 8), weights (3, 4, 2, 3), capacity 7; minimise −value.
     * Feasible pairs by enumeration: {1,2} w7 v23, {1,3} w5 v17, {1,4} w6 v18, {2,3} w6 v20,
     * {2,4} w7 v21, {3,4} w5 v15; no triple fits (the lightest, {1,3,4}, weighs 8). Unique
     * optimum {1,2}: objective −23.
     */
    public static Case milpKnapsack() {
        ProblemBuilder b = new ProblemBuilder("milpKnapsack");
        double[] value = {10, 13, 7, 8};
        double[] weight = {3, 4, 2, 3};
        int[] cols = new int[4];
        for (int j = 0; j < 4; j++) {
            cols[j] = b.addVariable("item" + (j + 1), 0, 1, VariableType.BINARY);
            b.addLinear(cols[j], -value[j]);
        }
        b.addRow("capacity", cols, weight, Sense.LESS_EQUAL, 7);
        return new Case(b.build(), Status.OPTIMAL, -23.0, v(1, 1, 0, 0), null);
    }

    /**
     * 3×3 assignment with integer (not binary) variables in [0, 1], cost
     * [[9, 2, 7], [6, 4, 3], [5, 8, 1]]. The six permutations cost 14, 20, 9, 10, 21, 16
     * (agent→task 012, 021, 102, 120, 201, 210): unique optimum 0→1, 1→0, 2→2 with cost 9.
     */
    public static Case milpAssignment() {
        ProblemBuilder b = new ProblemBuilder("milpAssignment");
        double[][] cost = {{9, 2, 7}, {6, 4, 3}, {5, 8, 1}};
        int[][] var = new int[3][3];
        for (int a = 0; a < 3; a++) {
            for (int t = 0; t < 3; t++) {
                var[a][t] = b.addVariable("x" + a + t, 0, 1, VariableType.INTEGER);
                b.addLinear(var[a][t], cost[a][t]);
            }
        }
        for (int a = 0; a < 3; a++) {
            b.addRow("agent" + a, var[a], v(1, 1, 1), Sense.EQUAL, 1);
        }
        for (int t = 0; t < 3; t++) {
            b.addRow("task" + t, c(var[0][t], var[1][t], var[2][t]), v(1, 1, 1), Sense.EQUAL, 1);
        }
        return new Case(b.build(), Status.OPTIMAL, 9.0, v(0, 1, 0, 1, 0, 0, 0, 0, 1), null);
    }

    /**
     * a, b ≥ 0 integer; min 3a + 2b  s.t.  r0: a + b ≥ 3.5 (so a + b ≥ 4), r1: a − b ≥ −1.
     * 3a + 2b = 2(a + b) + a ≥ 8 + a, and r1 with a + b ≥ 4 forces 2a ≥ 3, a ≥ 2: the unique
     * optimum is a = b = 2, objective 10 (the LP relaxation would give 8.25 at (1.25, 2.25)).
     */
    public static Case milpGeneralInteger() {
        ProblemBuilder b = new ProblemBuilder("milpGeneralInteger");
        int a = b.addVariable("a", 0, INF, VariableType.INTEGER);
        int bb = b.addVariable("b", 0, INF, VariableType.INTEGER);
        b.addLinear(a, 3).addLinear(bb, 2);
        b.addRow("r0", c(a, bb), v(1, 1), Sense.GREATER_EQUAL, 3.5);
        b.addRow("r1", c(a, bb), v(1, -1), Sense.GREATER_EQUAL, -1);
        return new Case(b.build(), Status.OPTIMAL, 10.0, v(2, 2), null);
    }

    /** A tiny MIQP, only used to check that back-ends without MIQP refuse it. */
    public static Problem miqp() {
        ProblemBuilder b = new ProblemBuilder("miqp");
        int x = b.addVariable("x", 0, 3, VariableType.INTEGER);
        b.addQuadratic(x, x, 2).addLinear(x, -3);
        return b.build();
    }
}
