package org.peerclear.clearing.admm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.index.MarketIndex;

/**
 * The engine never reads a partner's trade from the partner: each end of a pair recomputes it
 * from the pair's targets and the partner's price (in asynchronous rounds, keeps the partner's
 * last trade when the partner sat out). That is only the published algorithm if both ends hold
 * exactly the same pair state, so this checks it bit for bit, through over-relaxation,
 * asynchronous rounds and changes of rho, and checks that the recomputed trades are the
 * partner's own.
 */
class AdmmEngineTest {

    @ParameterizedTest
    @CsvSource({"1.0, 1.0", "1.6, 1.0", "1.0, 0.6", "1.6, 0.6"})
    void bothEndsOfEveryPairHoldTheSameStateBitForBit(double alpha, double asyncFraction) {
        MarketIndex ix = MarketIndex.of(BipartiteMarketGenerator.generate(300, 6, 11L, null, null));
        int[] agentChunk = {0, 97, 211, ix.numAgents()};
        LocalStep local = new LocalStep(ix);
        AdmmOptions o = AdmmOptions.DEFAULT.withAsync(asyncFraction, 13L);
        AdmmEngine eng = new AdmmEngine(ix, local, agentChunk, o, null);
        int[] csr = new int[ix.numArcs()];
        for (int q = 0; q < ix.numArcs(); q++) {
            csr[ix.arcsOf()[q]] = q;
        }
        double rho = 0.02;
        int cur = 0;
        eng.localOnly(0, 3, rho, cur, 1);
        for (int it = 1; it <= 60; it++) {
            // Chunks swept out of order: the result must not depend on it.
            eng.sweep(2, 3, rho, alpha, true, cur ^ 1, it + 1);
            eng.sweep(0, 2, rho, alpha, true, cur ^ 1, it + 1);
            cur ^= 1;
            double primal = 0.0;
            for (int k = 0; k < 3; k++) {
                primal = k == 0 ? eng.rC[0] : primal + eng.rC[k];
            }
            double fromTrades = 0.0;
            double chunk = 0.0;
            int c = 0;
            for (int q = 0; q < ix.numArcs(); q++) {
                if (q == ix.arcStart()[agentChunk[c + 1]]) {
                    fromTrades += chunk;
                    chunk = 0.0;
                    c++;
                }
                int mq = csr[ix.arcsOf()[q] ^ 1];
                assertThat(Double.doubleToRawLongBits(eng.st[2 * q])).isEqualTo(Double.doubleToRawLongBits(eng.st[2 * mq + 1]));
                assertThat(Double.doubleToRawLongBits(eng.st[2 * q + 1])).isEqualTo(Double.doubleToRawLongBits(eng.st[2 * mq]));
                double e = eng.trade[q] + eng.trade[mq];
                chunk += e * e;
            }
            fromTrades += chunk;
            // r was summed from recomputed partner trades; the stored trades are each agent's own
            // (summed here in the engine's order: per chunk, chunks in order).
            assertThat(primal).isEqualTo(fromTrades);
            if (it % 20 == 0) {
                eng.rescale(2.0);
                rho *= 2.0;
                eng.localOnly(0, 3, rho, cur, it + 1);
            }
        }
    }
}
