package org.peerclear.solver.ipm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.ConformanceProblems;
import org.peerclear.opt.Problem;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverBackendConformanceTest;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.UnsupportedProblemException;

/** The shared back-end contract (analytic optima, duals with their signs, KKT certificate) at the exact tolerances. */
class IpmConformanceTest extends SolverBackendConformanceTest {
    private static final SolverBackend BACKEND = new IpmBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }

    @Override
    protected boolean accepts(Problem p) {
        return p.isQuadraticDiagonal();
    }

    @Test
    void refusesANonDiagonalQuadratic() {
        assertThatThrownBy(() -> BACKEND.solve(ConformanceProblems.qpOffDiagonal().problem, SolverParameters.DEFAULT))
                .isInstanceOf(UnsupportedProblemException.class).hasMessageContaining("diagonal").hasMessageContaining("ipm");
    }
}
