package org.peerclear.opt;

import java.util.Arrays;

/**
 * Builds a {@link Problem} incrementally. Variables and rows get consecutive indices from 0
 * in the order they are added. Storage is primitive arrays that grow geometrically, so that
 * problems with millions of non-zeros are built without boxing.
 *
 * <p>Every input is checked when it is given: NaN anywhere, a lower bound above the upper
 * bound, an infinite objective coefficient, a negative diagonal of Q or an unknown variable
 * index are rejected with an {@link IllegalArgumentException} that names the variable or row.
 */
public final class ProblemBuilder {
    private final String name;
    private int n;
    private double[] lower = new double[16];
    private double[] upper = new double[16];
    private VariableType[] types = new VariableType[16];
    private String[] variableNames = new String[16];
    private double[] linear = new double[16];
    private double constant;

    private int nq;
    private int[] qRow = new int[16];
    private int[] qCol = new int[16];
    private double[] qValue = new double[16];

    private int m;
    private int[] rowStart = new int[17];
    private int nnz;
    private int[] column = new int[64];
    private double[] coefficient = new double[64];
    private Sense[] senses = new Sense[16];
    private double[] rhs = new double[16];
    private String[] rowNames = new String[16];

    /**
     * An empty problem: no variable, no row, objective 0.
     *
     * @param name the problem's name for logs and messages; null gives {@code problem}
     */
    public ProblemBuilder(String name) {
        this.name = name == null ? "problem" : name;
    }

    /** {@return the number of variables added so far; the next one gets this index} */
    public int numVariables() {
        return n;
    }

    /** {@return the number of rows added so far; the next one gets this index} */
    public int numRows() {
        return m;
    }

    /**
     * Adds a continuous variable; returns its index.
     *
     * @param varName the name in messages; null gives {@code x<index>}
     * @param lo      lower bound, or {@code -∞}
     * @param hi      upper bound, or {@code +∞}; {@code >= lo}
     * @return the variable's index
     * @throws IllegalArgumentException if a bound is NaN or the bounds leave no value
     */
    public int addVariable(String varName, double lo, double hi) {
        return addVariable(varName, lo, hi, VariableType.CONTINUOUS);
    }

