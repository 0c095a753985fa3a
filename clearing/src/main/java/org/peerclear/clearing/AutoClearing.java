package org.peerclear.clearing;

import org.peerclear.clearing.admm.AdmmClearing;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/**
 * Method {@code auto}: the centralised QP (exact duals) for markets with a network or with few
 * trading arcs, consensus ADMM for large markets without a network, where a general QP solver
 * is far slower (measured: a 1,000-peer × 10-partner market takes minutes with the pure-Java
 * back-end and under a tenth of a second with ADMM). The result's {@code method} says which ran.
 * ADMM runs with the options given, or else the relative stopping rule at {@value #ADMM_EPS}
 * with residual balancing; when its result is not certified {@code OPTIMAL} (the exact polish
 * needs every idle pair's prices inside its no-trade band), ADMM continues from its last iterate
 * with a 100 times smaller tolerance, at most {@value #MAX_REFINEMENTS} times
 * ({@link AdmmOptions#withRefinements(int)}). The last result is returned either way, with the
 * status its certificate gives it.
 */
public final class AutoClearing implements ClearingMethod {
    /** From this many directed arcs on, a market without a network is cleared by ADMM. */
    public static final int ADMM_FROM_ARCS = 2_000;
    static final double ADMM_EPS = 1e-6;
    static final int MAX_REFINEMENTS = 2;

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public String description() {
        return "qp for markets with a network or fewer than " + ADMM_FROM_ARCS + " arcs, admm otherwise";
    }

    @Override
    public ClearingResult clear(Market market, ClearingOptions options) {
        boolean large = market.network().isEmpty() && market.arcs().size() >= ADMM_FROM_ARCS;
        if (!large) {
            return new QpClearing().clear(market, options);
        }
        if (options.methodOptions(AdmmOptions.class).isPresent()) {
            return new AdmmClearing().clear(market, options);
        }
        AdmmOptions o = AdmmOptions.DEFAULT.withStopping(AdmmOptions.Stopping.RELATIVE).withEps(ADMM_EPS).withAdaptiveRho(true)
                .withRefinements(MAX_REFINEMENTS);
        return new AdmmClearing().clear(market, options.withMethodOptions(o));
    }
}
