package org.peerclear.examples.extending;

import java.util.List;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/** What the market would clear at if the platform waived every trading fee. */
public final class FeeFreeClearing implements ClearingMethod {
    @Override
    public String name() {
        return "fee-free";
    }

    @Override
    public ClearingResult clear(Market market, ClearingOptions options) {
        Market feeFree = market.toBuilder()
                .tradeGraph(market.tradeGraph().withFee(0.0, List.of()))
                .build();
        return ClearingMethods.load().get("qp").clear(feeFree, options);
    }
}
