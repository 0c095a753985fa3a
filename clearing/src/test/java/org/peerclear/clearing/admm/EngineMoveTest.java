package org.peerclear.clearing.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.clearing.ProgressListener;
import org.peerclear.clearing.Tolerances;
import org.peerclear.clearing.network.FeederMarkets;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;

/**
 * The merged engine against the engines it replaces (the synchronous SyncEngine and the inline
 * asynchronous / network-aware code): same iteration counts, same iterates to
 * {@link Tolerances#ADMM_ENGINE_MOVE}. Kept only while both exist.
 */
class EngineMoveTest {

    static Stream<Arguments> runs() {
        AdmmOptions base = AdmmOptions.DEFAULT.withEps(1e-6).withMaxIterations(20_000);
        AdmmOptions rel = base.withStopping(AdmmOptions.Stopping.RELATIVE);
        return Stream.of(
                Arguments.of("synchronous, paper rule", base, false),
                Arguments.of("synchronous, over-relaxed, adaptive rho", rel.withAlpha(1.6).withAdaptiveRho(true), false),
                Arguments.of("asynchronous, paper rule", base.withAsync(0.7, 3L), false),
                Arguments.of("asynchronous, adaptive rho", rel.withAdaptiveRho(true).withAsync(0.6, 9L), false),
                Arguments.of("operator, synchronous", base, true),
                Arguments.of("operator, asynchronous, adaptive rho", rel.withAdaptiveRho(true).withAsync(0.8, 5L), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theMergedEngineGivesTheOldEnginesIterates(String name, AdmmOptions o, boolean network) {
        Market m = network ? FeederMarkets.highPv(400, List.of(), true) : BipartiteMarketGenerator.generate(300, 6, 11L, null, null);
        MarketIndex ix = MarketIndex.of(m);
        AdmmOptions run = o.withRho(AdmmOptions.rhoFromData(ix));
        NetworkModel nm = network ? NetworkModel.of(m, ix) : null;
        AdmmNetworkOperator opOld = network ? new AdmmNetworkOperator(nm, ix) : null;
        AdmmNetworkOperator opNew = network ? new AdmmNetworkOperator(nm, ix) : null;
        LegacyConsensusAdmm old = new LegacyConsensusAdmm(ix, run, opOld);
        ConsensusAdmm now = new ConsensusAdmm(ix, run, opNew);
        boolean okOld = old.run(ProgressListener.NONE, "admm");
        boolean okNew = now.run(ProgressListener.NONE, "admm");
        assertThat(okNew).isEqualTo(okOld).isTrue();
        assertThat(now.iterations()).isEqualTo(old.iterations());
        assertThat(now.messages()).isEqualTo(old.messages());
        assertThat(now.rho()).isEqualTo(old.rho());
        close("trades", now.trades(), old.trades());
        close("trade prices", now.tradePrices(), old.tradePrices());
        close("agent prices", now.agentPrices(), old.agentPrices());
        close("asset power", now.assetPower(), old.assetPower());
        // r and s are sums of squares of differences of trades (t + t', t^k − t^{k−1}) that nearly
        // cancel: their norms agree to the tolerance relative to the trades, not to themselves.
        double scale = Tolerances.ADMM_ENGINE_MOVE * largest(old.trades()) * Math.sqrt(ix.numArcs() + ix.numAgents());
        assertThat(Math.sqrt(now.primalResidual())).isCloseTo(Math.sqrt(old.primalResidual()), within(scale));
        assertThat(Math.sqrt(now.dualResidual())).isCloseTo(Math.sqrt(old.dualResidual()), within(scale));
        if (network) {
            close("network prices", opNew.agentPrices(), opOld.agentPrices());
            close("operator injections", opNew.injections(), opOld.injections());
        }
    }

    private static double largest(double[] a) {
        double scale = 0.0;
        for (double v : a) {
            if (Double.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        return scale;
    }

    private static void close(String what, double[] now, double[] old) {
        double tol = Tolerances.ADMM_ENGINE_MOVE * Math.max(largest(old), Double.MIN_NORMAL);
        for (int i = 0; i < old.length; i++) {
            if (Double.isNaN(old[i])) {
                assertThat(now[i]).as(what + " " + i).isNaN();
            } else {
                assertThat(now[i]).as(what + " " + i).isCloseTo(old[i], within(tol));
            }
        }
    }
}
