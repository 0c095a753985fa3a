package org.peerclear.opt.ojalgo;

import java.util.Arrays;
import java.util.List;

import org.ojalgo.optimisation.ModelEntity;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.type.keyvalue.EntryPair;

/**
 * Reads the row multipliers ojAlgo attaches to a result and brings them to the convention of
 * {@link org.peerclear.opt.Problem} ({@code y = ∂(obj*)/∂rhs}). What was verified on ojAlgo 57.1.0:
 *
 * <ul>
 *   <li>ojAlgo reports {@code −y} for a minimisation: the multiplier of an active ≤ row of a
 *       minimisation is positive.</li>
 *   <li>On the convex (QP) active-set path the multipliers are additionally multiplied by the
 *       objective's adjustment factor (e.g. 0.01 for an objective with coefficients near 100);
 *       the simplex (LP) path returns them unscaled even when the factor is not 1.</li>
 *   <li>Rows with a single variable are turned into bounds by the presolver: their multiplier,
 *       if any, is keyed by the variable and is not a row multiplier at all. Those rows get
 *       NaN here, to be recovered from stationarity.</li>
 *   <li>Other convex paths (large models) return multipliers without any matching to model
 *       entities; then every row is NaN.</li>
 * </ul>
 */
final class OjAlgoMultipliers {
    private OjAlgoMultipliers() {
    }

    /**
     * Row duals in the project convention, NaN for each row ojAlgo said nothing about.
     *
     * @param quadratic whether the model was solved on the convex path (multipliers scaled)
     */
    static double[] rowDuals(OjAlgoModel model, Optimisation.Result result, int numRows, boolean quadratic) {
        double[] y = new double[numRows];
        Arrays.fill(y, Double.NaN);
        double scale = quadratic ? model.objectiveAdjustment() : 1.0;
        if (!(scale > 0.0) || !Double.isFinite(scale)) {
            return y;
        }
        List<EntryPair.KeyedPrimitive<EntryPair<ModelEntity<?>, Optimisation.ConstraintType>>> matched =
                result.getMatchedMultipliers();
        for (EntryPair.KeyedPrimitive<EntryPair<ModelEntity<?>, Optimisation.ConstraintType>> m : matched) {
            int row = model.rowOf(m.getKey().getKey());
            if (row >= 0) {
                double v = -m.doubleValue() / scale;
                // A row can be matched twice (LOWER and UPPER of a range); only one is active.
                y[row] = Double.isNaN(y[row]) || v != 0.0 ? v : y[row];
            }
        }
        return y;
    }
}
