package org.peerclear.clearing.centralised;

import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.result.ClearingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears a market by solving the {@link UnifiedFormulation} with a solver back-end: an LP when
 * every asset cost is linear, a QP otherwise. Prices are the duals of the back-end.
 */
public class CentralisedClearing implements ClearingMethod {
    private static final Logger LOG = LoggerFactory.getLogger(CentralisedClearing.class);

    private final String name;
    private final boolean linearOnly;

    protected CentralisedClearing(String name, boolean linearOnly) {
        this.name = name;
        this.linearOnly = linearOnly;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return linearOnly ? "centralised LP of the unified market (every asset has a = 0)"
                : "centralised QP of the unified market (LP when every asset has a = 0)";
    }

    @Override
    public ClearingResult clear(Market market, ClearingOptions options) {
        if (market.network().isPresent()) {
            throw new IllegalArgumentException("Market '" + market.name() + "' has a network ('"
                    + market.network().get().feeder() + "'): method '" + name
                    + "' does not model the feeder, and a market is never cleared as if its feeder were not there."
                    + " Remove the 'network' entry to clear without it.");
        }
        long start = System.nanoTime();
        MarketIndex index = MarketIndex.of(market);
        if (linearOnly && !index.isLinear()) {
            for (int s = 0; s < index.numAssets(); s++) {
                if (index.a()[s] != 0.0) {
                    throw new IllegalArgumentException("Method '" + name + "' needs every asset to have a = 0; asset '"
                            + index.assetId(s) + "' has a = " + index.a()[s] + " (use method qp)");
                }
            }
        }
        UnifiedFormulation f = UnifiedFormulation.of(index);
        Problem problem = f.problem();
        ProblemClass pc = problem.problemClass();
        SolverBackend backend = options.solver().map(options.registry()::get)
                .orElseGet(() -> options.registry().defaultFor(pc));
        LOG.debug("Clearing {} with {} on {}", market.name(), backend.name(), problem);
        Solution s = backend.solve(problem, options.solverParameters());
        ClearingResult.Builder rb = ClearingResult.builder(market, index).method(name).solver(backend.name())
                .status(s.status(), s.message()).iterations(s.iterations())
                .option("solver", backend.name()).option("problemClass", pc)
                .option("solverParameters", options.solverParameters());
        if (s.status().hasSolution()) {
            rb.solution(f.assetPower(s), f.trades(s), f.agentPrices(s), f.tradePrices(s));
            if (s.hasDuals()) {
                OptimalityCertificate c = OptimalityCertificate.of(problem, s);
                rb.residuals(c.primalResidual(), c.dualResidual());
            } else {
                rb.note("solver '" + backend.name() + "' returned no duals: prices are undefined");
            }
        }
        rb.seconds((System.nanoTime() - start) * 1e-9);
        return rb.build();
    }
}
