package org.peerclear.examples.extending;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.Fill;
import org.peerclear.auction.Match;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;

/** A discriminatory call auction: bids and asks matched in price order, each side at its own limit. */
public final class PayAsBidAuction implements AuctionMechanism {
    @Override
    public String name() {
        return "pay-as-bid";
    }

    @Override
    public String description() {
        return "call auction at each order's own limit; the auctioneer keeps the spread";
    }

    @Override
    public AuctionResult run(OrderFile orders, AuctionOptions options) {
        List<Order> bids = new ArrayList<>();
        List<Order> asks = new ArrayList<>();
        for (Order o : orders.orders()) {
            (o.buys() ? bids : asks).add(o);
        }
        bids.sort(Comparator.comparingDouble(Order::price).reversed().thenComparingLong(Order::time));
        asks.sort(Comparator.comparingDouble(Order::price).thenComparingLong(Order::time));
        List<Fill> fills = new ArrayList<>();
        List<Match> trades = new ArrayList<>();
        int b = 0;
        int a = 0;
        double bidLeft = bids.isEmpty() ? 0 : bids.get(0).quantity();
        double askLeft = asks.isEmpty() ? 0 : asks.get(0).quantity();
        while (b < bids.size() && a < asks.size() && bids.get(b).price() >= asks.get(a).price()) {
            Order bid = bids.get(b);
            Order ask = asks.get(a);
            double q = Math.min(bidLeft, askLeft);
            fills.add(new Fill(bid.id(), bid.agent(), bid.side(), q, bid.price()));
            fills.add(new Fill(ask.id(), ask.agent(), ask.side(), q, ask.price()));
            trades.add(new Match(bid.id(), ask.id(), q, bid.price(), 0));
            bidLeft -= q;
            askLeft -= q;
            if (bidLeft == 0 && ++b < bids.size()) {
                bidLeft = bids.get(b).quantity();
            }
            if (askLeft == 0 && ++a < asks.size()) {
                askLeft = asks.get(a).quantity();
            }
        }
        AuctionStatus status = trades.isEmpty() ? AuctionStatus.NO_TRADE : AuctionStatus.CLEARED;
        return AuctionResult.of(orders, name(), status, Double.NaN, Double.NaN, Double.NaN, fills, trades, List.of(),
                List.of(), Map.of());
    }
}
