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
        rejects(() -> d.withFeasibilityTolerance(1.0), "Invalid value for parameter feasibilityTolerance: 1.0");
        rejects(() -> d.withOptimalityTolerance(-1e-9), "Invalid value for parameter optimalityTolerance: -1.0E-9");
        rejects(() -> d.withRelativeMipGap(-0.5), "Invalid value for parameter relativeMipGap: -0.5");
        rejects(() -> d.withThreads(0), "Invalid value for parameter threads: 0");
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
