package org.peerclear.clearing.milp;

import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.VariableType;

/**
 * The continuous problem left when a MILP's integer decisions are fixed at their values: the
 * standard way to price a market with non-convexities (the duals of the fixed problem, with the
 * integer decisions taken as given).
 */
final class FixedIntegers {
    private FixedIntegers() {
    }

    static Problem of(Problem p, double[] x) {
        ProblemBuilder b = new ProblemBuilder(p.name() + "-fixed");
        for (int j = 0; j < p.numVariables(); j++) {
            if (p.type(j) == VariableType.CONTINUOUS) {
                b.addVariable(p.variableName(j), p.lower(j), p.upper(j));
            } else {
                double v = Math.rint(x[j]);
                b.addVariable(p.variableName(j), v, v);
            }
            if (p.linear(j) != 0.0) {
                b.addLinear(j, p.linear(j));
            }
        }
        b.addConstant(p.constant());
        for (int k = 0; k < p.numQuadraticEntries(); k++) {
            b.addQuadratic(p.quadraticRow(k), p.quadraticColumn(k), p.quadraticValue(k));
        }
        int[] cols = new int[16];
        double[] vals = new double[16];
        for (int i = 0; i < p.numRows(); i++) {
            int n = p.rowEnd(i) - p.rowStart(i);
            if (n > cols.length) {
                cols = new int[n];
                vals = new double[n];
            }
            for (int k = 0; k < n; k++) {
                cols[k] = p.column(p.rowStart(i) + k);
                vals[k] = p.coefficient(p.rowStart(i) + k);
            }
            b.addRow(p.rowName(i), cols, vals, n, p.sense(i), p.rhs(i));
        }
        return b.build();
    }
}
