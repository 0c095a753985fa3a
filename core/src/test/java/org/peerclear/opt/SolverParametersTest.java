package org.peerclear.opt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SolverParametersTest {
    private static void rejects(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void invalidValuesAreRejectedWithTheParameterAndTheValue() {
        SolverParameters d = SolverParameters.DEFAULT;
        rejects(() -> d.withTimeLimitSeconds(0), "Invalid value for parameter timeLimitSeconds: 0.0");
        rejects(() -> d.withTimeLimitSeconds(Double.NaN), "Invalid value for parameter timeLimitSeconds: NaN");
        rejects(() -> d.withFeasibilityTolerance(1.0),
                "invalid value '1' for option solver.feasibilityTolerance: must be a number in (0, 1)");
        rejects(() -> d.withOptimalityTolerance(-1e-9),
                "invalid value '-1.0E-9' for option solver.optimalityTolerance: must be a number in (0, 1)");
        rejects(() -> d.withRelativeMipGap(-0.5), "invalid value '-0.5' for option solver.relativeMipGap: must be a number in [0, 1)");
        rejects(() -> d.withThreads(0), "invalid value '0' for option solver.threads: must be an integer >= 1");
    }

    @Test
    void withMethodsCopyAndKeepTheRest() {
        SolverParameters p = SolverParameters.DEFAULT.withThreads(4).withRelativeMipGap(0.0).withTimeLimitSeconds(2.5);
        assertThat(p.threads()).isEqualTo(4);
        assertThat(p.relativeMipGap()).isEqualTo(0.0);
        assertThat(p.timeLimitSeconds()).isEqualTo(2.5);
        assertThat(p.feasibilityTolerance()).isEqualTo(1e-9);
        assertThat(SolverParameters.DEFAULT.threads()).as("DEFAULT unchanged").isEqualTo(1);
        assertThat(SolverParameters.DEFAULT.timeLimitSeconds()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p.toString()).contains("threads=4");
    }
}
