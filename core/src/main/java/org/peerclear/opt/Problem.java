package org.peerclear.opt;

/**
 * A solver-neutral optimisation problem, always a minimisation:
 *
 * <pre>
 *   minimise    c·x + ½ xᵀQx + constant
 *   subject to  a_i·x (≤ | ≥ | =) rhs_i    for every row i
 *               lower_j ≤ x_j ≤ upper_j     for every variable j
 *               x_j integer                 for INTEGER / BINARY variables
 * </pre>
 *
 * <p>Q is symmetric positive semidefinite (convexity is the caller's promise; diagonal entries
 * are checked to be non-negative). It is stored as its upper triangle: an entry {@code (i, j, q)}
 * with {@code i < j} stands for both Q_ij and Q_ji, i.e. the objective term {@code q·x_i·x_j};
 * a diagonal entry {@code (j, j, q)} is the term {@code ½·q·x_j²}.
 *
 * <p>Rows are stored in compressed sparse row form. Unbounded sides use the infinities of
 * {@link Double}. Instances are immutable and built with {@link ProblemBuilder}.
 *
 * <h2>Dual sign convention (every back-end, no exception)</h2>
 * The dual {@code y_i} of row i is the sensitivity of the optimal objective to its right-hand
 * side, {@code y_i = ∂(obj*)/∂rhs_i}. Hence {@code y_i ≤ 0} on a ≤ row, {@code y_i ≥ 0} on a ≥
 * row, free on an = row, and stationarity reads {@code c + Qx = Aᵀy + z}, where the reduced
 * cost {@code z_j} is ≥ 0 at a lower bound, ≤ 0 at an upper bound and 0 in between.
 * In a market this makes the dual of a balance row the marginal cost of one more unit of
 * demand there: a price.
 */
public final class Problem {
    private final String name;
    private final double[] lower;
    private final double[] upper;
    private final VariableType[] types;
    private final String[] variableNames;
    private final double[] linear;
    private final double constant;
    private final int[] qRow;
    private final int[] qCol;
    private final double[] qValue;
    private final int[] rowStart;
    private final int[] column;
    private final double[] coefficient;
    private final Sense[] senses;
    private final double[] rhs;
    private final String[] rowNames;
    private final ProblemClass problemClass;

    Problem(String name, double[] lower, double[] upper, VariableType[] types, String[] variableNames,
            double[] linear, double constant, int[] qRow, int[] qCol, double[] qValue,
            int[] rowStart, int[] column, double[] coefficient, Sense[] senses, double[] rhs, String[] rowNames) {
        this.name = name;
        this.lower = lower;
        this.upper = upper;
        this.types = types;
        this.variableNames = variableNames;
        this.linear = linear;
        this.constant = constant;
        this.qRow = qRow;
        this.qCol = qCol;
        this.qValue = qValue;
        this.rowStart = rowStart;
        this.column = column;
        this.coefficient = coefficient;
        this.senses = senses;
        this.rhs = rhs;
        this.rowNames = rowNames;
        boolean integer = false;
        for (VariableType t : types) {
            integer |= t != VariableType.CONTINUOUS;
        }
        boolean quadratic = false;
        for (double q : qValue) {
            quadratic |= q != 0.0;
        }
        this.problemClass = integer
                ? (quadratic ? ProblemClass.MIQP : ProblemClass.MILP)
                : (quadratic ? ProblemClass.QP : ProblemClass.LP);
    }

    /** {@return the problem's name, for logs and messages} */
    public String name() {
        return name;
    }

    /** {@return LP, QP, MILP or MIQP, from the variable types and whether Q has a non-zero entry} */
    public ProblemClass problemClass() {
        return problemClass;
    }

    /** {@return the number of variables n; variable indices run {@code 0..n-1}} */
    public int numVariables() {
        return lower.length;
    }

    /** {@return the number of rows m; row indices run {@code 0..m-1}} */
    public int numRows() {
        return senses.length;
    }

    /** {@return the number of stored row coefficients, over all rows} */
    public int numNonZeros() {
        return column.length;
    }

    /**
     * The lower bound of variable j.
     *
     * @param j a variable index, {@code 0..numVariables()-1}
     * @return the bound; {@code -∞} when unbounded below
     */
    public double lower(int j) {
        return lower[j];
    }

