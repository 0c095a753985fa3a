package org.peerclear.clearing.admm;

import java.util.Locale;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Method {@code admm}: the unified market cleared by consensus ADMM ({@link ConsensusAdmm}),
 * each agent negotiating with its partners only. Options: {@link AdmmOptions} via
 * {@link ClearingOptions#methodOptions(Class)}, or {@link AdmmOptions#DEFAULT}.
 *
 * <p>Status {@code OPTIMAL} when the stopping rule held, {@code NOT_CONVERGED} (residuals in
 * the message) at the iteration limit. The reported point is the settlement the agents agree
 * on: each trade is the pair's consensus {@code (t_nm − t_mn)/2}, so reciprocity is exact, and
 * each agent's assets absorb, within their bounds, the small gap between its own last trades and
 * the consensus, so that it balances; an agent without assets keeps that gap, of the order of
 * the primal residual. Prices are the local steps' {@code mu_n} and the ADMM's {@code lambda_nm}.
 */
public final class AdmmClearing implements ClearingMethod {
    private static final Logger LOG = LoggerFactory.getLogger(AdmmClearing.class);
    public static final String NAME = "admm";

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
        if (market.network().isPresent()) {
            throw new IllegalArgumentException("Market '" + market.name() + "' has a network ('"
                    + market.network().get().feeder() + "'): method '" + NAME
                    + "' does not model the feeder, and a market is never cleared as if its feeder were not there."
                    + " Remove the 'network' entry to clear without it.");
        }
        AdmmOptions o = options.methodOptions(AdmmOptions.class).orElse(AdmmOptions.DEFAULT);
        long start = System.nanoTime();
        MarketIndex index = MarketIndex.of(market);
        ConsensusAdmm admm = new ConsensusAdmm(index, o);
        if (o.warmStart().isPresent()) {
            ClearingResult prev = o.warmStart().get();
            requireSameStructure(index, prev.index());
            admm.warmStart(prev.tradeArray(), prev.tradePriceArray(), prev.agentPriceArray());
        }
        LOG.debug("Clearing {} with ADMM {} on {}", market.name(), o, index);
        boolean ok = admm.run(options.listener(), NAME);
        String residuals = String.format(Locale.ROOT, "r = %.3e, s = %.3e, price dispersion %.3e after %d iterations (rho %.4g)",
                admm.primalResidual(), admm.dualResidual(), admm.dispersion(), admm.iterations(), admm.rho());
        ClearingResult.Builder rb = ClearingResult.builder(market, index).method(NAME).solver(NAME)
                .iterations(admm.iterations()).residuals(admm.primalResidual(), admm.dualResidual())
                .option("rho", o.rho()).option("alpha", o.alpha()).option("eps", o.eps())
                .option("maxIterations", o.maxIterations()).option("stopping", o.stopping().name().toLowerCase(Locale.ROOT))
                .option("threads", o.threads()).option("adaptiveRho", o.adaptiveRho())
                .option("asyncFraction", o.asyncFraction()).option("seed", o.seed())
                .option("warmStart", o.warmStart().isPresent());
        if (o.adaptiveRho()) {
            rb.option("mu", o.mu()).option("tau", o.tau()).option("adaptInterval", o.adaptInterval());
        }
        rb.note(String.format(Locale.ROOT, "ADMM: %s; %d trade messages sent", residuals, admm.messages()));
        if (ok) {
            rb.status(Status.OPTIMAL, "stopping rule " + o.stopping().name().toLowerCase(Locale.ROOT) + " at eps " + o.eps()
                    + " holds: " + residuals);
            settle(admm, rb);
        } else {
            rb.status(Status.NOT_CONVERGED, "no convergence within " + o.maxIterations() + " iterations: " + residuals);
        }
        rb.seconds((System.nanoTime() - start) * 1e-9);
        return rb.build();
    }

    private static void settle(ConsensusAdmm admm, ClearingResult.Builder rb) {
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
            // Move the assets, within their bounds, by the small gap between the agent's own
            // trades and the consensus; the price stays the agent's: re-pricing would jump from
            // the trading price to the asset's marginal cost when an asset sits at a bound.
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
        rb.solution(p, trades, mu, admm.tradePrices());
    }

    private static void requireSameStructure(MarketIndex now, MarketIndex prev) {
        boolean same = now.numAgents() == prev.numAgents() && now.numAssets() == prev.numAssets()
                && now.numArcs() == prev.numArcs();
        for (int k = 0; same && k < now.numArcs(); k++) {
            same = now.from()[k] == prev.from()[k] && now.to()[k] == prev.to()[k];
        }
        for (int i = 0; same && i < now.numAgents(); i++) {
            same = now.agentId(i).equals(prev.agentId(i));
        }
        if (!same) {
            throw new IllegalArgumentException("Invalid value for parameter warmStart: the previous result is of a market with "
                    + prev + ", not the structure of this one (" + now + ")");
        }
    }
}
