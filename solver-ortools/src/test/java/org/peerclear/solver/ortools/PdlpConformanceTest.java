package org.peerclear.solver.ortools;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.ConformanceProblems;
import org.peerclear.opt.Problem;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverBackendConformanceTest;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.Tolerances;
import org.peerclear.opt.UnsupportedProblemException;

class PdlpConformanceTest extends SolverBackendConformanceTest {
    private static final SolverBackend BACKEND = new PdlpBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }

    @Override
    protected Tolerances.Set tolerances() {
        return Tolerances.FIRST_ORDER;
    }

    @Override
    protected boolean accepts(Problem p) {
        return p.isQuadraticDiagonal();
    }

    @Test
    void pdlpRefusesNonDiagonalQuadratic() {
        assumeTrue(BACKEND.isAvailable());
        assertThatThrownBy(() -> BACKEND.solve(ConformanceProblems.qpOffDiagonal().problem, SolverParameters.DEFAULT))
                .isInstanceOf(UnsupportedProblemException.class).hasMessageContaining("diagonal");
    }
}
