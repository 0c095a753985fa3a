package org.peerclear.clearing.multiclass;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.preference.ClassPreferences;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.IndexedResults;

/**
 * Method {@code multiclass}: {@link MultiClassClearing} behind the {@link ClearingMethod} SPI,
 * with the buyers' premiums of the market's {@code productClasses}. The class markets have no
 * bilateral trades, so the result's trades are zero and its section {@code classMarkets} holds
 * what they did: {@code prices} (class → price), {@code sales} (agent → quantity sold in its
 * class) and {@code purchases} (agent → class → quantity bought). Agents' prices are the duals of
 * their balance rows; a grid leg the class market leaves out has no price (NaN).
 */
public final class MultiClassMethod implements ClearingMethod {
    /** The name of the result's section with the class markets' prices, sales and purchases. */
    public static final String SECTION = "classMarkets";

    @Override
    public String name() {
        return "multiclass";
    }

    @Override
    public String description() {
        return "one market and one price per product class, buyers' premiums per class (Morstyn & McCulloch 2018)";
    }

    @Override
    public ClearingResult clear(Market market, ClearingOptions options) {
        if (market.network().isPresent()) {
            throw new IllegalArgumentException("Market '" + market.name() + "' has a network ('" + market.network().get().feeder()
                    + "'): method 'multiclass' does not model the feeder. Remove the 'network' entry to clear the class markets.");
        }
        long start = System.nanoTime();
        MultiClassResult m = MultiClassClearing.clear(market, ClassPreferences.of(market.productClasses().premiums()), options);
        MarketIndex ix = MarketIndex.of(market);
        ClearingResult.Builder b = IndexedResults.builder(market, ix).method(name()).solver(m.solver())
                .status(m.status(), m.message()).option("solver", m.solver())
                .option("timeLimitSeconds", options.timeLimitSeconds());
        if (m.status().hasSolution()) {
            // By id; but every grid leg bears the grid's ids, and the class markets' grid is the
            // first leg only (MultiClassClearing): the others keep 0 and no price, or the grid's
            // set-points would count once per leg.
            int cleared = ix.firstGridLeg() + Math.min(1, ix.numGridLegs());
            double[] power = new double[ix.numAssets()];
            for (int s = 0; s < ix.assetStart()[cleared]; s++) {
                power[s] = m.assetPower().getOrDefault(ix.assetId(s), 0.0);
            }
            double[] prices = new double[ix.numAgents()];
            Arrays.fill(prices, Double.NaN);
            for (int n = 0; n < cleared; n++) {
                prices[n] = m.agentPrices().getOrDefault(ix.agentId(n), Double.NaN);
            }
            double[] tradePrices = new double[ix.numArcs()];
            Arrays.fill(tradePrices, Double.NaN);
            IndexedResults.solution(b, power, new double[ix.numArcs()], prices, tradePrices);
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("prices", new TreeMap<>(m.classPrices()));
            section.put("sales", new TreeMap<>(m.sales()));
            Map<String, Object> purchases = new TreeMap<>();
            m.purchases().forEach((agent, byClass) -> purchases.put(agent, new TreeMap<>(byClass)));
            section.put("purchases", purchases);
            b.section(SECTION, section);
            b.note("class markets: energy is traded through one market per class, not bilaterally; the result's trades are"
                    + " empty and its section '" + SECTION + "' holds the class prices, sales and purchases");
        }
        return b.seconds((System.nanoTime() - start) * 1e-9).build();
    }
}
