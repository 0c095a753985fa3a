package org.peerclear.clearing.horizon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.solver.ortools.PdlpBackend;

/**
 * The default back-end declining a horizon (as ipm does when its factor exceeds its budget):
 * without a named solver the next preferred back-end solves it and the message says why; a
 * named back-end is not replaced.
 */
class HorizonFallbackTest {
    private static final String REFUSAL = "interior point declined: factor of 123456789 non-zeros exceeds the budget of 50000000";

    /** Stands for ipm over its factor budget: declines every problem with its ERROR and message. */
    private static final SolverBackend DECLINING_IPM = new SolverBackend() {
        public String name() {
            return "ipm";
        }

        public Set<ProblemClass> problemClasses() {
            return EnumSet.of(ProblemClass.LP, ProblemClass.QP);
        }

        public boolean providesDuals() {
            return true;
        }

        public Solution solve(Problem problem, SolverParameters parameters) {
            return Solution.withoutPoint(Status.ERROR, REFUSAL, "ipm", 0, 0.0);
        }
    };

    private static final SolverRegistry REGISTRY = SolverRegistry.of(List.of(DECLINING_IPM, new PdlpBackend()));

    private static Horizon day() {
        return Horizons.of(HouseholdDayGenerator.generate(8, 24, 2, 1, 3, 5L));
    }

    @Test
    void theDefaultPathFallsBackToTheNextPreferredBackEndAndSaysWhy() {
        HorizonResult r = new HorizonClearing().clear(day(), ClearingOptions.DEFAULT.withRegistry(REGISTRY));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.solver()).isEqualTo("ortools-pdlp");
        assertThat(r.message()).contains("ipm ended ERROR (" + REFUSAL + ")")
                .contains("so it went to the next preferred back-end, ortools-pdlp");
    }

    @Test
    void aNamedBackEndIsNotReplaced() {
        HorizonResult r = new HorizonClearing().clear(day(), ClearingOptions.DEFAULT.withRegistry(REGISTRY).withSolver("ipm"));
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.solver()).isEqualTo("ipm");
        assertThat(r.message()).isEqualTo(REFUSAL);
    }
}
