package org.peerclear.clearing;

import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.centralised.QpClearing;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/**
 * Method {@code auto}: the exact centralised clearing ({@code qp}). Without a network it runs
 * PeerClear's own solver ({@code flow}: measured 0.6 s at 10,000 peers × 10 partners, where
 * PDLP took 76 s and ojAlgo minutes); with a network, the QP with the LinDistFlow rows on the
 * registry's default back-end. It never reruns a clear: the result's {@code method},
 * {@code solver} and {@code seconds} say what ran and what it cost. Consensus ADMM stays
 * available as method {@code admm} (what the agents themselves could run); its points are
 * reported as what their certificate says.
 */
public final class AutoClearing implements ClearingMethod {
    @Override
    public String name() {
        return "auto";
    }

    @Override
    public String description() {
        return "qp: the exact solver 'flow' without a network, the QP with the LinDistFlow rows on the default back-end with one";
    }

    @Override
    public ClearingResult clear(Market market, ClearingOptions options) {
        if (options.methodOptions(AdmmOptions.class).isPresent()) {
            throw new IllegalArgumentException("ADMM options apply to method 'admm'; method 'auto' clears exactly with 'qp'");
        }
        return new QpClearing().clear(market, options);
    }
}
