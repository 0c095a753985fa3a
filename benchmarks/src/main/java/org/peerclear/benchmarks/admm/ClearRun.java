package org.peerclear.benchmarks.admm;

import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmClearing;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.centralised.LpClearing;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.model.Market;
import org.peerclear.opt.SolverParameters;
import org.peerclear.result.ClearingResult;

/**
 * One clearing method on one generated market, for the end-to-end benchmarks: {@code admm},
 * {@code pdlp} (the QP family), {@code admm-lp}, {@code glop} (its LP variant, every a = 0).
 */
final class ClearRun {
    private final String method;
    private final int peers;
    private final Market market;
    private final ClearingOptions options;
    private ClearingResult last;

    ClearRun(String method, int peers) {
        this.method = method;
        this.peers = peers;
        this.options = options(method);
        boolean lp = method.equals("glop") || method.equals("admm-lp");
        this.market = lp ? BenchMarkets.linear(peers) : BenchMarkets.quadratic(peers);
    }

    /** ADMM at the relative rule 1e-4 against solvers at matched tolerances 1e-4. */
    private static ClearingOptions options(String method) {
        AdmmOptions admm = AdmmOptions.DEFAULT.withRho(BenchMarkets.RHO).withEps(BenchMarkets.EPS)
                .withStopping(AdmmOptions.Stopping.RELATIVE);
        SolverParameters matched = SolverParameters.DEFAULT.withFeasibilityTolerance(BenchMarkets.EPS)
                .withOptimalityTolerance(BenchMarkets.EPS);
        return switch (method) {
            case "admm", "admm-lp" -> ClearingOptions.DEFAULT.withMethodOptions(admm);
            case "pdlp" -> ClearingOptions.DEFAULT.withSolver("ortools-pdlp").withSolverParameters(matched);
            case "glop" -> ClearingOptions.DEFAULT.withSolver("ortools-glop");
            default -> throw new IllegalArgumentException("Invalid value for parameter method: " + method);
        };
    }

    /** One full clear, from the market to the result. */
    ClearingResult clear() {
        last = switch (method) {
            case "admm", "admm-lp" -> new AdmmClearing().clear(market, options);
            case "pdlp" -> new QpClearing().clear(market, options);
            case "glop" -> new LpClearing().clear(market, options);
            default -> throw new IllegalArgumentException("Invalid value for parameter method: " + method);
        };
        return last;
    }

    /** The last clear's status, iterations, welfare and time, to stderr (JMH owns stdout). */
    void report() {
        System.err.printf("%n[%s %d peers] %s, %d iterations, welfare %.6f, %.3f s%n", method, peers, last.status(),
                last.iterations(), last.welfare(), last.seconds());
    }
}
