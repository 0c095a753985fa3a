package org.peerclear.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.Status;

/** What the engines' comparison ignores (seconds) and what it does not (every other column, bit for bit). */
class ScenarioRowTest {
    private static ScenarioRow row(double welfare, double seconds) {
        return new ScenarioRow("s", Status.OPTIMAL, welfare, 0.2, 3.0, Double.NaN, Double.NaN, Double.NaN, 1, null, seconds);
    }

    @Test
    void onlyTheSecondsAreIgnored() {
        assertThat(row(1.0, 0.5).equalsIgnoringTime(row(1.0, 7.0))).isTrue();
        assertThat(row(1.0, 0.5).equalsIgnoringTime(row(Math.nextUp(1.0), 0.5))).as("one ulp apart").isFalse();
        assertThat(row(1.0, 0.5).equalsIgnoringTime(null)).isFalse();
        assertThat(ScenarioRow.error("s", "x", 1).equalsIgnoringTime(ScenarioRow.error("s", "x", 2))).as("NaN equals NaN").isTrue();
        assertThat(ScenarioRow.error("s", "x", 1).equalsIgnoringTime(ScenarioRow.error("s", "y", 1))).isFalse();
        assertThat(row(1.0, 0.5).error()).isEmpty();
    }
}
