package org.peerclear.clearing.centralised;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.peerclear.clearing.Certification;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.NumericalTolerances;
import org.peerclear.clearing.Progress;
import org.peerclear.clearing.admm.AdmmPriceGuess;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.clearing.exact.FlowStart;
import org.peerclear.clearing.formulation.LinDistFlowConstraints;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.clearing.network.AcCheck;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.Status;
import org.peerclear.powerflow.AcPowerFlow;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.IndexedResults;
import org.peerclear.result.NetworkOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears a market by solving the unified formulation. Without a named back-end, with
 * PeerClear's own exact solver ({@link FlowSolver}, solver {@code flow}), with the feeder's rows
 * when there is a network, and on the default back-end if it does not end certified; with a
 * named back-end, as the {@link UnifiedFormulation} (an LP when every asset cost is linear, a QP
 * otherwise) on that back-end, whose duals are the prices. With a
 * network, LinDistFlow voltage and line limits join the problem ({@link LinDistFlowConstraints})
 * and the exact AC power flow of the cleared injections is reported ({@link AcCheck}); with
 * {@link NetworkOptions} the clearing can iterate linearised losses and tighten limits by the
 * measured AC error.
 *
 * <p>Infeasible and unbounded markets are found before solving ({@link Certification#precheck});
 * the back-end's status is never passed through: the result is certified with the market
 * certificate and the KKT certificate of the solved problem ({@link Certification#certify}),
 * and a point that fails it is {@code FEASIBLE} or {@code NUMERICAL_ERROR} with the residuals.
 * What is left of the time limit goes to the back-end at each solve.
 */
public class CentralisedClearing implements ClearingMethod {
    private static final Logger LOG = LoggerFactory.getLogger(CentralisedClearing.class);

    private final String name;
    private final boolean linearOnly;

    /**
     * A centralised method under its own name; the registered methods are {@link LpClearing} and
     * {@link QpClearing}.
     *
     * @param name       the method's name, as on the command line and in its results
     * @param linearOnly {@code true} to refuse a market with a quadratic asset cost ({@code a != 0}), as method
     *                   {@code lp} does
     */
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
                : "centralised QP of the unified market (LP when every asset has a = 0); LinDistFlow limits with a network";
    }

    /** One solve of the formulation with its extension, by the named solver. */
    private record Solved(UnifiedFormulation formulation, LinDistFlowConstraints network, Solution solution, String solver) {
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
        NetworkOptions no = options.methodOptions(NetworkOptions.class).orElse(NetworkOptions.DEFAULT);
        if (net == null && (no.lossAware() || no.tightenToAc())) {
            throw new IllegalArgumentException("Network options (loss-aware, tighten to AC) need a market with a network");
        }
        if (no.lossAware() && market.grid().isEmpty()) {
            throw new IllegalArgumentException("Loss-aware clearing prices losses at the grid's import price: market '"
                    + market.name() + "' has no grid");
        }
        Optional<ClearingResult> refuted = Certification.precheck(market, index, name, start);
        if (refuted.isPresent()) {
            return refuted.get();
        }
        boolean flow = options.solver().map(FlowSolver.NAME::equals).orElse(true);
        String fallback = null;
        if (flow) {
            ClearingResult r = net == null ? clearWithFlow(market, index, options, start)
                    : clearProblem(market, index, net, no, options, start, true, null);
            if (r.status() == Status.OPTIMAL || r.status() == Status.TIME_LIMIT) {
                return r;
            }
            // The pre-checks passed, so an infeasible or unbounded claim, like any uncertified
            // point, is the solver's failure, not the market's: the default back-end solves it.
            fallback = "solver " + FlowSolver.NAME + " ended " + r.status() + " (" + r.message() + "); solved by the default back-end";
            options = options.withSolver(null);
        }
        return clearProblem(market, index, net, no, options, start, false, fallback);
    }

    /**
     * Clears with the formulation (and the feeder's rows, loss-aware and tightening rounds):
     * solved by PeerClear's exact solver when {@code exact}, by a back-end otherwise.
     */
    private ClearingResult clearProblem(Market market, MarketIndex index, NetworkModel net, NetworkOptions no,
                                        ClearingOptions options, long start, boolean exact, String fallback) {
        int nb = net == null ? 0 : net.feeder().busCount();
        double[] wMaxMargin = net == null ? null : new double[nb];
        double[] wMinMargin = net == null ? null : new double[nb];
        double[] lossCost = null;
        Solved solved = null;
        NetworkOutcome outcome = null;
        double[] previous = null;
        long rounds = 0;
        int lossIterations = 0;
        int tightenings = 0;
        boolean outOfTime = false;
        while (true) {
            rounds++;
            LinDistFlowConstraints constraints = net == null ? null : new LinDistFlowConstraints(net, wMaxMargin, wMinMargin, lossCost);
            solved = exact ? solveExactly(index, constraints, options, start) : solve(index, constraints, options, start);
            if (net == null || !solved.solution().status().hasSolution()) {
                break;
            }
            double[] p = solved.formulation().assetPower(solved.solution());
            outcome = AcCheck.evaluate(net, p, constraints.busPrices(solved.solution()));
            options.listener().onProgress(new Progress(name, rounds, outcome.worstViolationPu(), Double.NaN, Double.NaN,
                    (System.nanoTime() - start) * 1e-9));
            if (no.lossAware() && lossIterations < no.maxLossIterations()
                    && (previous == null || maxChange(previous, p) > no.lossTolerance())) {
                if (options.timeUp(start)) {
                    outOfTime = true;
                    break;
                }
                double[] mlf = AcPowerFlow.marginalLossFactors(net.feeder(), net.busInjectionsKw(p), null)[0];
                double price = market.grid().get().importPrice() / net.kwPerUnit();
                lossCost = new double[nb];
                for (int b = 0; b < nb; b++) {
                    lossCost[b] = price * mlf[b];
                }
                previous = p;
                lossIterations++;
                continue;
            }
            if (no.tightenToAc() && !outcome.acWithinLimits() && tightenings < no.maxTightenings()) {
                if (options.timeUp(start)) {
                    outOfTime = true;
                    break;
                }
                tighten(net, outcome, wMaxMargin, wMinMargin);
                tightenings++;
                continue;
            }
            break;
        }
        Solution s = solved.solution();
        UnifiedFormulation f = solved.formulation();
        Problem problem = f.problem();
        String message = s.message();
        if (net != null && s.status() == Status.INFEASIBLE) {
            message = message + "; " + net.baseVoltageSummary();
        }
        ClearingResult.Builder rb = IndexedResults.builder(market, index).method(name).solver(solved.solver())
                .status(s.status(), message).iterations(s.iterations())
                .option("solver", solved.solver()).option("problemClass", problem.problemClass())
                .option("solverParameters", options.solverParameters()).option("timeLimitSeconds", options.timeLimitSeconds());
        if (fallback != null) {
            rb.note(fallback);
        }
        if (outOfTime) {
            rb.note("the time limit ended the loss-aware / tightening rounds after " + rounds + " clearings");
        }
        OptimalityCertificate kkt = null;
        if (s.status().hasSolution()) {
            double[] p = f.assetPower(s);
            IndexedResults.solution(rb, p, f.trades(s), f.agentPrices(s), f.tradePrices(s));
            if (s.hasDuals()) {
                kkt = OptimalityCertificate.of(problem, s);
                rb.residuals(kkt.primalResidual(), kkt.dualResidual());
            } else {
                rb.note("solver '" + solved.solver() + "' returned no duals: prices are undefined");
            }
            if (net != null) {
                double[] atBus = solved.network().agentBusPrices(s);
                double[] agentPi = new double[index.numAgents()];
                for (int n = 0; n < agentPi.length; n++) {
                    agentPi[n] = net.agentBus(n) >= 0 ? atBus[net.agentBus(n)] : 0.0;
                }
                IndexedResults.agentNetworkPrices(rb, agentPi).network(outcome).option("network", net.spec().feeder())
                        .option("networkOptions", no).option("clearings", rounds);
                rb.note(String.format(Locale.ROOT,
                        "AC check (%s, %d iterations): losses %.3f kW, worst voltage violation %.2e pu, LinDistFlow error %.2e pu",
                        outcome.acStatus(), outcome.acIterations(), outcome.lossesKw(), outcome.worstViolationPu(),
                        outcome.linearisationError()));
                if (no.lossAware()) {
                    rb.note(String.format(Locale.ROOT, "loss-aware: %d loss-factor updates%s; the objective excludes the"
                            + " cost of losses, bought from the grid at %s", lossIterations,
                            lossIterations >= no.maxLossIterations() ? " (limit reached before the dispatch settled)" : "",
                            market.grid().get().importPrice()));
                }
                if (no.tightenToAc()) {
                    rb.note(tightenings + " tightening rounds" + (outcome.acWithinLimits() ? ": AC voltages within limits"
                            : ": AC voltages still outside the limits by " + outcome.worstViolationPu() + " pu"));
                }
            }
        }
        rb.seconds((System.nanoTime() - start) * 1e-9);
        return Certification.certify(rb.build(), kkt, Status.NUMERICAL_ERROR);
    }

    /** The market's own exact solver ({@link FlowSolver}), certified like any back-end's answer. */
    private ClearingResult clearWithFlow(Market market, MarketIndex index, ClearingOptions options, long start) {
        FlowSolver.Outcome o = FlowSolver.solve(index, flowStart(options), AdmmPriceGuess.INSTANCE, options.deadlineNanos(start),
                (round, imbalance, left) -> options.listener()
                .onProgress(new Progress(name, round, imbalance, Double.NaN, Double.NaN, (System.nanoTime() - start) * 1e-9, left)));
        ClearingResult.Builder rb = IndexedResults.builder(market, index).method(name).solver(FlowSolver.NAME)
                .status(o.status(), o.message()).iterations(o.rounds())
                .option("solver", FlowSolver.NAME).option("timeLimitSeconds", options.timeLimitSeconds());
        if (o.status().hasSolution()) {
            IndexedResults.solution(rb, o.assetPower(), o.trades(), o.agentPrices(), o.tradePrices());
        }
        rb.seconds((System.nanoTime() - start) * 1e-9);
        return Certification.certify(rb.build(), null, Status.NUMERICAL_ERROR);
    }

    private Solved solve(MarketIndex index, LinDistFlowConstraints constraints, ClearingOptions options, long start) {
        UnifiedFormulation f = UnifiedFormulation.of(index, constraints == null ? List.of() : List.of(constraints));
        Problem problem = f.problem();
        ProblemClass pc = problem.problemClass();
        SolverBackend backend = options.solver().map(options.registry()::get).orElseGet(() -> options.registry().defaultFor(pc));
        LOG.debug("Clearing with {} on {}", backend.name(), problem);
        return new Solved(f, constraints, backend.solve(problem, options.solverParametersAt(start)), backend.name());
    }

    /**
     * One solve of the formulation with the feeder's rows by PeerClear's exact solver, returned
     * as the problem's point and duals so that it is certified like a back-end's.
     */
    private Solved solveExactly(MarketIndex index, LinDistFlowConstraints constraints, ClearingOptions options, long start) {
        long t0 = System.nanoTime();
        UnifiedFormulation f = UnifiedFormulation.of(index, List.of(constraints));
        FlowSolver.Outcome o = FlowSolver.solve(index, constraints.busRows(), flowStart(options), options.deadlineNanos(start),
                (step, violation, left) -> options.listener().onProgress(new Progress(name, step, violation, Double.NaN,
                        Double.NaN, (System.nanoTime() - start) * 1e-9, left)));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (!o.status().hasSolution()) {
            return new Solved(f, constraints, Solution.withoutPoint(o.status(), o.message(), FlowSolver.NAME, o.rounds(), seconds),
                    FlowSolver.NAME);
        }
        double[] x = f.point(o.assetPower(), o.trades());
        double[] duals = f.duals(o.agentPrices(), o.tradePrices());
        constraints.fill(o.assetPower(), o.busPrices(), o.rowMultipliers(), x, duals);
        return new Solved(f, constraints, Solution.of(f.problem(), o.status(), o.message(), FlowSolver.NAME, x, duals,
                o.rounds(), seconds), FlowSolver.NAME);
    }

    private static double[] flowStart(ClearingOptions options) {
        return options.methodOptions(FlowStart.class).map(FlowStart::agentPrices).orElse(null);
    }

    private static double maxChange(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Lowers (raises) a bus's bound on w by the AC violation there, in w units, plus a hair. */
    private static void tighten(NetworkModel net, NetworkOutcome ac, double[] wMaxMargin, double[] wMinMargin) {
        double vmax = net.spec().vMax();
        double vmin = net.spec().vMin();
        for (int j = 0; j < ac.buses().size(); j++) {
            double vm = ac.buses().get(j).vm();
            if (vm > vmax) {
                wMaxMargin[j] += vm * vm - vmax * vmax + NumericalTolerances.TIGHTENING_HAIR;
            } else if (vm < vmin) {
                wMinMargin[j] += vmin * vmin - vm * vm + NumericalTolerances.TIGHTENING_HAIR;
            }
        }
    }
}
