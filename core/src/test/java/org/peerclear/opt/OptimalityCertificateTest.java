package org.peerclear.opt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimalityCertificateTest {
    /** lpTwoInequalities: x = (1.5, 2.5), y = (−0.5, −0.5), objective −6.5 (derived in ConformanceProblems). */
    private final ConformanceProblems.Case c = ConformanceProblems.lpTwoInequalities();

    @Test
    void aKnownOptimalPairHolds() {
        OptimalityCertificate k = OptimalityCertificate.of(c.problem, c.x, c.duals);
        assertThat(k.primalResidual()).isCloseTo(0.0, within(Tolerances.ARITHMETIC));
        assertThat(k.dualResidual()).isCloseTo(0.0, within(Tolerances.ARITHMETIC));
        assertThat(k.complementarity()).isCloseTo(0.0, within(Tolerances.ARITHMETIC));
        // Dual objective bᵀy = 4(−0.5) + 9(−0.5) = −6.5 = primal objective.
        assertThat(k.dualObjective()).isCloseTo(-6.5, within(Tolerances.ARITHMETIC));
        assertThat(k.holds(Tolerances.ARITHMETIC)).as(k.toString()).isTrue();
    }

    /**
     * y1 = −0.4 instead of −0.5: z = c − Aᵀy = (−1 + 0.9, −2 + 1.9) = (−0.1, −0.1), negative
     * on variables without an upper bound (dual residual 0.1); rows stay tight (complementarity
     * 0); dual objective 4(−0.4) + 9(−0.5) = −6.1, gap −6.5 + 6.1 = −0.4.
     */
    @Test
    void aPerturbedDualFailsWithTheRightResidual() {
        OptimalityCertificate k = OptimalityCertificate.of(c.problem, c.x, new double[] {-0.4, -0.5});
        assertThat(k.primalResidual()).isCloseTo(0.0, within(Tolerances.ARITHMETIC));
        assertThat(k.dualResidual()).isCloseTo(0.1, within(Tolerances.ARITHMETIC));
        assertThat(k.complementarity()).isCloseTo(0.0, within(Tolerances.ARITHMETIC));
        assertThat(k.dualityGap()).isCloseTo(-0.4, within(Tolerances.ARITHMETIC));
        assertThat(k.holds(1e-3)).isFalse();
    }

    /** A positive dual on a ≤ row is a sign violation of its size; at a slack point also a complementarity one. */
    @Test
    void aWrongSignedDualAndASlackRowAreMeasured() {
        // x = (1, 2): c1 slack 1, c2 slack 2; y = (0.25, 0): sign violation 0.25, |y·slack| = 0.25.
        OptimalityCertificate k = OptimalityCertificate.of(c.problem, new double[] {1, 2}, new double[] {0.25, 0});
        assertThat(k.dualResidual()).isGreaterThanOrEqualTo(0.25 - Tolerances.ARITHMETIC);
        assertThat(k.complementarity()).isCloseTo(0.25, within(Tolerances.ARITHMETIC));
        assertThat(k.holds(0.1)).isFalse();
    }

    @Test
    void wrongLengthsAreRejected() {
        assertThatThrownBy(() -> OptimalityCertificate.of(c.problem, new double[] {1}, c.duals))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 2 and 2");
    }
}
