package org.peerclear.opt.ojalgo;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.peerclear.opt.Problem;
import org.peerclear.opt.VariableType;

/**
 * A {@link Problem} translated into an ojAlgo {@link ExpressionsBasedModel}, remembering which
 * expression is which row so that multipliers can be mapped back.
 *
 * <p>The whole objective (linear and quadratic) goes into one expression of weight 1 because
 * ojAlgo scales that expression ({@link Expression#getAdjustmentFactor()}) and the QP
 * multipliers come out scaled by the same factor; having a single objective expression makes
 * that factor well defined. Coefficients are accumulated before being set because
 * {@code Expression.set} overwrites: a repeated column in a row of the {@link Problem} (allowed
 * there) must add up, not replace.
 */
final class OjAlgoModel {
    private final ExpressionsBasedModel model;
    private final Expression objective;
    private final Map<Expression, Integer> rowOf = new IdentityHashMap<>();

    OjAlgoModel(Problem p, Optimisation.Options options) {
        model = new ExpressionsBasedModel(options);
        int n = p.numVariables();
        Variable[] vars = new Variable[n];
        for (int j = 0; j < n; j++) {
            Variable v = model.addVariable("x" + j);
            if (p.lower(j) != Double.NEGATIVE_INFINITY) {
                v.lower(p.lower(j));
            }
            if (p.upper(j) != Double.POSITIVE_INFINITY) {
                v.upper(p.upper(j));
            }
            if (p.type(j) != VariableType.CONTINUOUS) {
                v.integer(true);
            }
            vars[j] = v;
        }
        objective = model.addExpression("objective").weight(1);
        for (int j = 0; j < n; j++) {
            if (p.linear(j) != 0.0) {
                objective.set(vars[j], p.linear(j));
            }
        }
        Map<Long, Double> quadratic = new HashMap<>();
        for (int k = 0; k < p.numQuadraticEntries(); k++) {
            int i = p.quadraticRow(k);
            int j = p.quadraticColumn(k);
            // Problem stores ½q for a diagonal entry and q·x_i·x_j off the diagonal; ojAlgo's
            // factor (i, j, v) is the term v·x_i·x_j.
            double v = i == j ? 0.5 * p.quadraticValue(k) : p.quadraticValue(k);
            quadratic.merge(((long) i << 32) | j, v, Double::sum);
        }
        quadratic.forEach((key, v) -> objective.set(vars[(int) (key >>> 32)], vars[(int) (long) key], v));

        double[] accumulator = new double[n];
        int[] touched = new int[n];
        for (int i = 0; i < p.numRows(); i++) {
            int count = 0;
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.column(k);
                if (accumulator[j] == 0.0) {
                    touched[count++] = j;
                }
                accumulator[j] += p.coefficient(k);
                if (accumulator[j] == 0.0) {
                    accumulator[j] = Double.MIN_VALUE; // keep it marked as touched; removed below
                }
            }
            Expression e = model.addExpression("r" + i);
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                double a = accumulator[j] == Double.MIN_VALUE ? 0.0 : accumulator[j];
                if (a != 0.0) {
                    e.set(vars[j], a);
                }
                accumulator[j] = 0.0;
            }
            double rhs = p.rhs(i);
            switch (p.sense(i)) {
                case EQUAL:
                    e.level(rhs);
                    break;
                case LESS_EQUAL:
                    if (rhs != Double.POSITIVE_INFINITY) {
                        e.upper(rhs);
                    }
                    break;
                default:
                    if (rhs != Double.NEGATIVE_INFINITY) {
                        e.lower(rhs);
                    }
            }
            rowOf.put(e, i);
        }
    }

    ExpressionsBasedModel model() {
        return model;
    }

    /** The factor by which ojAlgo scaled the objective before solving. */
    double objectiveAdjustment() {
        return objective.getAdjustmentFactor();
    }

    /** The row index of a model entity, or -1 if it is not one of the rows (a variable, the objective). */
    int rowOf(Object entity) {
        Integer i = rowOf.get(entity);
        return i == null ? -1 : i;
    }
}
