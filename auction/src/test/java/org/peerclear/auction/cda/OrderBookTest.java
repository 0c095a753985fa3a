package org.peerclear.auction.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.peerclear.order.Side;

/** The book's semantics by hand, and against a naive reference book on random flows. */
class OrderBookTest {
    /** One trade as the listener saw it. */
    record T(int incoming, int resting, double quantity, double price, long time) {
    }

    private final List<T> trades = new ArrayList<>();
    private final OrderBook book = new OrderBook(4, (i, r, q, p, t) -> trades.add(new T(i, r, q, p, t)), null);

    @Test
    void restingOrdersDoNotTradeUntilTheyCross() {
        book.add(Side.BUY, 5.0, 1.0, 0);
        book.add(Side.SELL, 6.0, 1.0, 1);
        assertThat(trades).isEmpty();
        assertThat(book.bestBid()).isEqualTo(5.0);
        assertThat(book.bestAsk()).isEqualTo(6.0);
        assertThat(book.size()).isEqualTo(2);
    }

    @Test
    void equalPricesCrossAndTradeAtTheRestingPrice() {
        int s = book.add(Side.SELL, 4.0, 1.0, 0);
        int b = book.add(Side.BUY, 4.0, 1.0, 1);
        assertThat(b).isEqualTo(OrderBook.NONE);
        assertThat(trades).containsExactly(new T(trades.get(0).incoming(), s, 1.0, 4.0, 1));
        assertThat(book.size()).isZero();
        assertThat(book.bestAsk()).isNaN();
    }

