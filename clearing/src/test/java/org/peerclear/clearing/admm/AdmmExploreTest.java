package org.peerclear.clearing.admm;

import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

class AdmmExploreTest {
    @Test
    void explore() {
        int[][] cases = {{200, -1}, {2000, 10}, {10000, 10}};
        for (int[] c : cases) {
            Market m = BipartiteMarketGenerator.generate(c[0], c[1], 7, null, null);
            long t0 = System.nanoTime();
            ClearingResult q = c[0] > 2000 ? null : new QpClearing().clear(m, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
            if (q != null) System.out.printf("n=%d K=%d status %s obj %.10f %.3fs %s%n", c[0], c[1], q.status(), q.objective(), (System.nanoTime() - t0) * 1e-9, q.verify());
            for (double rho : new double[] {0.003, 0.01, 0.03}) {
                for (AdmmOptions o : new AdmmOptions[] {AdmmOptions.DEFAULT.withRho(rho).withEps(1e-8),
                        AdmmOptions.DEFAULT.withRho(rho).withEps(1e-4).withStopping(AdmmOptions.Stopping.RELATIVE),
                        AdmmOptions.DEFAULT.withRho(rho).withEps(1e-4).withStopping(AdmmOptions.Stopping.RELATIVE).withAdaptiveRho(true),
                        AdmmOptions.DEFAULT.withRho(rho).withEps(1e-9).withStopping(AdmmOptions.Stopping.RELATIVE)}) {
                    t0 = System.nanoTime();
                    ClearingResult r = new AdmmClearing().clear(m, ClearingOptions.DEFAULT.withMethodOptions(o));
                    double dp = 0;
                    if (q != null && r.hasSolution() && q.hasSolution()) {
                        double[] a = r.agentPriceArray(), b = q.agentPriceArray();
                        for (int i = 0; i < a.length; i++) dp = Math.max(dp, Math.abs(a[i] - b[i]));
                    }
                    System.out.printf("  rho %.3f %s %.0e ad=%s %s it %d rel %.2e dp %.2e %.3fs %s%n", rho, o.stopping(), o.eps(), o.adaptiveRho(), r.status(), r.iterations(),
                            q == null ? 0 : Math.abs(r.objective() - q.objective()) / Math.abs(q.objective()), dp, (System.nanoTime() - t0) * 1e-9, r.hasSolution() ? r.verify().toString().substring(0, 90) : r.message());
                }
            }
        }
    }
}
