package org.peerclear.clearing.auto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.clearing.network.FeederMarkets;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;

/** Method auto with ADMM options: ADMM as asked, then the exact finish from its point by solver flow. */
class AutoClearingTest {
    private final AutoClearing auto = new AutoClearing();

    @Test
    void admmOptionsRunAdmmThenFinishExactlyAtTheQpsOptimum() {
        Market m = BipartiteMarketGenerator.generate(300, 10, 3L, null, null);
        ClearingResult exact = new QpClearing().clear(m, ClearingOptions.DEFAULT);
        ClearingOptions o = ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT
                .withStopping(AdmmOptions.Stopping.RELATIVE).withEps(1e-3));
        ClearingResult r = auto.clear(m, o);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.method()).isEqualTo("auto");
        assertThat(r.solver()).isEqualTo(FlowSolver.NAME);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("finished exactly from ADMM's point"));
        assertThat(Math.abs(r.welfare() - exact.welfare())).isLessThan(1e-9 * Math.abs(exact.welfare()));
        ClearingResult admmAlone = new org.peerclear.clearing.admm.AdmmClearing().clear(m, o);
        assertThat(r.seconds()).as("seconds cover ADMM and the finish").isGreaterThan(0.5 * admmAlone.seconds());
    }

    @Test
    void anAdmmRunStoppedEarlyIsStillFinishedExactly() {
        Market m = BipartiteMarketGenerator.generate(200, 10, 5L, null, null);
        ClearingResult r = auto.clear(m, ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT.withMaxIterations(3)));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.notes()).anyMatch(n -> n.contains("finished exactly from ADMM's point (NOT_CONVERGED after 3 iterations"));
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
    }

    @Test
    void withAFeederTheFinishTakesTheRows() {
        Market m = FeederMarkets.highPv(400, List.of());
        ClearingResult exact = new QpClearing().clear(m, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
        ClearingResult r = auto.clear(m, ClearingOptions.DEFAULT.withMethodOptions(AdmmOptions.DEFAULT.withEps(1e-4)));
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        assertThat(r.solver()).as(r.notes().toString()).isEqualTo(FlowSolver.NAME);
        assertThat(Math.abs(r.welfare() - exact.welfare())).isLessThan(1e-7 * Math.abs(exact.welfare()));
    }
}
