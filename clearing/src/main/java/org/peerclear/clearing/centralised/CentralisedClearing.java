package org.peerclear.clearing.centralised;

import org.peerclear.clearing.ClearingMethod;
import java.util.List;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.network.AcCheck;
import org.peerclear.clearing.network.LinDistFlowConstraints;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.NetworkOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears a market by solving the {@link UnifiedFormulation} with a solver back-end: an LP when
 * every asset cost is linear, a QP otherwise. Prices are the duals of the back-end. With a
 * network, LinDistFlow voltage and line limits join the problem ({@link LinDistFlowConstraints})
 * and the exact AC power flow of the cleared injections is reported ({@link AcCheck}).
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
        NetworkModel net = market.network().isPresent() ? NetworkModel.of(market, index) : null;
        LinDistFlowConstraints constraints = net == null ? null : new LinDistFlowConstraints(net);
        UnifiedFormulation f = UnifiedFormulation.of(index, constraints == null ? List.of() : List.of(constraints));
        Problem problem = f.problem();
        ProblemClass pc = problem.problemClass();
        SolverBackend backend = options.solver().map(options.registry()::get)
                .orElseGet(() -> options.registry().defaultFor(pc));
        LOG.debug("Clearing {} with {} on {}", market.name(), backend.name(), problem);
        Solution s = backend.solve(problem, options.solverParameters());
        ClearingResult.Builder rb = ClearingResult.builder(market, index).method(name).solver(backend.name())
                .status(s.status(), net != null && s.status() == org.peerclear.opt.Status.INFEASIBLE
                        ? s.message() + "; " + net.baseVoltageSummary() : s.message()).iterations(s.iterations())
                .option("solver", backend.name()).option("problemClass", pc)
                .option("solverParameters", options.solverParameters());
        if (s.status().hasSolution()) {
            double[] p = f.assetPower(s);
            rb.solution(p, f.trades(s), f.agentPrices(s), f.tradePrices(s));
            if (net != null) {
                double[] atBus = constraints.agentBusPrices(s);
                double[] agentPi = new double[index.numAgents()];
                for (int n = 0; n < agentPi.length; n++) {
                    agentPi[n] = net.agentBus(n) >= 0 ? atBus[net.agentBus(n)] : 0.0;
                }
                NetworkOutcome outcome = AcCheck.evaluate(net, p, constraints.busPrices(s));
                rb.agentNetworkPrices(agentPi).network(outcome).option("network", net.spec().feeder());
                rb.note(String.format(java.util.Locale.ROOT,
                        "AC check (%s, %d iterations): losses %.3f kW, worst voltage violation %.2e pu, LinDistFlow error %.2e pu",
                        outcome.acStatus(), outcome.acIterations(), outcome.lossesKw(), outcome.worstViolationPu(),
                        outcome.linearisationError()));
            }
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
