package org.peerclear.solver.ipm;

import java.util.Arrays;

import org.peerclear.opt.Problem;
import org.peerclear.opt.Sense;

/**
 * A {@link Problem} as the interior-point method sees it:
 *
 * <pre>
 *   minimise    c·x + ½ Σ q_j x_j²
 *   subject to  A·x = b,   lo ≤ x ≤ hi   (sides may be infinite)
 * </pre>
 *
 * <p>Presolve (only what keeps the map back trivial): a fixed variable (lower = upper, or a box
 * narrower than {@link IpmSettings#FIXED_WIDTH} relative: a barrier on such a box only breeds
 * bound duals of 1e14 and more; it is fixed at its middle) is
 * substituted into the rows and the objective; a row with an infinite right-hand side on the
 * side that cannot bind, and a row left without entries, is dropped (its dual is 0); repeated
 * entries of a row are added. Each inequality row gets a slack column with coefficient −1 and
 * the row's side as a bound ({@code a·x − s = 0, s ≤ rhs}), so that the duals of the equality
 * form are the duals of {@link Problem} as they are: {@code y_i = ∂obj/∂rhs_i}.
 *
 * <p>Scaling: Ruiz equilibration of the symmetric KKT matrix {@code [Q Aᵀ; A 0]} (rows R,
 * columns C, {@value IpmSettings#RUIZ_PASSES} passes), then the cost by ω = 1/max(1, ‖Cc‖∞):
 * the scaled problem has x = C·x̂, rows R·A·C·x̂ = R·b, objective ω·f. Back: x = C·x̂,
 * y = R·ŷ/ω. The slack of row i is scaled with that row, so its coefficient stays −1.
 */
final class StandardForm {
    final Problem problem;
    /** Columns (structural, then one slack per inequality row) and rows of the scaled form. */
    final int n;
    final int m;
    final int structural;
    final int[] colStart;
    final int[] rowIndex;
    final double[] value;
    final double[] c;
    final double[] q;
    final double[] lo;
    final double[] hi;
    final double[] b;
    /** x_original = colScale·x̂ (a slack's factor is 1/R of its row). */
    final double[] colScale;
    final double[] rowScale;
    final double objectiveScale;
    /** Original index of each structural column and of each row. */
    final int[] originalColumn;
    final int[] originalRow;
    /** Values of fixed original variables (NaN for the others). */
    final double[] fixedValue;
    /** Objective of the fixed variables plus the problem's constant (original units). */
    final double objectiveOffset;
    /** max(1, largest |rhs|) and max(1, largest |c_j|) of the kept data, original units: the residuals' scales. */
    final double rhsNorm;
    final double costNorm;
    /** Why presolve already knows the problem is infeasible, or null. */
    final String infeasibility;