    @Test
    void aMarketableOrderTradesAtTheRestingPriceNotItsOwn() {
        int s = book.add(Side.SELL, 3.0, 1.0, 0);
        book.add(Side.BUY, 9.0, 1.0, 1);
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).price()).isEqualTo(3.0);
        assertThat(trades.get(0).resting()).isEqualTo(s);
        trades.clear();
        int b = book.add(Side.BUY, 7.0, 1.0, 2);
        book.add(Side.SELL, 1.0, 1.0, 3);
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).price()).isEqualTo(7.0);
        assertThat(trades.get(0).resting()).isEqualTo(b);
    }

    @Test
    void bestPriceFirstThenOldestFirstWithPartialFills() {
        int a1 = book.add(Side.SELL, 5.0, 1.0, 0);
        int a2 = book.add(Side.SELL, 4.0, 1.0, 1);
        int a3 = book.add(Side.SELL, 4.0, 2.0, 2);
        int a4 = book.add(Side.SELL, 6.0, 1.0, 3);
        int b = book.add(Side.BUY, 5.0, 3.5, 4);
        // 4.0 level first, a2 (older) before a3; then 5.0 (a1) takes the last half; 6.0 does not cross.
        assertThat(trades).extracting(T::resting).containsExactly(a2, a3, a1);
        assertThat(trades).extracting(T::quantity).containsExactly(1.0, 2.0, 0.5);
        assertThat(trades).extracting(T::price).containsExactly(4.0, 4.0, 5.0);
        assertThat(b).isEqualTo(OrderBook.NONE);
        assertThat(book.isLive(a1)).isTrue();
        assertThat(book.remaining(a1)).isEqualTo(0.5);
        assertThat(book.isLive(a2)).isFalse();
        assertThat(book.isLive(a3)).isFalse();
        assertThat(book.bestAsk()).isEqualTo(5.0);
        assertThat(book.levels(Side.SELL)).isEqualTo(2);
        assertThat(book.quantityAt(Side.SELL, 6.0)).isEqualTo(1.0);
        assertThat(book.isLive(a4)).isTrue();
    }

    @Test
    void whatIsLeftOfAnIncomingOrderRests() {
        book.add(Side.SELL, 4.0, 1.0, 0);
        int b = book.add(Side.BUY, 4.5, 3.0, 1);
        assertThat(trades).hasSize(1);
        assertThat(book.isLive(b)).isTrue();
        assertThat(book.remaining(b)).isEqualTo(2.0);
        assertThat(book.bestBid()).isEqualTo(4.5);
        assertThat(book.bestAsk()).isNaN();
    }

    @Test
    void cancelRemovesTheOrderAndItsEmptyLevel() {
        int a = book.add(Side.BUY, 5.0, 1.0, 0);
        int b = book.add(Side.BUY, 5.0, 1.0, 1);
        int c = book.add(Side.BUY, 4.0, 1.0, 2);
        assertThat(book.cancel(a)).isTrue();
        assertThat(book.cancel(a)).isFalse();
        assertThat(book.queueAt(Side.BUY, 5.0)).containsExactly(b);
        assertThat(book.cancel(b)).isTrue();
        assertThat(book.levels(Side.BUY)).isEqualTo(1);
        assertThat(book.bestBid()).isEqualTo(4.0);
        // A cancelled order no longer trades.
        book.add(Side.SELL, 3.0, 5.0, 3);
        assertThat(trades).extracting(T::resting).containsExactly(c);
        assertThat(book.bestAsk()).isEqualTo(3.0);
        assertThat(book.remaining(trades.get(0).incoming())).isEqualTo(4.0);
    }

    @Test
    void amendmentThatOnlyLowersQuantityKeepsPriority() {
        int a = book.add(Side.SELL, 5.0, 2.0, 0);
        int b = book.add(Side.SELL, 5.0, 2.0, 1);
        assertThat(book.amend(a, 1.0, 5.0, 2)).isTrue();
        assertThat(book.queueAt(Side.SELL, 5.0)).containsExactly(a, b);
        assertThat(book.quantityAt(Side.SELL, 5.0)).isEqualTo(3.0);
        assertThat(book.time(a)).isEqualTo(0);
        book.add(Side.BUY, 5.0, 1.5, 3);
        assertThat(trades).extracting(T::resting).containsExactly(a, b);
        assertThat(trades).extracting(T::quantity).containsExactly(1.0, 0.5);
    }

    @Test
    void amendmentThatRaisesQuantityLosesPriority() {
        int a = book.add(Side.SELL, 5.0, 2.0, 0);
        int b = book.add(Side.SELL, 5.0, 2.0, 1);
        assertThat(book.amend(a, 3.0, 5.0, 2)).isTrue();
        assertThat(book.queueAt(Side.SELL, 5.0)).containsExactly(b, a);
        assertThat(book.time(a)).isEqualTo(2);
        book.add(Side.BUY, 5.0, 3.0, 3);
        assertThat(trades).extracting(T::resting).containsExactly(b, a);
        assertThat(trades).extracting(T::quantity).containsExactly(2.0, 1.0);
        assertThat(book.remaining(a)).isEqualTo(2.0);
    }

    @Test
    void amendmentThatChangesPriceLosesPriorityEvenWhenItLowersQuantity() {
        int a = book.add(Side.BUY, 5.0, 2.0, 0);
        int b = book.add(Side.BUY, 4.0, 2.0, 1);
        // Down to 4.0 and 1.0: it joins the 4.0 level behind b.
        book.amend(a, 1.0, 4.0, 2);
        assertThat(book.levels(Side.BUY)).isEqualTo(1);
        assertThat(book.queueAt(Side.BUY, 4.0)).containsExactly(b, a);
        assertThat(book.quantityAt(Side.BUY, 4.0)).isEqualTo(3.0);
    }

    @Test
    void anAmendmentThatCrossesTradesAtOnceAtTheRestingPrice() {
        int s = book.add(Side.SELL, 6.0, 1.0, 0);
        int b = book.add(Side.BUY, 5.0, 2.0, 1);
        book.amend(b, 2.0, 6.5, 7);
        assertThat(trades).containsExactly(new T(b, s, 1.0, 6.0, 7));
        assertThat(book.isLive(b)).isTrue();
        assertThat(book.remaining(b)).isEqualTo(1.0);
        assertThat(book.bestBid()).isEqualTo(6.5);
    }

    @Test
    void amendingOrCancellingALeftOrderDoesNothing() {
        int s = book.add(Side.SELL, 6.0, 1.0, 0);
        book.add(Side.BUY, 6.0, 1.0, 1);
        assertThat(book.amend(s, 1.0, 6.0, 2)).isFalse();
        assertThat(book.cancel(s)).isFalse();
        assertThat(book.size()).isZero();
    }

    @Test
    void invalidOrdersAreRefused() {
        assertThatThrownBy(() -> book.add(Side.BUY, Double.NaN, 1.0, 0)).hasMessageContaining("price");
        assertThatThrownBy(() -> book.add(Side.BUY, 1.0, 0.0, 0)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> new OrderBook(1, null, null)).hasMessageContaining("listener");
    }

    @Test
    void freedSlotsAreReusedSoTheArraysStopGrowing() {
        int first = book.add(Side.BUY, 1.0, 1.0, 0);
        book.cancel(first);
        for (int k = 1; k < 1000; k++) {
            int h = book.add(Side.BUY, 1.0 + k % 7, 1.0, k);
            assertThat(h).isEqualTo(first); // the freed slot, every time
            book.cancel(h);
        }
        assertThat(book.size()).isZero();
        assertThat(book.levels(Side.BUY)).isZero();
    }

    @Test
    void aFilterCanCutOrVetoMatchesAndTheIncomingOrderWalksOn() {
        List<T> seen = new ArrayList<>();
        OrderBook[] ref = new OrderBook[1];
        // Refuse any trade with the resting order tagged 1; allow half of anything else.
        OrderBook f = new OrderBook(4, (i, r, q, p, t) -> seen.add(new T(i, r, q, p, t)),
                (i, r, q, p) -> ref[0].tag(r) == 1 ? 0 : q / 2);
        ref[0] = f;
        int a = f.add(Side.SELL, 4.0, 2.0, 0, 1);
        int b = f.add(Side.SELL, 4.0, 2.0, 1, 2);
        int c = f.add(Side.SELL, 5.0, 2.0, 2, 3);
        int x = f.add(Side.BUY, 5.0, 2.0, 3, 4);
        // a refused; b: min(2, 2) = 2 → 1 allowed; c: min(1, 2) = 1 → 0.5 allowed; 0.5 of x rests, crossing a.
        assertThat(seen).extracting(T::resting).containsExactly(b, c);
        assertThat(seen).extracting(T::quantity).containsExactly(1.0, 0.5);
        assertThat(f.remaining(a)).isEqualTo(2.0);
        assertThat(f.remaining(b)).isEqualTo(1.0);
        assertThat(f.remaining(c)).isEqualTo(1.5);
        assertThat(f.isLive(x)).isTrue();
        assertThat(f.remaining(x)).isEqualTo(0.5);
        assertThat(f.bestBid()).isGreaterThan(f.bestAsk());
    }

    /**
     * Random flows of adds, cancels, amendments of both kinds and marketable orders, against a
     * naive book (lists sorted by price and arrival on every operation): same trades, same
     * resting orders, in every step.
     */
    @Test
    void agreesWithANaiveBookOnRandomFlows() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<T> got = new ArrayList<>();
            OrderBook fast = new OrderBook(2, (i, r, q, p, t) -> got.add(new T(i, r, q, p, t)), null);
            NaiveBook slow = new NaiveBook();
            List<int[]> live = new ArrayList<>(); // {fast handle, naive id}
            for (int step = 0; step < 3000; step++) {
                int op = rnd.nextInt(100);
                got.clear();
                slow.trades.clear();
                if (op < 55 || live.isEmpty()) {
                    Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                    double price = 90 + rnd.nextInt(21); // integral prices: many equal-price levels
                    double qty = 1 + rnd.nextInt(5);
                    int h = fast.add(side, price, qty, step, step);
                    slow.add(step, side == Side.BUY, price, qty, step);
                    if (h != OrderBook.NONE) {
                        live.add(new int[] {h, step});
                    }
                } else if (op < 75) {
                    int[] o = live.get(rnd.nextInt(live.size()));
                    assertThat(fast.cancel(o[0])).isEqualTo(slow.cancel(o[1]));
                } else {
                    int[] o = live.get(rnd.nextInt(live.size()));
                    if (fast.isLive(o[0])) {
                        double rem = fast.remaining(o[0]);
                        boolean keep = rnd.nextBoolean();
                        double qty = keep ? Math.max(0.5, rem - 1) : 1 + rnd.nextInt(5);
                        double price = keep ? fast.price(o[0]) : 90 + rnd.nextInt(21);
                        fast.amend(o[0], qty, price, step);
                        slow.amend(o[1], qty, price, step);
                    }
                }
                // The same trades: incoming and resting orders by their naive ids (fast tags), quantities, prices.
                assertThat(got).hasSameSizeAs(slow.trades);
                for (int k = 0; k < got.size(); k++) {
                    T g = got.get(k);
                    double[] s = slow.trades.get(k);
                    assertThat(new double[] {fast.tag(g.incoming()), fast.tag(g.resting()), g.quantity(), g.price(), g.time()})
                            .as("seed %d step %d trade %d", seed, step, k).containsExactly(s);
                }
                live.removeIf(o -> !fast.isLive(o[0]) || fast.tag(o[0]) != o[1]);
                assertThat(fast.size()).isEqualTo(slow.size());
                for (int p = 90; p <= 110; p++) {
                    // Quantities are multiples of 0.5: the level sums are exact.
                    assertThat(fast.quantityAt(Side.BUY, p)).isEqualTo(slow.quantityAt(true, p));
                    assertThat(fast.quantityAt(Side.SELL, p)).isEqualTo(slow.quantityAt(false, p));
                }
                assertThat(Double.valueOf(fast.bestBid())).isEqualTo(Double.valueOf(slow.best(true)));
                assertThat(Double.valueOf(fast.bestAsk())).isEqualTo(Double.valueOf(slow.best(false)));
            }
        }
    }

    /** The reference: a list of resting orders, searched linearly; priority by (price, arrival counter). */
    private static final class NaiveBook {
        final List<double[]> resting = new ArrayList<>(); // {id, buy, price, remaining, arrival}
        final List<double[]> trades = new ArrayList<>();  // {incoming id, resting id, qty, price, time}
        long arrivals;

        void add(int id, boolean buy, double price, double qty, long time) {
            double left = match(id, buy, price, qty, time);
            if (left > 0) {
                resting.add(new double[] {id, buy ? 1 : 0, price, left, arrivals++});
            }
        }

        double match(int id, boolean buy, double price, double qty, long time) {
            double left = qty;
            while (left > 0) {
                double[] best = null;
                for (double[] o : resting) {
                    boolean opposite = (o[1] == 1) != buy;
                    boolean crosses = buy ? o[2] <= price : o[2] >= price;
                    if (opposite && crosses && (best == null || better(o, best, buy))) {
                        best = o;
                    }
                }
                if (best == null) {
                    break;
                }
                double q = Math.min(left, best[3]);
                left -= q;
                best[3] -= q;
                trades.add(new double[] {id, best[0], q, best[2], time});
                if (best[3] <= 0) {
                    resting.remove(best);
                }
            }
            return left;
        }

        static boolean better(double[] a, double[] b, boolean incomingBuys) {
            if (a[2] != b[2]) {
                return incomingBuys ? a[2] < b[2] : a[2] > b[2];
            }
            return a[4] < b[4];
        }

        boolean cancel(int id) {
            return resting.removeIf(o -> o[0] == id);
        }

        void amend(int id, double qty, double price, long time) {
            for (double[] o : resting) {
                if (o[0] == id) {
                    if (price == o[2] && qty <= o[3]) {
                        o[3] = qty;
                        return;
                    }
                    resting.remove(o);
                    add(id, o[1] == 1, price, qty, time);
                    return;
                }
            }
        }

        double quantityAt(boolean bids, double price) {
            double q = 0;
            for (double[] o : resting) {
                q += (o[1] == 1) == bids && o[2] == price ? o[3] : 0;
            }
            return q;
        }

        int size() {
            return resting.size();
        }

        double best(boolean bids) {
            double b = Double.NaN;
            for (double[] o : resting) {
                if ((o[1] == 1) == bids && (Double.isNaN(b) || (bids ? o[2] > b : o[2] < b))) {
                    b = o[2];
                }
            }
            return b;
        }
    }
}
