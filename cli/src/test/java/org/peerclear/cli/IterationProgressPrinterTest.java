package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerclear.clearing.Progress;

class IterationProgressPrinterTest {

    @Test
    void printsTheEstimateOfWhatIsLeftOrSaysItIsUnknown() {
        // 200 iterations in 2 s: 10 ms each, so 150 iterations left are 1.5 s.
        Progress estimated = new Progress("admm", 200, 1.5e-3, 2e-4, 0.05, 2.0, 150.0);
        assertThat(IterationProgressPrinter.line(estimated))
                .isEqualTo("admm iteration 200: r = 1.500e-03, s = 2.000e-04, rho = 0.05000, 2.00 s, about 150 iterations (1.5 s) left");
        Progress unknown = new Progress("admm", 100, 1.5e-3, 2e-4, 0.05, 1.0);
        assertThat(IterationProgressPrinter.line(unknown)).endsWith("1.00 s, remaining unknown");
    }
}
