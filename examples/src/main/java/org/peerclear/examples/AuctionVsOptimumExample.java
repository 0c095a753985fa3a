package org.peerclear.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.discretise.CaseOrders;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.spi.Registry;

/**
 * How much welfare each double auction loses against the optimisation as the orders get finer.
 * A market of 100 agents (the seeded "bipartite" family: 50 producers, 50 consumers, quadratic
 * costs and utilities) on a complete trade graph without fees, without a grid and without a
 * network, so that the auction, a pool with one price, faces the same market as the
 * optimisation. The optimisation's welfare is {@code ClearingResult.welfare()}, the negative of
 * its objective: the consumers' utility less the producers' cost. Each auction runs on the market
 * discretised into K steps per asset ({@link CaseOrders}) and is valued the same way, at the true
 * cost curves at what each asset traded ({@link CaseOrders#welfare(AuctionResult)}): the
 * auctioneer's surplus (Huang's mechanism keeps some) is a transfer from the traders, counted in
 * the welfare of the whole system, so the loss is the trade the auction did not make or made
 * between the wrong agents, not money moved. The continuous auction's arrival order is the file
 * order, which is the asset order: the 50 producers' asks first, then the consumers' bids, each
 * asset's blocks in ladder order. The last column is the bound {@code Σ a·range²/(8K²)} that the
 * midpoint steps guarantee an auction maximising the stepped welfare (see {@link CaseOrders}).
 * Run:
 * {@code mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.peerclear.examples.AuctionVsOptimumExample}
 */
public final class AuctionVsOptimumExample {
    /** The mechanisms compared, by their registered names. */
    static final List<String> MECHANISMS = List.of("uniform", "huang", "cda");
    /** The steps per asset. */
    static final int[] STEPS = {1, 2, 4, 8, 16, 32};

    private AuctionVsOptimumExample() {
    }

    /**
     * The bipartite market of {@code peers} agents, its trade graph replaced by a complete one
     * without fees (the generator's partners and per-arc gammas are what an auction cannot see).
     *
     * @param peers the number of agents
     * @param seed  the generator's seed
     * @return the market, without grid or network
     */
    static Market market(int peers, long seed) {
        Market generated = BipartiteMarketGenerator.generate(peers, BipartiteMarketGenerator.ALL_PARTNERS, seed, null, null);
        return generated.toBuilder().tradeGraph(TradeGraph.complete(0.0, List.of())).build();
    }

    /**
     * One row of the comparison.
     *
     * @param steps   K
     * @param welfare each mechanism's true welfare by name, currency
     * @param loss    each mechanism's loss against the optimum, a fraction of the optimum's welfare
     * @param bound   {@code Σ a·range²/(8K²)} as a fraction of the optimum's welfare
     */
    record Row(int steps, Map<String, Double> welfare, Map<String, Double> loss, double bound) {
    }

    /**
     * The comparison.
     *
     * @param optimum the optimisation's welfare, currency
     * @param rows    one row per K, in the order asked
     */
    record Comparison(double optimum, List<Row> rows) {
    }

    /**
     * Clears the market with the optimisation, then auctions it at every K.
     *
     * @param market     a market without fees, grid restrictions or network
     * @param steps      the values of K
     * @param mechanisms the mechanisms' registered names
     * @return the optimum's welfare and one row per K
     */
    static Comparison compare(Market market, int[] steps, List<String> mechanisms) {
        ClearingResult best = ClearingMethods.load().get("qp").clear(market, ClearingOptions.DEFAULT);
        if (best.status() != Status.OPTIMAL) {
            throw new IllegalStateException("the optimisation did not end optimal: " + best.status() + " " + best.message());
        }
        double optimum = best.welfare();
        double curvature = 0;
        for (Agent a : market.agents()) {
            for (Asset s : a.assets()) {
                curvature += s.a() * (s.pMax() * s.pMax() + s.pMin() * s.pMin());
            }
        }
        Registry<AuctionMechanism> registered = AuctionMechanism.registered();
        List<Row> rows = new ArrayList<>();
        for (int k : steps) {
            CaseOrders orders = CaseOrders.of(market, k);
            Map<String, Double> welfare = new LinkedHashMap<>();
            Map<String, Double> loss = new LinkedHashMap<>();
            for (String name : mechanisms) {
                double w = orders.welfare(registered.get(name).run(orders.orders(), AuctionOptions.DEFAULT));
                welfare.put(name, w);
                loss.put(name, (optimum - w) / optimum);
            }
            rows.add(new Row(k, welfare, loss, curvature / (8.0 * k * k) / optimum));
        }
        return new Comparison(optimum, rows);
    }

    /**
     * Prints the comparison as a Markdown table.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Market m = market(100, 1);
        Comparison c = compare(m, STEPS, MECHANISMS);
        System.out.printf(Locale.ROOT, "%s: %d agents, complete trade graph without fees; optimum (qp) welfare %.4f EUR%n%n",
                m.name(), m.agents().size(), c.optimum());
        StringBuilder head = new StringBuilder("| K |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String name : MECHANISMS) {
            head.append(' ').append(name).append(" loss % |");
            rule.append("---|");
        }
        System.out.println(head.append(" bound for uniform % |"));
        System.out.println(rule.append("---|"));
        for (Row r : c.rows()) {
            StringBuilder line = new StringBuilder("| " + r.steps() + " |");
            for (String name : MECHANISMS) {
                line.append(String.format(Locale.ROOT, " %.4f |", 100 * r.loss().get(name)));
            }
            System.out.println(line.append(String.format(Locale.ROOT, " %.4f |", 100 * r.bound())));
        }
    }
}