    /**
     * Adds a variable; returns its index. BINARY bounds are intersected with [0, 1].
     *
     * @param varName the name in messages; null gives {@code x<index>}
     * @param lo      lower bound, or {@code -∞}
     * @param hi      upper bound, or {@code +∞}; {@code >= lo}
     * @param type    continuous, integer or binary; not null
     * @return the variable's index
     * @throws IllegalArgumentException if the type is null, a bound is NaN or the bounds leave no value
     */
    public int addVariable(String varName, double lo, double hi, VariableType type) {
        if (type == null) {
            throw new IllegalArgumentException("Variable " + varName + ": type is null");
        }
        if (type == VariableType.BINARY) {
            lo = Math.max(lo, 0.0);
            hi = Math.min(hi, 1.0);
        }
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            throw new IllegalArgumentException("Variable " + varName + ": bound is NaN");
        }
        if (lo > hi) {
            throw new IllegalArgumentException("Variable " + varName + ": lower bound " + lo + " > upper bound " + hi);
        }
        if (lo == Double.POSITIVE_INFINITY || hi == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("Variable " + varName + ": bounds [" + lo + ", " + hi + "] leave no value");
        }
        if (n == lower.length) {
            int cap = 2 * n;
            lower = Arrays.copyOf(lower, cap);
            upper = Arrays.copyOf(upper, cap);
            types = Arrays.copyOf(types, cap);
            variableNames = Arrays.copyOf(variableNames, cap);
            linear = Arrays.copyOf(linear, cap);
        }
        lower[n] = lo;
        upper[n] = hi;
        types[n] = type;
        variableNames[n] = varName == null ? "x" + n : varName;
        return n++;
    }

    /**
     * Adds {@code c} to the linear objective coefficient of variable j.
     *
     * @param j a variable already added
     * @param c finite
     * @return this builder
     * @throws IllegalArgumentException if {@code j} is unknown or {@code c} is not finite
     */
    public ProblemBuilder addLinear(int j, double c) {
        checkVariable(j);
        checkFinite(c, "objective coefficient of " + variableNames[j]);
        linear[j] += c;
        return this;
    }

    /**
     * Adds {@code c} to the objective's constant term (it shifts the objective, not the optimum).
     *
     * @param c finite
     * @return this builder
     * @throws IllegalArgumentException if {@code c} is not finite
     */
    public ProblemBuilder addConstant(double c) {
        checkFinite(c, "objective constant");
        constant += c;
        return this;
    }

    /**
     * Adds a quadratic objective term. For {@code i == j} the term is {@code ½·q·x_j²} (so q is
     * the diagonal entry of Q and must be ≥ 0); for {@code i != j} it is {@code q·x_i·x_j}.
     * Terms on the same pair add up; a zero {@code q} is not stored.
     *
     * @param i a variable already added
     * @param j a variable already added, in either order with {@code i}
     * @param q finite; {@code >= 0} when {@code i == j}
     * @return this builder
     * @throws IllegalArgumentException if an index is unknown, {@code q} is not finite or a diagonal {@code q} is negative
     */
    public ProblemBuilder addQuadratic(int i, int j, double q) {
        checkVariable(i);
        checkVariable(j);
        checkFinite(q, "quadratic coefficient of " + variableNames[i] + "*" + variableNames[j]);
        if (i == j && q < 0.0) {
            throw new IllegalArgumentException("Quadratic coefficient of " + variableNames[i] + "^2 is " + q
                    + " < 0: the objective would not be convex");
        }
        if (q == 0.0) {
            return this;
        }
        if (nq == qValue.length) {
            qRow = Arrays.copyOf(qRow, 2 * nq);
            qCol = Arrays.copyOf(qCol, 2 * nq);
            qValue = Arrays.copyOf(qValue, 2 * nq);
        }
        qRow[nq] = Math.min(i, j);
        qCol[nq] = Math.max(i, j);
        qValue[nq] = q;
        nq++;
        return this;
    }

    /**
     * Adds the row {@code Σ values[k]·x[columns[k]] (sense) rhs}; returns its index.
     *
     * @param rowName  the name in messages; null gives {@code r<index>}
     * @param columns  variable indices, each already added; copied
     * @param values   their coefficients, finite, one per column; copied
     * @param sense    ≤, ≥ or =; not null
     * @param rhsValue the right-hand side; may be infinite (a free side) except for =
     * @return the row's index
     * @throws IllegalArgumentException if a column is unknown, a value not finite, the sense null or the rhs NaN
     */
    public int addRow(String rowName, int[] columns, double[] values, Sense sense, double rhsValue) {
        return addRow(rowName, columns, values, columns.length, sense, rhsValue);
    }

    /**
     * As {@link #addRow(String, int[], double[], Sense, double)} with the first {@code count} entries,
     * so that callers can reuse one scratch array for many rows.
     *
     * @param rowName  the name in messages; null gives {@code r<index>}
     * @param columns  variable indices; the first {@code count} are used
     * @param values   their coefficients; the first {@code count} are used
     * @param count    the number of entries, {@code <= columns.length}
     * @param sense    ≤, ≥ or =; not null
     * @param rhsValue the right-hand side; may be infinite except for =
     * @return the row's index
     * @throws IllegalArgumentException if a column is unknown, a value not finite, the sense null or the rhs NaN
     */
    public int addRow(String rowName, int[] columns, double[] values, int count, Sense sense, double rhsValue) {
        String label = rowName == null ? "r" + m : rowName;
        if (sense == null) {
            throw new IllegalArgumentException("Row " + label + ": sense is null");
        }
        if (Double.isNaN(rhsValue)) {
            throw new IllegalArgumentException("Row " + label + ": right-hand side is NaN");
        }
        if (sense == Sense.EQUAL && Double.isInfinite(rhsValue)) {
            throw new IllegalArgumentException("Row " + label + ": equality with infinite right-hand side");
        }
        if (nnz + count > column.length) {
            int cap = Math.max(2 * column.length, nnz + count);
            column = Arrays.copyOf(column, cap);
            coefficient = Arrays.copyOf(coefficient, cap);
        }
        for (int k = 0; k < count; k++) {
            int j = columns[k];
            if (j < 0 || j >= n) {
                throw new IllegalArgumentException("Row " + label + ": unknown variable index " + j);
            }
            checkFinite(values[k], "coefficient of " + variableNames[j] + " in row " + label);
            column[nnz + k] = j;
            coefficient[nnz + k] = values[k];
        }
        if (m == senses.length) {
            int cap = 2 * m;
            senses = Arrays.copyOf(senses, cap);
            rhs = Arrays.copyOf(rhs, cap);
            rowNames = Arrays.copyOf(rowNames, cap);
            rowStart = Arrays.copyOf(rowStart, cap + 1);
        }
        nnz += count;
        senses[m] = sense;
        rhs[m] = rhsValue;
        rowNames[m] = label;
        rowStart[m + 1] = nnz;
        return m++;
    }

    /**
     * Builds the problem from what is added so far; the builder may go on and build again.
     *
     * @return an immutable problem, its arrays trimmed copies
     */
    public Problem build() {
        return new Problem(name, Arrays.copyOf(lower, n), Arrays.copyOf(upper, n), Arrays.copyOf(types, n),
                Arrays.copyOf(variableNames, n), Arrays.copyOf(linear, n), constant,
                Arrays.copyOf(qRow, nq), Arrays.copyOf(qCol, nq), Arrays.copyOf(qValue, nq),
                Arrays.copyOf(rowStart, m + 1), Arrays.copyOf(column, nnz), Arrays.copyOf(coefficient, nnz),
                Arrays.copyOf(senses, m), Arrays.copyOf(rhs, m), Arrays.copyOf(rowNames, m));
    }

    private void checkVariable(int j) {
        if (j < 0 || j >= n) {
            throw new IllegalArgumentException("Unknown variable index " + j + " (problem has " + n + " variables)");
        }
    }

    private static void checkFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("Invalid " + what + ": " + v);
        }
    }
}
