package org.peerclear.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import org.junit.jupiter.api.Test;
import org.peerclear.opt.ConformanceProblems;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.Sense;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.UnsupportedProblemException;

/** Regression tests named after the OR-Tools traps met while writing these back-ends. */
class OrToolsTrapsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * PDLP reads a finite ±1e30 as an ordinary number (it distorts its scaling): unbounded sides
     * must reach the proto as IEEE infinities, and a row free on both sides must be left out so
     * that row indices (and duals) stay aligned.
     */
    @Test
    void pdlpInfiniteBoundsAreNotNumbers() {
        ProblemBuilder b = new ProblemBuilder("infinities");
        int x = b.addVariable("x", -INF, INF);
        int y = b.addVariable("y", 0, INF);
        b.addRow("le", new int[] {x, y}, new double[] {1, 1}, Sense.LESS_EQUAL, 3);
        b.addRow("vacuous", new int[] {x}, new double[] {1}, Sense.LESS_EQUAL, INF);
        b.addRow("ge", new int[] {x, y}, new double[] {1, -1}, Sense.GREATER_EQUAL, -1);
        Problem p = b.build();
        MPModelProto m = ModelProtos.of(p);
        assertThat(m.getVariable(0).getLowerBound()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(m.getVariable(0).getUpperBound()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.getVariable(1).getUpperBound()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m.getConstraintCount()).as("the vacuous row is left out").isEqualTo(2);
        MPConstraintProto le = m.getConstraint(0);
        MPConstraintProto ge = m.getConstraint(1);
        assertThat(le.getLowerBound()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(le.getUpperBound()).isEqualTo(3.0);
        assertThat(ge.getLowerBound()).isEqualTo(-1.0);
        assertThat(ge.getUpperBound()).isEqualTo(Double.POSITIVE_INFINITY);
        double[] y0 = ModelProtos.rowDuals(p, k -> k + 1.0);
        assertThat(y0).as("proto duals map back past the vacuous row").containsExactly(1.0, 0.0, 2.0);
    }

    /** MPSolver's object model has no quadratic objective: GLOP would silently solve the LP left. */
    @Test
    void glopRefusesQuadratic() {
        SolverBackend glop = new GlopBackend();
        Problem qp = ConformanceProblems.qpEquality().problem;
        assertThatThrownBy(() -> glop.solve(qp, SolverParameters.DEFAULT))
                .isInstanceOf(UnsupportedProblemException.class).hasMessageContaining("ortools-glop").hasMessageContaining("QP");
    }

    /**
     * HiGHS through MPSolver was reported to return all-zero duals for LPs (not re-verified
     * here: no HiGHS back-end is built), and a back-end must return no duals rather than zeros.
     * So it is not registered, and the back-ends that declare duals are exactly the three whose
     * duals the conformance suite checks.
     */
    @Test
    void highsIsNotOfferedBecauseItReturnsZeroDuals() {
        SolverRegistry r = SolverRegistry.load();
        assertThat(r.names()).noneMatch(n -> n.contains("highs"));
        assertThat(r.backends().stream().filter(SolverBackend::providesDuals).map(SolverBackend::name))
                .containsExactlyInAnyOrder("ojalgo", "ortools-glop", "ortools-pdlp");
    }

    @Test
    void registryLoadsAllFiveBackEnds() {
        SolverRegistry r = SolverRegistry.load();
        assertThat(r.names()).containsExactly("ojalgo", "ortools-cbc", "ortools-glop", "ortools-pdlp", "ortools-scip");
        // The preferred back-ends when available (SolverRegistry.PREFERRED): PDLP for QPs, GLOP for
        // LPs, SCIP for MILPs (ojalgo declares no integer problems, see OjAlgoBackend).
        assertThat(r.defaultFor(org.peerclear.opt.ProblemClass.QP).name()).isEqualTo("ortools-pdlp");
        assertThat(r.defaultFor(org.peerclear.opt.ProblemClass.LP).name()).isEqualTo("ortools-glop");
        assertThat(r.defaultFor(org.peerclear.opt.ProblemClass.MILP).name()).isEqualTo(new ScipBackend().isAvailable() ? "ortools-scip" : "ortools-cbc");
        assumeTrue(new ScipBackend().isAvailable());
        // No back-end here solves MIQP: the error names the class and the registered back-ends.
        assertThatThrownBy(() -> r.defaultFor(org.peerclear.opt.ProblemClass.MIQP))
                .hasMessageContaining("MIQP").hasMessageContaining("ortools-scip");
    }
}
