package org.peerclear.clearing.admm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.exact.BusRows;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.clearing.network.FeederMarkets;
import org.peerclear.clearing.network.LinDistFlowLimits;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.opt.Problem;
import org.peerclear.opt.Sense;

/**
 * The three users of the LinDistFlow limits on case33bw (the centralised problem, the exact
 * solver's rows and the ADMM operator's projection) hold the same rows: the same coefficients,
 * and the same bounds once the base state, which the exact solver keeps inside the row's value
 * and the other two move into the bounds, is accounted for. Built from one source they agree
 * bit for bit, so the comparisons are exact.
 */
class LinDistFlowRowsAgreeTest {
    private static final String RATED_FROM = "6";
    private static final String RATED_TO = "26";

    private final Market market = FeederMarkets.highPv(200, List.of(new NetworkSpec.BranchRating(RATED_FROM, RATED_TO, 300)), false);
    private final MarketIndex ix = MarketIndex.of(market);
    private final NetworkModel net = NetworkModel.of(market, ix);

    @Test
    void aVoltageRowPerNonSlackBusThenAFlowRowPerRatedBranch() {
        LinDistFlowLimits limits = LinDistFlowLimits.of(net);
        int nb = net.feeder().busCount();
        assertThat(limits.size()).isEqualTo(nb - 1 + 1);
        for (int r = 0; r < nb - 1; r++) {
            assertThat(limits.kind(r)).isEqualTo(LinDistFlowLimits.Kind.VOLTAGE);
            assertThat(limits.element(r)).isNotEqualTo(net.feeder().slackIndex());
            assertThat(limits.upper(r)).isEqualTo(net.spec().vMax() * net.spec().vMax());
            assertThat(limits.base(r)).isEqualTo(net.base().wPu()[limits.element(r)]);
        }
        int last = limits.size() - 1;
        assertThat(limits.kind(last)).isEqualTo(LinDistFlowLimits.Kind.FLOW);
        assertThat(limits.name(last)).isEqualTo("flow on branch " + RATED_FROM + "-" + RATED_TO);
        assertThat(limits.upper(last)).isEqualTo(300 * net.kwPerUnit());
        assertThat(limits.lower(last)).isEqualTo(-limits.upper(last));
    }

    @Test
    void theCentralisedProblemTheExactSolverAndTheAdmmOperatorHoldTheSameRows() {
        LinDistFlowConstraints centralised = new LinDistFlowConstraints(net);
        Problem problem = UnifiedFormulation.of(ix, List.of(centralised)).problem();
        BusRows exact = centralised.busRows();
        DualActiveSetProjection admm = new AdmmNetworkOperator(net, ix).projection();
        int[] buses = net.injectionBuses();
        int rows = exact.numRows();
        assertThat(rows).isEqualTo(net.feeder().busCount());
        assertThat(admm.constraints()).isEqualTo(2 * rows);

        double[] base = new double[rows];
        exact.values(new double[buses.length], base);
        double[] a = new double[buses.length];
        for (int r = 0; r < rows; r++) {
            exact.coefficients(r, a);
            String row = exact.rowName(r);
            int upper = centralised.limitRow(r, true);
            int lower = centralised.limitRow(r, false);
            assertThat(problem.sense(upper)).isEqualTo(Sense.LESS_EQUAL);
            assertThat(problem.sense(lower)).isEqualTo(Sense.GREATER_EQUAL);
            assertThat(coefficients(problem, upper, centralised, buses)).as(row).containsExactly(a);
            assertThat(coefficients(problem, lower, centralised, buses)).as(row).containsExactly(a);
            assertThat(admm.normal(2 * r + 1)).as(row).containsExactly(a);
            assertThat(admm.normal(2 * r)).as(row).containsExactly(negated(a));

            assertThat(problem.rhs(upper)).as(row).isEqualTo(exact.upper(r) - base[r]);
            assertThat(problem.rhs(lower)).as(row).isEqualTo(exact.lower(r) - base[r]);
            assertThat(admm.rhs(2 * r)).as(row).isEqualTo(-(exact.upper(r) - base[r]));
            assertThat(admm.rhs(2 * r + 1)).as(row).isEqualTo(exact.lower(r) - base[r]);
        }
    }

    @Test
    void marginsMoveTheVoltageBoundsInwardsForTheCentralisedProblemAndTheExactSolverAlike() {
        int nb = net.feeder().busCount();
        double[] wMaxMargin = new double[nb];
        double[] wMinMargin = new double[nb];
        int bus = net.feeder().busIndex("18");
        wMaxMargin[bus] = 0.01;
        wMinMargin[bus] = 0.02;
        LinDistFlowConstraints tightened = new LinDistFlowConstraints(net, wMaxMargin, wMinMargin, null);
        Problem problem = UnifiedFormulation.of(ix, List.of(tightened)).problem();
        BusRows exact = tightened.busRows();
        LinDistFlowLimits plain = LinDistFlowLimits.of(net);
        int r = 0;
        while (plain.kind(r) != LinDistFlowLimits.Kind.VOLTAGE || plain.element(r) != bus) {
            r++;
        }
        assertThat(exact.upper(r)).isEqualTo(plain.upper(r) - 0.01);
        assertThat(exact.lower(r)).isEqualTo(plain.lower(r) + 0.02);
        assertThat(problem.rhs(tightened.limitRow(r, true))).isEqualTo(exact.upper(r) - plain.base(r));
        assertThat(problem.rhs(tightened.limitRow(r, false))).isEqualTo(exact.lower(r) - plain.base(r));
        assertThat(exact.upper(r + 1)).isEqualTo(plain.upper(r + 1));
    }

    /** Row i's coefficients on the bus-injection variables, in the order of {@code buses}. */
    private static double[] coefficients(Problem problem, int i, LinDistFlowConstraints c, int[] buses) {
        double[] out = new double[buses.length];
        for (int k = problem.rowStart(i); k < problem.rowEnd(i); k++) {
            for (int q = 0; q < buses.length; q++) {
                if (problem.column(k) == c.busVariable(buses[q])) {
                    out[q] += problem.coefficient(k);
                }
            }
        }
        return out;
    }

    private static double[] negated(double[] a) {
        double[] out = new double[a.length];
        for (int q = 0; q < a.length; q++) {
            out[q] = -a[q];
        }
        return out;
    }
}