    StandardForm(Problem p) {
        this.problem = p;
        int nOrig = p.numVariables();
        fixedValue = new double[nOrig];
        int[] newColumn = new int[nOrig];
        double[] qOrig = new double[nOrig];
        for (int k = 0; k < p.numQuadraticEntries(); k++) {
            if (p.quadraticRow(k) == p.quadraticColumn(k)) {
                qOrig[p.quadraticRow(k)] += p.quadraticValue(k);
            }
        }
        int kept = 0;
        double offset = p.constant();
        double cNorm = 1.0;
        for (int j = 0; j < nOrig; j++) {
            if (Double.isFinite(p.upper(j) - p.lower(j)) && p.upper(j) - p.lower(j) <= IpmSettings.FIXED_WIDTH * Math.max(1.0, Math.max(Math.abs(p.lower(j)), Math.abs(p.upper(j))))) {
                double v = 0.5 * (p.lower(j) + p.upper(j));
                fixedValue[j] = v;
                newColumn[j] = -1;
                offset += p.linear(j) * v + 0.5 * qOrig[j] * v * v;
            } else {
                fixedValue[j] = Double.NaN;
                newColumn[j] = kept++;
                cNorm = Math.max(cNorm, Math.abs(p.linear(j)));
            }
        }
        structural = kept;
        originalColumn = new int[kept];
        for (int j = 0; j < nOrig; j++) {
            if (newColumn[j] >= 0) {
                originalColumn[newColumn[j]] = j;
            }
        }
        objectiveOffset = offset;
        costNorm = cNorm;

        // Rows: merged entries on the kept columns, fixed variables moved to the right-hand side.
        int mOrig = p.numRows();
        int[] rowPtr = new int[mOrig + 1];
        int[] cols = new int[p.numNonZeros()];
        double[] vals = new double[p.numNonZeros()];
        int[] keptRows = new int[mOrig];
        double[] rhs = new double[mOrig];
        Sense[] senses = new Sense[mOrig];
        double[] acc = new double[kept];
        int[] mark = new int[kept];
        Arrays.fill(mark, -1);
        int rows = 0;
        int nnz = 0;
        int slacks = 0;
        double bNorm = 1.0;
        String infeasible = null;
        for (int i = 0; i < mOrig; i++) {
            double r = p.rhs(i);
            Sense s = p.sense(i);
            if (Double.isInfinite(r)) {
                boolean vacuous = (s == Sense.LESS_EQUAL) == (r > 0) && s != Sense.EQUAL;
                if (!vacuous && infeasible == null) {
                    infeasible = "row " + p.rowName(i) + " " + s.symbol() + " " + r + " can never hold";
                }
                continue;
            }
            int first = nnz;
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.column(k);
                double a = p.coefficient(k);
                int col = newColumn[j];
                if (col < 0) {
                    r -= a * fixedValue[j];
                } else if (mark[col] != i) {
                    mark[col] = i;
                    acc[col] = a;
                    cols[nnz++] = col;
                } else {
                    acc[col] += a;
                }
            }
            int out = first;
            for (int k = first; k < nnz; k++) {
                int col = cols[k];
                if (acc[col] != 0.0) {
                    cols[out] = col;
                    vals[out++] = acc[col];
                }
            }
            nnz = out;
            if (nnz == first) {
                boolean holds = s == Sense.LESS_EQUAL ? 0.0 <= r + tolerance(r)
                        : s == Sense.GREATER_EQUAL ? 0.0 >= r - tolerance(r) : Math.abs(r) <= tolerance(r);
                if (!holds && infeasible == null) {
                    infeasible = "row " + p.rowName(i) + " has no variable left and reads 0 " + s.symbol() + " " + r;
                }
                continue;
            }
            keptRows[rows] = i;
            rhs[rows] = r;
            senses[rows] = s;
            slacks += s == Sense.EQUAL ? 0 : 1;
            bNorm = Math.max(bNorm, Math.abs(r));
            rows++;
            rowPtr[rows] = nnz;
        }
        infeasibility = infeasible;
        rhsNorm = bNorm;
        m = rows;
        n = kept + slacks;
        originalRow = Arrays.copyOf(keptRows, rows);

