package org.peerclear.auction.discretise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.model.HorizonMarket;
import org.peerclear.order.OrderFile;

/**
 * A horizon cleared by auctions, one per period: the counterpart of clearing a day with the
 * optimisation, for comparing the two over a day. The periods are independent (each auction sees
 * only its period's orders, nothing is carried from one to the next), which is exact because a
 * horizon that can be discretised has no asset with memory ({@link CaseOrders#of(HorizonMarket, int)}
 * refuses those). Immutable; deterministic for deterministic mechanisms.
 */
public final class PeriodAuctions {
    private final List<CaseOrders> periods;

    private PeriodAuctions(List<CaseOrders> periods) {
        this.periods = periods;
    }

    /**
     * Discretises every period of a horizon.
     *
     * @param horizon the horizon
     * @param steps   K, as {@link CaseOrders#of(HorizonMarket, int)}
     * @return the periods' orders, ready to auction
     * @throws IllegalArgumentException as {@link CaseOrders#of(HorizonMarket, int)}: an asset with
     *                                  memory or a ramp limit, a range that excludes 0, {@code steps < 1}
     */
    public static PeriodAuctions of(HorizonMarket horizon, int steps) {
        return new PeriodAuctions(CaseOrders.of(Objects.requireNonNull(horizon, "horizon"), steps));
    }

    /**
     * Runs one mechanism on each period's orders, in period order.
     *
     * @param periods   one order file per period
     * @param mechanism the mechanism
     * @param options   its options, the same in every period
     * @return one result per period, in period order; unmodifiable
     * @throws IllegalArgumentException if the mechanism cannot take a period's orders (the message names the period)
     */
    public static List<AuctionResult> run(List<OrderFile> periods, AuctionMechanism mechanism, AuctionOptions options) {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(options, "options");
        List<AuctionResult> out = new ArrayList<>(periods.size());
        for (int t = 0; t < periods.size(); t++) {
            try {
                out.add(mechanism.run(periods.get(t), options));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("period " + t + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@return each period's orders and the way back to its assets, in period order} */
    public List<CaseOrders> periods() {
        return periods;
    }

    /**
     * Runs one mechanism on every period.
     *
     * @param mechanism the mechanism
     * @param options   its options, the same in every period
     * @return one result per period, in period order; unmodifiable
     * @throws IllegalArgumentException if the mechanism cannot take a period's orders (the message names the period)
     */
    public List<AuctionResult> run(AuctionMechanism mechanism, AuctionOptions options) {
        return run(periods.stream().map(CaseOrders::orders).toList(), mechanism, options);
    }

    /**
     * The true welfare of each period's auction ({@link CaseOrders#welfare(AuctionResult)}): what
     * a clearing's welfare of the same period is, on a case without fees.
     *
     * @param results one result per period, as {@link #run(AuctionMechanism, AuctionOptions)} gives them
     * @return currency per period, in period order
     * @throws IllegalArgumentException if there is not one result per period, or a result's fills are not of its period's orders
     */
    public double[] welfare(List<AuctionResult> results) {
        if (results.size() != periods.size()) {
            throw new IllegalArgumentException("need one result per period: " + periods.size() + " periods, got "
                    + results.size() + " results");
        }
        double[] w = new double[results.size()];
        for (int t = 0; t < w.length; t++) {
            w[t] = periods.get(t).welfare(results.get(t));
        }
        return w;
    }
}
