package org.peerclear.opt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link SolverBackend} is held to, on the analytic problems of
 * {@link ConformanceProblems}: status, objective, x, duals (sign convention included) and the
 * KKT certificate, plus refusal of the problem classes it does not declare. A back-end module
 * subclasses this once per back-end.
 */
public abstract class SolverBackendConformanceTest {
    /** The back-end under test (a fresh or shared instance: back-ends are stateless). */
    protected abstract SolverBackend backend();

    /** The tolerances this back-end is held to. */
    protected Tolerances.Set tolerances() {
        return Tolerances.EXACT;
    }

    /** Parameters for every solve. */
    protected SolverParameters parameters() {
        return SolverParameters.DEFAULT;
    }

    /**
     * Whether the back-end is expected to accept this problem of a class it declares (e.g. PDLP
     * declares QP but only with a diagonal Q). Overriders must test the refusal separately.
     */
    protected boolean accepts(Problem p) {
        return true;
    }

    @BeforeEach
    void requireAvailable() {
        assumeTrue(backend().isAvailable(), () -> backend().name() + " is not available on this machine");
    }

    @TestFactory
    Stream<DynamicTest> solvesEveryDeclaredProblemToItsAnalyticAnswer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ConformanceProblems.Case c : ConformanceProblems.all()) {
            if (backend().supports(c.problem.problemClass()) && accepts(c.problem)) {
                tests.add(DynamicTest.dynamicTest(c.name, () -> check(c)));
            }
        }
        assertThat(tests).as("conformance problems for " + backend().problemClasses()).isNotEmpty();
        return tests.stream();
    }

    private void check(ConformanceProblems.Case c) {
        Tolerances.Set tol = tolerances();
        Solution s = backend().solve(c.problem, parameters());
        assertThat(s.status()).as(c.name + ": " + s).isEqualTo(c.status);
        assertThat(s.backend()).isEqualTo(backend().name());
        if (!c.status.hasSolution()) {
            return;
        }
        assertThat(Tolerances.relativeError(s.objective(), c.objective))
                .as(c.name + " objective " + s.objective() + " vs " + c.objective).isLessThanOrEqualTo(tol.objective);
        double[] x = s.x();
        for (int j = 0; j < x.length; j++) {
            assertThat(Math.abs(x[j] - c.x[j])).as(c.name + " x[" + j + "] = " + x[j] + " vs " + c.x[j])
                    .isLessThanOrEqualTo(tol.primal);
        }
        if (c.problem.problemClass().isMixedInteger()) {
            assertThat(s.hasDuals()).as(c.name + ": a MILP has no duals").isFalse();
            return;
        }
        assertThat(s.hasDuals()).as(c.name + " duals").isEqualTo(backend().providesDuals());
        if (!s.hasDuals()) {
            return;
        }
        double[] y = s.duals().orElseThrow();
        for (int i = 0; i < y.length; i++) {
            assertThat(Tolerances.relativeError(y[i], c.duals[i]))
                    .as(c.name + " dual of " + c.problem.rowName(i) + " = " + y[i] + " vs " + c.duals[i])
                    .isLessThanOrEqualTo(tol.dual);
        }
        OptimalityCertificate kkt = OptimalityCertificate.of(c.problem, s);
        assertThat(kkt.holds(tol.kkt)).as(c.name + " " + kkt).isTrue();
    }

    @Test
    void refusesEveryUndeclaredProblemClass() {
        List<Problem> examples = new ArrayList<>();
        ConformanceProblems.all().forEach(c -> examples.add(c.problem));
        examples.add(ConformanceProblems.miqp());
        EnumSet<ProblemClass> undeclared = EnumSet.complementOf(EnumSet.copyOf(backend().problemClasses()));
        assumeTrue(!undeclared.isEmpty(), "declares every class");
        for (ProblemClass cls : undeclared) {
            Problem p = examples.stream().filter(e -> e.problemClass() == cls).findFirst().orElseThrow();
            assertThatThrownBy(() -> backend().solve(p, parameters()))
                    .as(backend().name() + " on a " + cls)
                    .isInstanceOf(UnsupportedProblemException.class)
                    .hasMessageContaining(backend().name());
        }
    }

    @Test
    void isRegisteredThroughServiceLoader() {
        SolverRegistry registry = SolverRegistry.load();
        assertThat(registry.find(backend().name())).as(registry.names().toString()).isPresent();
        assertThat(registry.get(backend().name()).getClass()).isEqualTo(backend().getClass());
    }

    @Test
    void describesItself() {
        assertThat(backend().name()).matches("[a-z0-9-]+");
        assertThat(backend().problemClasses()).isNotEmpty();
        assertThat(backend().description()).isNotBlank();
    }
}
