package org.peerclear.opt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemBuilderTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void invalidVariablesAreRejectedByName() {
        ProblemBuilder b = new ProblemBuilder("p");
        assertThatThrownBy(() -> b.addVariable("v", Double.NaN, 1)).hasMessageContaining("v").hasMessageContaining("NaN");
        assertThatThrownBy(() -> b.addVariable("w", 2, 1)).hasMessageContaining("w").hasMessageContaining("2.0 > upper bound 1.0");
        assertThatThrownBy(() -> b.addVariable("u", INF, INF)).hasMessageContaining("u").hasMessageContaining("no value");
        assertThatThrownBy(() -> b.addVariable("t", 0, 1, null)).hasMessageContaining("t").hasMessageContaining("type");
        assertThat(b.numVariables()).isZero();
    }

    @Test
    void invalidObjectiveTermsAreRejected() {
        ProblemBuilder b = new ProblemBuilder("p");
        int x = b.addVariable("x", 0, 1);
        assertThatThrownBy(() -> b.addLinear(x, INF)).hasMessageContaining("objective coefficient of x");
        assertThatThrownBy(() -> b.addConstant(Double.NaN)).hasMessageContaining("constant");
        assertThatThrownBy(() -> b.addQuadratic(x, x, -1)).hasMessageContaining("x^2").hasMessageContaining("convex");
        assertThatThrownBy(() -> b.addLinear(3, 1)).hasMessageContaining("Unknown variable index 3");
    }

    @Test
    void invalidRowsAreRejectedByName() {
        ProblemBuilder b = new ProblemBuilder("p");
        int x = b.addVariable("x", 0, 1);
        assertThatThrownBy(() -> b.addRow("r", new int[] {x, 5}, new double[] {1, 1}, Sense.LESS_EQUAL, 1))
                .hasMessageContaining("Row r").hasMessageContaining("unknown variable index 5");
        assertThatThrownBy(() -> b.addRow("s", new int[] {x}, new double[] {Double.NaN}, Sense.LESS_EQUAL, 1))
                .hasMessageContaining("coefficient of x in row s");
        assertThatThrownBy(() -> b.addRow("e", new int[] {x}, new double[] {1}, Sense.EQUAL, INF))
                .hasMessageContaining("Row e").hasMessageContaining("infinite");
        assertThatThrownBy(() -> b.addRow("n", new int[] {x}, new double[] {1}, null, 1)).hasMessageContaining("sense");
        assertThatThrownBy(() -> b.addRow("q", new int[] {x}, new double[] {1}, Sense.GREATER_EQUAL, Double.NaN))
                .hasMessageContaining("Row q").hasMessageContaining("NaN");
        assertThat(b.numRows()).as("rejected rows are not added").isZero();
    }

    @Test
    void buildKeepsRepeatedColumnsAndClassifies() {
        ProblemBuilder b = new ProblemBuilder("p");
        int x = b.addVariable("x", 0, 1);
        int y = b.addVariable("y", 0, 1, VariableType.BINARY);
        b.addRow("r", new int[] {x, y, x}, new double[] {1, 2, 3}, Sense.LESS_EQUAL, 4);
        Problem p = b.build();
        assertThat(p.numNonZeros()).isEqualTo(3);
        // The repeated column adds up: 1·x + 3·x.
        assertThat(p.rowActivities(new double[] {1, 0})[0]).isEqualTo(4.0);
        assertThat(p.problemClass()).isEqualTo(ProblemClass.MILP);
        b.addQuadratic(x, x, 2);
        assertThat(b.build().problemClass()).isEqualTo(ProblemClass.MIQP);
    }

    @Test
    void binaryBoundsAreIntersectedWithZeroOne() {
        ProblemBuilder b = new ProblemBuilder("p");
        b.addVariable("b", -5, 5, VariableType.BINARY);
        Problem p = b.build();
        assertThat(p.lower(0)).isEqualTo(0.0);
        assertThat(p.upper(0)).isEqualTo(1.0);
    }
}
