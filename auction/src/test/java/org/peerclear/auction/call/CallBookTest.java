package org.peerclear.auction.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The call auctions' book: ranks (price, then time, then position), and the crossing. */
class CallBookTest {
    @Test
    void ranksByPriceThenTimeThenPosition() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 5000;
        double[] price = new double[n];
        double[] quantity = new double[n];
        boolean[] buys = new boolean[n];
        long[] time = new long[n];
        for (int i = 0; i < n; i++) {
            // Few prices, some negative, and -0.0 beside 0.0: many ties; times out of file order, some equal.
            price[i] = rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? -0.0 : 0.0) : rnd.nextInt(21) - 10 + 0.25 * rnd.nextInt(4);
            quantity[i] = 1;
            buys[i] = rnd.nextBoolean();
            time[i] = rnd.nextInt(50) * 1_000_000_007L;
        }
        CallBook book = CallBook.of(price, quantity, buys, time);
        List<Integer> bids = new ArrayList<>();
        List<Integer> asks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (buys[i] ? bids : asks).add(i);
        }
        Comparator<Integer> byTime = Comparator.<Integer>comparingLong(i -> time[i]).thenComparingInt(i -> i);
        bids.sort(Comparator.<Integer>comparingDouble(i -> -(price[i] + 0.0)).thenComparing(byTime));
        asks.sort(Comparator.<Integer>comparingDouble(i -> price[i] + 0.0).thenComparing(byTime));
        assertThat(book.bidCount()).isEqualTo(bids.size());
        for (int r = 0; r < bids.size(); r++) {
            assertThat(book.bid(r)).as("bid rank %d", r).isEqualTo(bids.get(r));
            assertThat(book.bidPrice(r)).isEqualTo(price[bids.get(r)] + 0.0);
        }
        for (int r = 0; r < asks.size(); r++) {
            assertThat(book.ask(r)).as("ask rank %d", r).isEqualTo(asks.get(r));
        }
    }

    @Test
    void theCrossingIsTheLastBidAndAskReached() {
        // Bids 2@4, 1@3, 5@1 against asks 1@1, 4@2, 5@6: the curves part after 3 units.
        CallBook book = CallBook.of(new double[] {3, 4, 1, 2, 1, 6}, new double[] {1, 2, 5, 4, 1, 5},
                new boolean[] {true, true, true, false, false, false}, new long[6]);
        assertThat(book.crosses()).isTrue();
        assertThat(book.volume()).isEqualTo(3);
        assertThat(book.bid(book.marginalBid())).isEqualTo(0);
        assertThat(book.marginalBidFilled()).isTrue();
        assertThat(book.ask(book.marginalAsk())).isEqualTo(3);
        assertThat(book.marginalAskFilled()).isFalse();
        assertThat(book.bidsThrough(1)).isEqualTo(3);
        assertThat(book.orders()).isNull();
    }

    @Test
    void arraysAreChecked() {
        assertThatThrownBy(() -> CallBook.of(new double[] {1}, new double[] {0}, new boolean[] {true}, new long[1]))
                .hasMessageContaining("quantity[0]");
        assertThatThrownBy(() -> CallBook.of(new double[] {Double.NaN}, new double[] {1}, new boolean[] {true}, new long[1]))
                .hasMessageContaining("price[0]");
        assertThatThrownBy(() -> CallBook.of(new double[2], new double[] {1}, new boolean[] {true}, new long[1]))
                .hasMessageContaining("one length");
    }
}
