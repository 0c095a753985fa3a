package org.peerclear.clearing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.clearing.losses.LossAllocation;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.result.ClearingResult;

/** Loss allocation and loss-aware clearing on case33bw. */
class LossesTest {
    private final QpClearing qp = new QpClearing();

    @Test
    void everyMethodAllocatesExactlyAllTheAcLosses() {
        Market m = FeederMarkets.peerToPeer();
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(r.verify().passes()).as(r.verify().toString()).isTrue();
        NetworkModel model = NetworkModel.of(m, MarketIndex.of(m));
        double losses = r.network().orElseThrow().lossesKw();
        assertThat(losses).isGreaterThan(100);
        for (LossAllocator a : LossAllocator.registered().all()) {
            LossAllocation alloc = a.allocate(r, model);
            assertThat(alloc.totalKw()).isEqualTo(losses);
            assertThat(alloc.allocatedKw()).as(a.name()).isCloseTo(losses, within(1e-9 * losses));
            if (a.name().equals("path")) {
                double trades = alloc.byTrade().values().stream().mapToDouble(Double::doubleValue).sum();
                assertThat(trades).isPositive();
            }
        }
    }

    @Test
    void marginalLossFactorsCreditInjectionsThatRelieveLosses() {
        Market m = FeederMarkets.peerToPeer();
        ClearingResult r = qp.clear(m, ClearingOptions.DEFAULT);
        LossAllocation mlf = LossAllocator.registered().get("marginal").allocate(r, NetworkModel.of(m, MarketIndex.of(m)));
        // A seller at the far end of a loaded feeder reduces losses: it is credited; far loads pay most.
        assertThat(mlf.share("s18")).isNegative();
        assertThat(mlf.share("load@18")).isGreaterThan(mlf.share("load@2"));
    }

    @Test
    void lossAwareClearingConvergesAndLowersLosses() {
        Market m = FeederMarkets.peerToPeer();
        ClearingResult plain = qp.clear(m, ClearingOptions.DEFAULT);
        ClearingResult aware = qp.clear(m, ClearingOptions.DEFAULT.withMethodOptions(NetworkOptions.DEFAULT.withLossAware(true)));
        assertThat(aware.verify().passes()).as(aware.verify().toString()).isTrue();
        assertThat(aware.notes()).anySatisfy(n -> assertThat(n).contains("loss-factor updates").doesNotContain("limit reached"));
        double plainLoss = plain.network().orElseThrow().lossesKw();
        double awareLoss = aware.network().orElseThrow().lossesKw();
        assertThat(awareLoss).isLessThan(plainLoss);
        // What matters is the whole cost: asset costs plus losses bought at the import price.
        double plainTotal = plain.objective() + 0.30 * plainLoss;
        double awareTotal = aware.objective() + 0.30 * awareLoss;
        assertThat(awareTotal).isLessThan(plainTotal);
    }

    @Test
    void tighteningBringsTheAcVoltagesWithinLimits() {
        Market m = FeederMarkets.underVoltage();
        ClearingResult loose = qp.clear(m, ClearingOptions.DEFAULT);
        assertThat(loose.network().orElseThrow().worstViolationPu()).as("LinDistFlow alone leaves an AC violation").isPositive();
        ClearingResult tight = qp.clear(m, ClearingOptions.DEFAULT.withMethodOptions(NetworkOptions.DEFAULT.withTightenToAc(true)));
        assertThat(tight.network().orElseThrow().acWithinLimits()).as(tight.notes().toString()).isTrue();
        assertThat(tight.verify().passes()).isTrue();
        // The fix costs more local generation than LinDistFlow alone asked for.
        assertThat(tight.agent("g18").p() + tight.agent("g33").p()).isGreaterThan(loose.agent("g18").p() + loose.agent("g33").p());
    }
}
