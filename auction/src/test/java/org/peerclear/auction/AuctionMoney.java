package org.peerclear.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.peerclear.order.Side;

/**
 * Money conservation of a mechanism that matches pairs at one price each (the continuous auction,
 * the uniform call auction), checked from the result's own two records: every order's fill carries
 * exactly the quantity and the money of its matches, and since a match's buyer pays what its
 * seller receives, the auctioneer keeps nothing. (The bills themselves are the settlement
 * module's, which depends on this one and is tested there.)
 */
public final class AuctionMoney {
    private AuctionMoney() {
    }

    /**
     * Asserts that the fills are the sums of the matches and the surplus is zero.
     *
     * @param r        a result whose mechanism matches pairs
     * @param relative the tolerance, relative to the money that changed hands (at least 1)
     */
    public static void assertFillsCarryTheMatches(AuctionResult r, double relative) {
        double paid = r.fills().stream().filter(f -> f.side() == Side.BUY).mapToDouble(Fill::payment).sum();
        double scale = relative * Math.max(1, paid);
        for (Fill f : r.fills()) {
            double q = 0;
            double money = 0;
            for (Match m : r.trades()) {
                if (m.buyOrder().equals(f.order()) || m.sellOrder().equals(f.order())) {
                    q += m.quantity();
                    money += m.quantity() * m.price();
                }
            }
            assertThat(q).as("quantity of %s's matches", f.order()).isCloseTo(f.quantity(), within(relative * Math.max(1, q)));
            assertThat(money).as("money of %s's matches", f.order()).isCloseTo(f.payment(), within(scale));
        }
        assertThat(r.surplus()).as("what the auctioneer keeps").isCloseTo(0.0, within(scale));
    }
}
