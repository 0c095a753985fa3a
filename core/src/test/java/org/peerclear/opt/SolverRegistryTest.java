package org.peerclear.opt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SolverRegistryTest {
    /** A back-end that solves nothing; only its name, classes and availability matter here. */
    private static SolverBackend fake(String name, boolean available, ProblemClass... classes) {
        Set<ProblemClass> set = EnumSet.noneOf(ProblemClass.class);
        set.addAll(List.of(classes));
        return new SolverBackend() {
            public String name() {
                return name;
            }

            public Set<ProblemClass> problemClasses() {
                return set;
            }

            public boolean providesDuals() {
                return false;
            }

            public boolean isAvailable() {
                return available;
            }

            public Solution solve(Problem problem, SolverParameters parameters) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void loadFindsOjAlgoInCore() {
        SolverRegistry r = SolverRegistry.load();
        assertThat(r.names()).contains("ojalgo");
        assertThat(r.defaultFor(ProblemClass.LP).name()).isEqualTo("ojalgo");
        assertThat(r.defaultFor(ProblemClass.QP).name()).isEqualTo("ojalgo");
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        SolverRegistry r = SolverRegistry.of(List.of(fake("b", true, ProblemClass.LP), fake("a", true, ProblemClass.LP)));
        assertThat(r.names()).containsExactly("a", "b");
        assertThatThrownBy(() -> r.get("gurobi")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown solver back-end 'gurobi'; available: a, b");
    }

    @Test
    void defaultForPrefersOjAlgoThenTheFirstAvailableByName() {
        SolverRegistry r = SolverRegistry.of(List.of(fake("ojalgo", true, ProblemClass.LP),
                fake("zeta", true, ProblemClass.LP, ProblemClass.MIQP), fake("beta", false, ProblemClass.MIQP),
                fake("gamma", true, ProblemClass.MIQP)));
        assertThat(r.defaultFor(ProblemClass.LP).name()).isEqualTo("ojalgo");
        assertThat(r.defaultFor(ProblemClass.MIQP).name()).as("beta is unavailable").isEqualTo("gamma");
        assertThatThrownBy(() -> r.defaultFor(ProblemClass.QP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QP").hasMessageContaining("ojalgo");
    }

    @Test
    void twoBackEndsWithOneNameAreRejected() {
        assertThatThrownBy(() -> SolverRegistry.of(List.of(fake("x", true), fake("x", true))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'x'");
    }

    @Test
    void defaultsForListsThePreferredInOrderThenTheOthersByNameLeavingOutTheUnavailable() {
        SolverRegistry r = SolverRegistry.of(List.of(fake("ojalgo", true, ProblemClass.QP),
                fake("ortools-pdlp", true, ProblemClass.QP), fake("ipm", true, ProblemClass.QP),
                fake("alpha", true, ProblemClass.QP), fake("omega", false, ProblemClass.QP)));
        assertThat(r.defaultsFor(ProblemClass.QP)).extracting(SolverBackend::name)
                .containsExactly("ipm", "ortools-pdlp", "ojalgo", "alpha");
        assertThat(r.defaultFor(ProblemClass.QP).name()).isEqualTo("ipm");
        assertThat(r.defaultsFor(ProblemClass.MIQP)).isEmpty();
    }
}
