package org.peerclear.auction;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.order.Order;

/**
 * An empirical test of truthfulness: for one agent of a book, runs a mechanism on misreports of
 * its order and measures the agent's <em>true</em> utility, to compare with what it gets by
 * reporting truthfully.
 *
 * <p>True utility: a buyer with value {@code v} for up to {@code q} units that gets {@code f}
 * units at price {@code p} has {@code min(f, q)·v − f·p} (units beyond its need are worth
 * nothing to it); a seller with cost {@code c} for up to {@code q} units has {@code f·(p − c)},
 * and cannot deliver more than {@code q}: a misreport that makes it sell more is never profitable
 * ({@code −∞}).
 */
public final class MisreportSearch {
    /**
     * The best misreport found for one agent.
     *
     * @param agent     the index of the agent's order in the book
     * @param truthful  its utility when it reports truthfully
     * @param best      its best utility over the misreports tried
     * @param price     the price of the best misreport
     * @param quantity  the quantity of the best misreport
     * @param tried     how many misreports were tried
     */
    public record Outcome(int agent, double truthful, double best, double price, double quantity, int tried) {
        /** {@return what the best misreport gains over the truth} */
        public double gain() {
            return best - truthful;
        }
    }

    private MisreportSearch() {
    }

    /**
     * The true utility of one agent in a result.
     *
     * @param r     a result
     * @param truth the agent's true order
     * @return currency
     */
    public static double utility(AuctionResult r, Order truth) {
        Fill f = r.fill(truth.id());
        if (f == null) {
            return 0;
        }
        double q = f.quantity();
        if (truth.buys()) {
            return Math.min(q, truth.quantity()) * truth.price() - q * f.price();
        }
        if (q > truth.quantity() * (1 + CallTestSupport.EXACT)) {
            return Double.NEGATIVE_INFINITY;
        }
        return q * (f.price() - truth.price());
    }

    /**
     * The misreport prices tried: {@code grid} prices evenly over the book's price range widened by 1
     * on each side, and every other order's price exactly and 1e-6 either side of it (where a
     * report changes rank).
     *
     * @param book  the true orders
     * @param agent the agent's index
     * @param grid  how many evenly spread prices
     * @return the prices
     */
    public static List<Double> prices(List<Order> book, int agent, int grid) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Order o : book) {
            lo = Math.min(lo, o.price());
            hi = Math.max(hi, o.price());
        }
        lo -= 1;
        hi += 1;
        List<Double> out = new ArrayList<>();
        for (int g = 0; g < grid; g++) {
            out.add(lo + (hi - lo) * g / (grid - 1));
        }
        for (int i = 0; i < book.size(); i++) {
            if (i != agent) {
                double p = book.get(i).price();
                out.add(p);
                out.add(p - 1e-6);
                out.add(p + 1e-6);
            }
        }
        return out;
    }

    /**
     * Runs the mechanism on every misreport {@code (price, factor × true quantity)} of one agent.
     *
     * @param mechanism the mechanism
     * @param options   its options
     * @param book      the true orders
     * @param agent     the index of the agent's order
     * @param prices    the prices to report
     * @param factors   the quantity factors to report (1 alone: price misreports only)
     * @return the best misreport
     */
    public static Outcome search(AuctionMechanism mechanism, AuctionOptions options, List<Order> book, int agent,
                                 List<Double> prices, double[] factors) {
        Order truth = book.get(agent);
        double truthful = utility(mechanism.run(CallTestSupport.file(book), options), truth);
        double best = truthful;
        double bestPrice = truth.price();
        double bestQuantity = truth.quantity();
        int tried = 0;
        List<Order> reported = new ArrayList<>(book);
        for (double p : prices) {
            for (double f : factors) {
                double q = f * truth.quantity();
                reported.set(agent, truth.amended(q, p, truth.time()));
                double u = utility(mechanism.run(CallTestSupport.file(reported), options), truth);
                tried++;
                if (u > best) {
                    best = u;
                    bestPrice = p;
                    bestQuantity = q;
                }
            }
        }
        return new Outcome(agent, truthful, best, bestPrice, bestQuantity, tried);
    }
}
