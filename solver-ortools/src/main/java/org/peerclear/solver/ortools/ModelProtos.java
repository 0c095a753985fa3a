package org.peerclear.solver.ortools;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPVariableProto;
import org.peerclear.opt.Problem;
import org.peerclear.opt.VariableType;

/**
 * Translates a {@link Problem} into OR-Tools' {@link MPModelProto}, the one model form every
 * OR-Tools back-end here starts from. Unbounded sides stay IEEE infinities
 * ({@code MPSolver.infinity()} is {@code Double.POSITIVE_INFINITY}): PDLP reads a finite
 * ±1e30 as an ordinary number, which distorts its scaling and step sizes.
 */
final class ModelProtos {
    private ModelProtos() {
    }

    /** A ≤ +∞ or ≥ −∞ row: always satisfied, left out of the proto. */
    static boolean isVacuous(Problem p, int i) {
        double rhs = p.rhs(i);
        return (p.sense(i) == org.peerclear.opt.Sense.LESS_EQUAL && rhs == Double.POSITIVE_INFINITY)
                || (p.sense(i) == org.peerclear.opt.Sense.GREATER_EQUAL && rhs == Double.NEGATIVE_INFINITY);
    }

    /** Row duals of the Problem from the duals of the proto's constraints (0 for vacuous rows). */
    static double[] rowDuals(Problem p, java.util.function.IntToDoubleFunction protoDual) {
        double[] y = new double[p.numRows()];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = isVacuous(p, i) ? 0.0 : protoDual.applyAsDouble(k++);
        }
        return y;
    }

    /** The same feasible set with a zero objective: a feasibility problem. */
    static MPModelProto withoutObjective(MPModelProto m) {
        MPModelProto.Builder b = m.toBuilder().clearQuadraticObjective().setObjectiveOffset(0.0);
        for (int j = 0; j < b.getVariableCount(); j++) {
            b.getVariableBuilder(j).setObjectiveCoefficient(0.0);
        }
        return b.build();
    }

    static MPModelProto of(Problem p) {
        MPModelProto.Builder m = MPModelProto.newBuilder().setName(p.name()).setMaximize(false)
                .setObjectiveOffset(p.constant());
        int n = p.numVariables();
        for (int j = 0; j < n; j++) {
            m.addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(p.lower(j))
                    .setUpperBound(p.upper(j))
                    .setIsInteger(p.type(j) != VariableType.CONTINUOUS)
                    .setObjectiveCoefficient(p.linear(j)));
        }
        // A repeated column adds up in a Problem row; OR-Tools rejects or overwrites repeats.
        double[] acc = new double[n];
        boolean[] seen = new boolean[n];
        int[] touched = new int[n];
        for (int i = 0; i < p.numRows(); i++) {
            int count = 0;
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                int j = p.column(k);
                if (!seen[j]) {
                    seen[j] = true;
                    touched[count++] = j;
                }
                acc[j] += p.coefficient(k);
            }
            if (isVacuous(p, i)) {
                // MPSolver drops a row free on both sides when loading, which would shift the
                // index of every later row; such a row cannot bind, its dual is 0.
                for (int t = 0; t < count; t++) {
                    acc[touched[t]] = 0.0;
                    seen[touched[t]] = false;
                }
                continue;
            }
            MPConstraintProto.Builder c = MPConstraintProto.newBuilder();
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                if (acc[j] != 0.0) {
                    c.addVarIndex(j).addCoefficient(acc[j]);
                }
                acc[j] = 0.0;
                seen[j] = false;
            }
            double rhs = p.rhs(i);
            switch (p.sense(i)) {
                case EQUAL:
                    c.setLowerBound(rhs).setUpperBound(rhs);
                    break;
                case LESS_EQUAL:
                    c.setLowerBound(Double.NEGATIVE_INFINITY).setUpperBound(rhs);
                    break;
                default:
                    c.setLowerBound(rhs).setUpperBound(Double.POSITIVE_INFINITY);
            }
            m.addConstraint(c);
        }
        if (p.numQuadraticEntries() > 0) {
            MPQuadraticObjective.Builder q = MPQuadraticObjective.newBuilder();
            for (int k = 0; k < p.numQuadraticEntries(); k++) {
                int i = p.quadraticRow(k);
                int j = p.quadraticColumn(k);
                // The proto's term is coefficient·x_i·x_j; Problem's diagonal entry means ½·q·x_j².
                q.addQvar1Index(i).addQvar2Index(j).addCoefficient(i == j ? 0.5 * p.quadraticValue(k) : p.quadraticValue(k));
            }
            m.setQuadraticObjective(q);
        }
        return m.build();
    }
}