    /**
     * The upper bound of variable j.
     *
     * @param j a variable index, {@code 0..numVariables()-1}
     * @return the bound; {@code +∞} when unbounded above
     */
    public double upper(int j) {
        return upper[j];
    }

    /**
     * The type of variable j.
     *
     * @param j a variable index, {@code 0..numVariables()-1}
     * @return continuous, integer or binary
     */
    public VariableType type(int j) {
        return types[j];
    }

    /**
     * The name of variable j, for messages and dumps.
     *
     * @param j a variable index, {@code 0..numVariables()-1}
     * @return the name as given to the builder
     */
    public String variableName(int j) {
        return variableNames[j];
    }

    /**
     * The linear objective coefficient c_j.
     *
     * @param j a variable index, {@code 0..numVariables()-1}
     * @return c_j; 0 for a variable without a linear term
     */
    public double linear(int j) {
        return linear[j];
    }

    /** {@return the objective's constant term, added to every objective value} */
    public double constant() {
        return constant;
    }

    /** {@return the number of stored upper-triangle entries of Q; entries for the same (i, j) add up} */
    public int numQuadraticEntries() {
        return qValue.length;
    }

    /**
     * The row of stored Q entry k.
     *
     * @param k an entry index, {@code 0..numQuadraticEntries()-1}
     * @return i, with {@code i <= quadraticColumn(k)}
     */
    public int quadraticRow(int k) {
        return qRow[k];
    }

    /**
     * The column of stored Q entry k.
     *
     * @param k an entry index, {@code 0..numQuadraticEntries()-1}
     * @return j, with {@code quadraticRow(k) <= j}
     */
    public int quadraticColumn(int k) {
        return qCol[k];
    }

    /**
     * The value of stored Q entry k (see the class comment for what it stands for).
     *
     * @param k an entry index, {@code 0..numQuadraticEntries()-1}
     * @return q: the term {@code ½·q·x_j²} on the diagonal, {@code q·x_i·x_j} off it
     */
    public double quadraticValue(int k) {
        return qValue[k];
    }

