package org.peerclear.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.ConformanceProblems;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.opt.Tolerances;

/**
 * Every pair of available back-ends must agree on the objective and on every dual, to
 * {@link Tolerances#AGREEMENT} relative, on the shared conformance problems and on seeded
 * random market LPs and QPs. No answer is known here: the back-ends check each other.
 */
class CrossBackendAgreementTest {
    private static final SolverRegistry REGISTRY = SolverRegistry.load();

    private static List<SolverBackend> solversOf(Problem p) {
        return REGISTRY.backends().stream()
                .filter(b -> b.isAvailable() && b.supports(p.problemClass()))
                .filter(b -> !(b instanceof PdlpBackend) || p.isQuadraticDiagonal())
                .collect(Collectors.toList());
    }

    /** Solves with every back-end and asserts that every pair agrees. */
    private static void agreement(Problem p) {
        agreement(p, true);
    }

    /**
     * @param dualsUnique whether the duals are known to be unique; otherwise they are only
     *        required to be valid (KKT), their spread is not asserted
     */
    private static void agreement(Problem p, boolean dualsUnique) {
        List<Solution> solutions = new ArrayList<>();
        List<SolverBackend> backends = solversOf(p);
        assertThat(backends).as("back-ends for " + p.name()).hasSizeGreaterThanOrEqualTo(2);
        for (SolverBackend b : backends) {
            Solution s = b.solve(p, SolverParameters.DEFAULT);
            assertThat(s.status()).as(b.name() + " on " + p.name() + ": " + s).isEqualTo(Status.OPTIMAL);
            if (s.hasDuals()) {
                OptimalityCertificate kkt = OptimalityCertificate.of(p, s);
                assertThat(kkt.holds(Tolerances.FIRST_ORDER.kkt)).as(b.name() + " on " + p.name() + ": " + kkt).isTrue();
            }
            solutions.add(s);
        }
        for (int a = 0; a < solutions.size(); a++) {
            for (int c = a + 1; c < solutions.size(); c++) {
                Solution s = solutions.get(a);
                Solution t = solutions.get(c);
                double dObj = Tolerances.relativeError(s.objective(), t.objective());
                assertThat(dObj).as("objective " + s.backend() + " vs " + t.backend() + " on " + p.name())
                        .isLessThanOrEqualTo(Tolerances.AGREEMENT);
                if (dualsUnique && s.hasDuals() && t.hasDuals()) {
                    for (int i = 0; i < p.numRows(); i++) {
                        double dY = Tolerances.relativeError(s.dual(i), t.dual(i));
                        assertThat(dY).as("dual of " + p.rowName(i) + ": " + s.backend() + " " + s.dual(i) + " vs "
                                + t.backend() + " " + t.dual(i) + " on " + p.name()).isLessThanOrEqualTo(Tolerances.AGREEMENT);
                    }
                }
            }
        }
    }

    @Test
    void backendsAgreeOnTheConformanceProblems() {
        int compared = 0;
        for (ConformanceProblems.Case c : ConformanceProblems.all()) {
            if (c.status == Status.OPTIMAL && solversOf(c.problem).size() >= 2) {
                agreement(c.problem);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(10);
    }

    @Test
    void backendsAgreeOnRandomMarketLps() {
        for (long seed = 1; seed <= 4; seed++) {
            Problem p = RandomMarkets.lp(seed, 15, 15, 4);
            assertThat(p.problemClass()).isEqualTo(ProblemClass.LP);
            assertThat(p.numVariables()).isBetween(50, 200);
            // Random transport LPs have degenerate vertices (a producer that sells nothing sits at
            // a bound with all its trades): duals are not unique there.
            agreement(p, false);
        }
    }

    @Test
    void backendsAgreeOnRandomMarketQps() {
        for (long seed = 1; seed <= 4; seed++) {
            Problem p = RandomMarkets.qp(seed, 24, 3);
            assertThat(p.problemClass()).isEqualTo(ProblemClass.QP);
            assertThat(p.numVariables()).isBetween(50, 200);
            // An agent at its capacity with a trade at its limit can still make the vertex
            // degenerate; uniqueness is not guaranteed, validity is.
            agreement(p, false);
        }
    }
}
