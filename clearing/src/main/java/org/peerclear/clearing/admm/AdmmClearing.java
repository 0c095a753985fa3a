package org.peerclear.clearing.admm;

import java.util.Locale;
import java.util.Optional;
import org.peerclear.clearing.Certification;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.network.AcCheck;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.ConvergenceHistory;
import org.peerclear.result.NetworkOutcome;
import org.peerclear.result.IndexedResults;
import org.peerclear.result.internal.ResultOnIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Method {@code admm}: the unified market cleared by consensus ADMM ({@link ConsensusAdmm}),
 * each agent negotiating with its partners only. Options: {@link AdmmOptions} via
 * {@link ClearingOptions#methodOptions(Class)}, or {@link AdmmOptions#DEFAULT} (rho from the
 * data, polish on).
 *
 * <p>With a network, the system operator joins as one more agent ({@link AdmmNetworkOperator}):
 * it holds a copy of every bus agent's net injection, projects the proposed injections onto the
 * LinDistFlow voltage and line limits (the rows of the centralised clearing, same data) and prices
 * them with its own duals, the agents' network price components; these are reported through
 * {@code agentNetworkPrices} (so {@code verify()} checks {@code f'(p) = mu_n + pi_n}), the bus
 * prices and the exact AC power flow through {@link AcCheck}, as the centralised clearing does.
 * Loss-aware clearing and tightening to AC ({@link NetworkOptions}) are refused: they are
 * re-clearing loops of method {@code qp}. Limits that admit no injections give {@code INFEASIBLE}.
 *
 * <p>Infeasible and unbounded markets are found before the first iteration
 * ({@link Certification#precheck}). At the iteration limit the status is {@code NOT_CONVERGED}
 * (residuals in the message); at the time limit of {@link ClearingOptions#timeLimitSeconds()}
 * {@code TIME_LIMIT} with the last iterate's settlement as the best point. When the stopping
 * rule holds, the point is certified ({@link Certification#certify}; with a network also on the
 * centralised problem, {@link AdmmNetworkCertificate}): {@code OPTIMAL} only when its
 * certificate holds, else {@code FEASIBLE} or, when not primal feasible within tolerance (the
 * stopping rule held at too loose an eps), {@code NOT_CONVERGED}, with the residuals.
 *
 * <p>A converged point is first polished ({@link AdmmPolish}): prices, assets and trades
 * recomputed exactly from the ADMM's active set, so that balance, reciprocity and the price
 * relations hold to rounding and the welfare is the optimum's when the active set is right (measured: ≤ 1e-10 relative to the centralised QP at the paper rule, eps
 * 1e-8, on the generated markets, IEEE 14 and case33bw). If the polish fails, or its point fails
 * verification where the ADMM's own does not, the ADMM's settlement is reported (a note says
 * why): each trade the pair's consensus {@code (t_nm − t_mn)/2}, and each agent's assets absorbing,
 * within their bounds, the gap between its last trades and the consensus; an agent without
 * assets, or with all at a bound, then keeps that gap, of the order of the primal residual.
 */
public final class AdmmClearing implements ClearingMethod {
    private static final Logger LOG = LoggerFactory.getLogger(AdmmClearing.class);
    /** The method's name, as {@code --method} takes it. */
    public static final String NAME = "admm";
    /** Each refinement continues at this many times smaller eps ({@link AdmmOptions#refinements()}). */
    static final double REFINEMENT_FACTOR = 100.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "consensus ADMM of the unified market (decentralised, closed-form local steps)";
    }

    @Override
    public ClearingResult clear(Market market, ClearingOptions options) {
        return clearWithIterate(market, options).result();
    }

    /**
     * The certified result and ADMM's last agent prices, which a result without a point
     * ({@code NOT_CONVERGED}) does not carry: what an exact finish starts from. The prices are
     * null when the market was refuted before solving.
     */
    public record Iterate(ClearingResult result, double[] agentPrices) {
    }

    /**
     * As {@link #clear}, with ADMM's last agent prices.
     *
     * @param market  the market to clear
     * @param options the clearing options; ADMM's own are its {@link AdmmOptions} method options
     * @return the certified result and the last prices
     * @throws IllegalArgumentException if loss-aware clearing or tightening to AC is asked for, or an
     *                                  option is invalid for this market (e.g. a warm start of another structure)
     */
    public Iterate clearWithIterate(Market market, ClearingOptions options) {
        AdmmOptions o = options.methodOptions(AdmmOptions.class).orElse(AdmmOptions.DEFAULT);
        NetworkOptions no = options.methodOptions(NetworkOptions.class).orElse(NetworkOptions.DEFAULT);
        if (no.lossAware() || no.tightenToAc()) {
            throw new IllegalArgumentException("Method '" + NAME + "' clears with the LinDistFlow limits only:"
                    + " loss-aware clearing and tightening to AC are options of method 'qp'");
        }
        long start = System.nanoTime();
        MarketIndex index = MarketIndex.of(market);
        Optional<ClearingResult> refuted = Certification.precheck(market, index, NAME, start);
        if (refuted.isPresent()) {
            return new Iterate(refuted.get(), null);
        }
        NetworkModel netModel = market.network().isPresent() ? NetworkModel.of(market, index) : null;
        ConvergenceHistory.Recorder history = o.recordHistory() ? new ConvergenceHistory.Recorder() : null;
        Run run = runOnce(market, index, netModel, options, o, null, start, history);
        for (int k = 1; k <= o.refinements() && run.ruleHeld() && run.result().status() != Status.OPTIMAL; k++) {
            o = o.withEps(o.eps() / REFINEMENT_FACTOR);
            LOG.debug("Refinement {} of {}: {} ({}), continuing at eps {}", k, o.refinements(), run.result().status(),
                    run.result().message(), o.eps());
            run = runOnce(market, index, netModel, options, o, run, start, history);
        }
        ClearingResult result = history == null ? run.result() : run.result().toBuilder().convergence(history.history()).build();
        return new Iterate(result, run.engine().agentPrices().clone());
    }

    /** One ADMM run and its certified result; the engine and operator are kept to continue from. */
    private record Run(ClearingResult result, ConsensusAdmm engine, AdmmNetworkOperator operator, boolean ruleHeld,
                       long iterations) {
    }

    /**
     * One run at the options' eps, from the previous run's last iterate when there is one (else
     * from the options' warm start, else cold); iterations and seconds count from the clear's
     * start, across runs.
     */
    private Run runOnce(Market market, MarketIndex index, NetworkModel netModel, ClearingOptions options, AdmmOptions o,
                        Run previous, long start, ConvergenceHistory.Recorder history) {
        AdmmNetworkOperator operator = netModel == null ? null : new AdmmNetworkOperator(netModel, index);
        double rho = o.rhoFromData() ? AdmmOptions.rhoFromData(index) : o.rho();
        AdmmOptions run = o.withRho(rho);
        ConsensusAdmm admm = new ConsensusAdmm(index, run, operator);
        long before = previous == null ? 0 : previous.iterations();
        if (history != null) {
            admm.recordInto(history, before);
        }
        if (previous != null) {
            ConsensusAdmm last = previous.engine();
            admm.warmStart(last.trades(), last.tradePrices(), last.agentPrices());
            if (operator != null) {
                admm.warmStartNetwork(previous.operator().injections(), previous.operator().agentPrices());
            }
        } else if (o.warmStart().isPresent()) {
            ResultOnIndex prev = onThisMarket(o.warmStart().get(), index);
            admm.warmStart(prev.trade(), prev.tradePrice(), prev.agentPrice());
            if (operator != null) {
                admm.warmStartNetwork(injections(index, prev.assetPower()), prev.agentNetworkPrice());
            }
        }
        LOG.debug("Clearing {} with ADMM {} (rho {}) on {}", market.name(), o, rho, index);
        double timeLeft = options.timeLimitSeconds() - (System.nanoTime() - start) * 1e-9;
        boolean ok = admm.run(options.listener(), NAME, Math.max(timeLeft, 0.0));
        long iterations = before + admm.iterations();
        String residuals = String.format(Locale.ROOT, "r = %.3e, s = %.3e, price dispersion %.3e after %d iterations (rho %.4g)",
                admm.primalResidual(), admm.dualResidual(), admm.dispersion(), iterations, admm.rho());
        java.util.function.Supplier<ClearingResult.Builder> builder = () -> {
            ClearingResult.Builder rb = IndexedResults.builder(market, index).method(NAME).solver(NAME)
                    .iterations(iterations).residuals(admm.primalResidual(), admm.dualResidual())
                    .option("rho", rho).option("rhoFromData", o.rhoFromData()).option("alpha", o.alpha())
                    .option("eps", o.eps()).option("maxIterations", o.maxIterations())
                    .option("stopping", o.stopping().name().toLowerCase(Locale.ROOT))
                    .option("threads", o.threads()).option("adaptiveRho", o.adaptiveRho())
                    .option("asyncFraction", o.asyncFraction()).option("seed", o.seed())
                    .option("warmStart", o.warmStart().isPresent()).option("polish", o.polish())
                    .option("timeLimitSeconds", options.timeLimitSeconds());
            if (o.refinements() > 0) {
                rb.option("refinements", o.refinements());
            }
            if (o.adaptiveRho()) {
                rb.option("mu", o.mu()).option("tau", o.tau()).option("adaptInterval", o.adaptInterval());
            }
            rb.note(String.format(Locale.ROOT, "ADMM: %s; %d trade messages sent", residuals, admm.messages()));
            return rb;
        };
        java.util.function.Function<ClearingResult, Run> done = r -> new Run(r, admm, operator, ok, iterations);
        if (operator != null && !admm.networkFeasible()) {
            return done.apply(builder.get().status(Status.INFEASIBLE, "the system operator's LinDistFlow limits admit no injections: "
                    + netModel.baseVoltageSummary()).seconds((System.nanoTime() - start) * 1e-9).build());
        }
        double[] pi = operator == null ? new double[index.numAgents()] : operator.agentPrices();
        // The network certificate is of the point ADMM produced (pt, pi), the very arrays the result was built from.
        java.util.function.BiFunction<ClearingResult, AdmmPolish.Point, Run> certify = (r, pt) -> done.apply(Certification.certify(r,
                operator == null || !r.hasSolution() ? null : AdmmNetworkCertificate.of(index, netModel, operator, admm.rho(), pt, pi),
                Status.NOT_CONVERGED));
        if (admm.timedOut()) {
            AdmmPolish.Point last = settle(admm);
            return certify.apply(finish(builder.get().status(Status.TIME_LIMIT, "time limit of " + options.timeLimitSeconds()
                    + " s reached: " + residuals + "; the point is the last iterate's settlement"), last, pi, netModel,
                    operator, admm, start), last);
        }
        if (!ok) {
            return done.apply(builder.get().status(Status.NOT_CONVERGED, "no convergence within " + o.maxIterations()
                    + " iterations: " + residuals).seconds((System.nanoTime() - start) * 1e-9).build());
        }
        String status = "stopping rule " + o.stopping().name().toLowerCase(Locale.ROOT) + " at eps " + o.eps() + " holds: " + residuals;
        AdmmPolish.Point settled = settle(admm);
        ClearingResult raw = finish(builder.get().status(Status.OPTIMAL, status), settled, pi, netModel, operator, admm, start);
        if (!o.polish()) {
            return certify.apply(raw, settled);
        }
        AdmmPolish polish = new AdmmPolish(index);
        AdmmPolish.Point pt = polish.polish(admm.trades(), admm.agentPrices(), admm.tradePrices(), admm.assetPower(), pi);
        if (pt == null) {
            LOG.debug("Polish of {} failed: {}", market.name(), polish.failure());
            return certify.apply(finish(builder.get().status(Status.OPTIMAL, status).note("polish not applied: " + polish.failure()),
                    settled, pi, netModel, operator, admm, start), settled);
        }
        ClearingResult polished = finish(builder.get().status(Status.OPTIMAL, status)
                .note("polished: prices, assets and trades recomputed exactly from the ADMM's active set"), pt, pi,
                netModel, operator, admm, start);
        if (polished.verify().passes() || !raw.verify().passes()) {
            return certify.apply(polished, pt);
        }
        return certify.apply(finish(builder.get().status(Status.OPTIMAL, status).note("polish not applied: its point fails verification ("
                + polished.verify() + ")"), settled, pi, netModel, operator, admm, start), settled);
    }

    private static ClearingResult finish(ClearingResult.Builder rb, AdmmPolish.Point pt, double[] pi, NetworkModel net,
                                         AdmmNetworkOperator operator, ConsensusAdmm admm, long start) {
        IndexedResults.solution(rb, pt.assetPower(), pt.trades(), pt.agentPrices(), pt.tradePrices());
        if (net != null) {
            NetworkOutcome outcome = AcCheck.evaluate(net, pt.assetPower(), operator.busPrices(admm.rho()));
            IndexedResults.agentNetworkPrices(rb, pi).network(outcome).option("network", net.spec().feeder());
            rb.note(String.format(Locale.ROOT, "system operator: %d LinDistFlow limits binding", operator.bindingLimits()));
            rb.note(String.format(Locale.ROOT,
                    "AC check (%s, %d iterations): losses %.3f kW, worst voltage violation %.2e pu, LinDistFlow error %.2e pu",
                    outcome.acStatus(), outcome.acIterations(), outcome.lossesKw(), outcome.worstViolationPu(),
                    outcome.linearisationError()));
        }
        return rb.seconds((System.nanoTime() - start) * 1e-9).build();
    }

    /** Per agent, Σ of its assets' power. */
    private static double[] injections(MarketIndex ix, double[] p) {
        double[] out = new double[ix.numAgents()];
        for (int n = 0; n < out.length; n++) {
            for (int s = ix.assetStart()[n]; s < ix.assetStart()[n + 1]; s++) {
                out[n] += p[s];
            }
        }
        return out;
    }

    /**
     * The unpolished settlement: each trade is the pair's consensus {@code (t_nm − t_mn)/2}, so
     * reciprocity is exact, and each agent's assets absorb, within their bounds, the small gap
     * between its own last trades and the consensus; an agent without assets (or with all at a
     * bound) keeps that gap, of the order of the primal residual.
     */
    private static AdmmPolish.Point settle(ConsensusAdmm admm) {
        MarketIndex ix = admm.index();
        double[] raw = admm.trades();
        double[] mu = admm.agentPrices();
        int m = ix.numArcs();
        double[] trades = new double[m];
        for (int k = 0; k < m; k += 2) {
            double c = 0.5 * (raw[k] - raw[k + 1]);
            trades[k] = c;
            trades[k + 1] = -c;
        }
        double[] p = admm.assetPower();
        int[] assetStart = ix.assetStart();
        int[] arcStart = ix.arcStart();
        int[] arcsOf = ix.arcsOf();
        double[] lo = ix.pMin();
        double[] hi = ix.pMax();
        for (int n = 0; n < ix.numAgents(); n++) {
            // The price stays the agent's: re-pricing would jump from the trading price to the
            // asset's marginal cost when an asset sits at a bound.
            double gap = 0.0;
            for (int q = arcStart[n]; q < arcStart[n + 1]; q++) {
                gap += trades[arcsOf[q]];
            }
            for (int s = assetStart[n]; s < assetStart[n + 1]; s++) {
                gap -= p[s];
            }
            for (int s = assetStart[n]; s < assetStart[n + 1] && gap != 0.0; s++) {
                double ps = Math.min(hi[s], Math.max(lo[s], p[s] + gap));
                gap -= ps - p[s];
                p[s] = ps;
            }
        }
        return new AdmmPolish.Point(p, trades, mu, admm.tradePrices());
    }

    /**
     * The previous result's point on this market's index, matched by id (agents, assets, the
     * grid's legs by partner, arcs by their ends), so it may come from a market declared in
     * another order; one whose structure differs is an invalid value.
     */
    private static ResultOnIndex onThisMarket(ClearingResult previous, MarketIndex now) {
        try {
            return ResultOnIndex.of(previous, now);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for parameter warmStart: the previous result is of a market"
                    + " other than this one (" + now + "): " + e.getMessage(), e);
        }
    }
}