    /** {@return {@code true} when Q has no non-zero off-diagonal entry (a separable objective)} */
    public boolean isQuadraticDiagonal() {
        for (int k = 0; k < qValue.length; k++) {
            if (qRow[k] != qCol[k] && qValue[k] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * First index into {@link #column}/{@link #coefficient} of row i; row i ends at rowStart(i+1).
     *
     * @param i a row index, {@code 0..numRows()-1}
     * @return the first non-zero index of the row
     */
    public int rowStart(int i) {
        return rowStart[i];
    }

    /**
     * One past the last index into {@link #column}/{@link #coefficient} of row i.
     *
     * @param i a row index, {@code 0..numRows()-1}
     * @return {@code rowStart(i+1)}; equal to {@code rowStart(i)} for an empty row
     */
    public int rowEnd(int i) {
        return rowStart[i + 1];
    }

    /**
     * The variable of stored row coefficient k.
     *
     * @param k a non-zero index, from {@code rowStart(i)} to {@code rowEnd(i)-1} of some row i
     * @return a variable index
     */
    public int column(int k) {
        return column[k];
    }

    /**
     * The value of stored row coefficient k.
     *
     * @param k a non-zero index, from {@code rowStart(i)} to {@code rowEnd(i)-1} of some row i
     * @return the coefficient of {@code column(k)} in its row
     */
    public double coefficient(int k) {
        return coefficient[k];
    }

    /**
     * The sense of row i.
     *
     * @param i a row index, {@code 0..numRows()-1}
     * @return ≤, ≥ or =; it fixes the sign of the row's dual (see the class comment)
     */
    public Sense sense(int i) {
        return senses[i];
    }

    /**
     * The right-hand side of row i.
     *
     * @param i a row index, {@code 0..numRows()-1}
     * @return rhs_i
     */
    public double rhs(int i) {
        return rhs[i];
    }

    /**
     * The name of row i, for messages and dumps.
     *
     * @param i a row index, {@code 0..numRows()-1}
     * @return the name as given to the builder
     */
    public String rowName(int i) {
        return rowNames[i];
    }

    /**
     * Objective value at x (including the constant).
     *
     * @param x a point, one value per variable; bounds and rows are not checked
     * @return {@code c·x + ½ xᵀQx + constant}
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double objective(double[] x) {
        checkLength(x, lower.length, "x");
        double v = constant;
        for (int j = 0; j < x.length; j++) {
            v += linear[j] * x[j];
        }
        for (int k = 0; k < qValue.length; k++) {
            int i = qRow[k];
            int j = qCol[k];
            v += i == j ? 0.5 * qValue[k] * x[i] * x[i] : qValue[k] * x[i] * x[j];
        }
        return v;
    }

    /**
     * The row activities a_i·x.
     *
     * @param x a point, one value per variable
     * @return one activity per row, a fresh array; compare with {@link #rhs(int)}
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double[] rowActivities(double[] x) {
        checkLength(x, lower.length, "x");
        double[] act = new double[senses.length];
        for (int i = 0; i < act.length; i++) {
            double s = 0.0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                s += coefficient[k] * x[column[k]];
            }
            act[i] = s;
        }
        return act;
    }

    /**
     * The objective gradient c + Qx.
     *
     * @param x a point, one value per variable
     * @return one entry per variable, a fresh array
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double[] gradient(double[] x) {
        checkLength(x, lower.length, "x");
        double[] g = linear.clone();
        for (int k = 0; k < qValue.length; k++) {
            int i = qRow[k];
            int j = qCol[k];
            g[i] += qValue[k] * x[j];
            if (i != j) {
                g[j] += qValue[k] * x[i];
            }
        }
        return g;
    }

    /**
     * Aᵀy: with the row duals, the row part of stationarity {@code c + Qx = Aᵀy + z}.
     *
     * @param y one value per row
     * @return one entry per variable, a fresh array
     * @throws IllegalArgumentException if {@code y} has the wrong length
     */
    public double[] transposeTimes(double[] y) {
        checkLength(y, senses.length, "y");
        double[] r = new double[lower.length];
        for (int i = 0; i < senses.length; i++) {
            double yi = y[i];
            if (yi != 0.0) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    r[column[k]] += coefficient[k] * yi;
                }
            }
        }
        return r;
    }

    private static void checkLength(double[] v, int n, String what) {
        if (v.length != n) {
            throw new IllegalArgumentException("Vector " + what + " has length " + v.length + ", expected " + n);
        }
    }

    @Override
    public String toString() {
        return "Problem[" + name + ", " + problemClass + ", " + numVariables() + " variables, " + numRows()
                + " rows, " + numNonZeros() + " non-zeros, " + qValue.length + " quadratic entries]";
    }

    /** {@return a readable dump for small problems (debugging, error messages): objective, rows and bounds, one per line} */
    public String describe() {
        StringBuilder sb = new StringBuilder(toString()).append('\n').append("minimise");
        for (int j = 0; j < linear.length; j++) {
            if (linear[j] != 0.0) {
                sb.append(' ').append(linear[j] >= 0 ? "+ " : "- ").append(Math.abs(linear[j])).append(' ').append(variableNames[j]);
            }
        }
        for (int k = 0; k < qValue.length; k++) {
            sb.append(" + ").append(qRow[k] == qCol[k] ? 0.5 * qValue[k] : qValue[k]).append(' ')
                    .append(variableNames[qRow[k]]).append('*').append(variableNames[qCol[k]]);
        }
        sb.append('\n');
        for (int i = 0; i < senses.length; i++) {
            sb.append("  ").append(rowNames[i]).append(':');
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                sb.append(' ').append(coefficient[k] >= 0 ? "+ " : "- ").append(Math.abs(coefficient[k])).append(' ').append(variableNames[column[k]]);
            }
            sb.append(' ').append(senses[i].symbol()).append(' ').append(rhs[i]).append('\n');
        }
        for (int j = 0; j < lower.length; j++) {
            sb.append("  ").append(lower[j]).append(" <= ").append(variableNames[j]).append(" <= ").append(upper[j]);
            if (types[j] != VariableType.CONTINUOUS) {
                sb.append(' ').append(types[j]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