        // Ruiz equilibration of [Q Aᵀ; A 0] on the structural part.
        double[] cs = new double[n];
        double[] rs = new double[m];
        Arrays.fill(cs, 1.0);
        Arrays.fill(rs, 1.0);
        double[] colMax = new double[kept];
        double[] rowMax = new double[m];
        for (int pass = 0; pass < IpmSettings.RUIZ_PASSES; pass++) {
            for (int k = 0; k < kept; k++) {
                colMax[k] = Math.abs(qOrig[originalColumn[k]]) * cs[k] * cs[k];
            }
            Arrays.fill(rowMax, 0.0);
            for (int i = 0; i < m; i++) {
                for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                    double a = Math.abs(vals[k]) * rs[i] * cs[cols[k]];
                    rowMax[i] = Math.max(rowMax[i], a);
                    colMax[cols[k]] = Math.max(colMax[cols[k]], a);
                }
            }
            for (int k = 0; k < kept; k++) {
                cs[k] = ruiz(cs[k], colMax[k]);
            }
            for (int i = 0; i < m; i++) {
                rs[i] = ruiz(rs[i], rowMax[i]);
            }
        }
        double scaledCost = 0.0;
        for (int k = 0; k < kept; k++) {
            scaledCost = Math.max(scaledCost, Math.abs(p.linear(originalColumn[k])) * cs[k]);
        }
        objectiveScale = 1.0 / Math.max(1.0, scaledCost);

        // Scaled data, slack columns appended.
        c = new double[n];
        q = new double[n];
        lo = new double[n];
        hi = new double[n];
        b = new double[m];
        for (int k = 0; k < kept; k++) {
            int j = originalColumn[k];
            c[k] = objectiveScale * cs[k] * p.linear(j);
            q[k] = objectiveScale * cs[k] * cs[k] * qOrig[j];
            lo[k] = p.lower(j) / cs[k];
            hi[k] = p.upper(j) / cs[k];
        }
        int[] count = new int[n + 1];
        for (int k = 0; k < nnz; k++) {
            count[cols[k] + 1]++;
        }
        int slack = kept;
        int[] slackOf = new int[m];
        for (int i = 0; i < m; i++) {
            if (senses[i] == Sense.EQUAL) {
                slackOf[i] = -1;
                b[i] = rs[i] * rhs[i];
            } else {
                slackOf[i] = slack;
                count[slack + 1]++;
                cs[slack] = 1.0 / rs[i];
                double side = rs[i] * rhs[i];
                lo[slack] = senses[i] == Sense.LESS_EQUAL ? Double.NEGATIVE_INFINITY : side;
                hi[slack] = senses[i] == Sense.LESS_EQUAL ? side : Double.POSITIVE_INFINITY;
                slack++;
            }
        }
        colStart = new int[n + 1];
        for (int k = 0; k < n; k++) {
            colStart[k + 1] = colStart[k] + count[k + 1];
        }
        int total = colStart[n];
        rowIndex = new int[total];
        value = new double[total];
        int[] fill = Arrays.copyOf(colStart, n);
        for (int i = 0; i < m; i++) {
            for (int k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
                int col = cols[k];
                int at = fill[col]++;
                rowIndex[at] = i;
                value[at] = rs[i] * vals[k] * cs[col];
            }
            if (slackOf[i] >= 0) {
                int at = fill[slackOf[i]]++;
                rowIndex[at] = i;
                value[at] = -1.0;
            }
        }
        colScale = cs;
        rowScale = rs;
    }

    private static double tolerance(double r) {
        return IpmSettings.EMPTY_ROW * Math.max(1.0, Math.abs(r));
    }

    private static double ruiz(double scale, double norm) {
        if (norm == 0.0) {
            return scale;
        }
        double s = scale / Math.sqrt(norm);
        return Math.min(IpmSettings.RUIZ_LIMIT, Math.max(1.0 / IpmSettings.RUIZ_LIMIT, s));
    }

    boolean hasQuadratic() {
        for (double v : q) {
            if (v != 0.0) {
                return true;
            }
        }
        return false;
    }

    /** The scaled point nearest to zero within the bounds (the point returned when no iterate exists yet). */
    double[] nearestToZero() {
        double[] xs = new double[n];
        for (int j = 0; j < n; j++) {
            xs[j] = Math.min(Math.max(0.0, lo[j]), hi[j]);
        }
        return xs;
    }

    /** The original problem's x from a scaled point. */
    double[] originalX(double[] xs) {
        double[] x = fixedValue.clone();
        for (int k = 0; k < structural; k++) {
            x[originalColumn[k]] = colScale[k] * xs[k];
        }
        return x;
    }

    /** The original problem's row duals from scaled ones (0 on dropped rows). */
    double[] originalY(double[] ys) {
        double[] y = new double[problem.numRows()];
        for (int i = 0; i < m; i++) {
            y[originalRow[i]] = rowScale[i] * ys[i] / objectiveScale;
        }
        return y;
    }
}
