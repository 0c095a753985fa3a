package org.peerclear.cli;

import java.math.BigDecimal;
import java.util.List;
import org.peerclear.ledger.Entry;

/**
 * A party's account in a ledger: its records (as payer, payee or signer) and the money they move.
 *
 * @param party the party
 * @param records how many records it takes part in
 * @param paid the sum of the amounts it pays
 * @param received the sum of the amounts it receives
 */
record PartyAccount(String party, int records, BigDecimal paid, BigDecimal received) {
    /**
     * Sums a party's records.
     *
     * @param party the party
     * @param history its records ({@link org.peerclear.ledger.Ledger#history})
     * @return its account
     */
    static PartyAccount of(String party, List<Entry> history) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        for (Entry e : history) {
            if (party.equals(e.record().payer())) {
                paid = paid.add(e.record().amount());
            }
            if (party.equals(e.record().payee())) {
                received = received.add(e.record().amount());
            }
        }
        return new PartyAccount(party, history.size(), paid, received);
    }

    /** {@return what it received less what it paid, as {@link org.peerclear.ledger.Ledger#balance} counts it} */
    BigDecimal balance() {
        return received.subtract(paid);
    }

    /**
     * What a record changes in this party's balance.
     *
     * @param e one of its records
     * @return the amount when it receives it, minus it when it pays, zero otherwise
     */
    BigDecimal change(Entry e) {
        BigDecimal c = BigDecimal.ZERO;
        if (party.equals(e.record().payee())) {
            c = c.add(e.record().amount());
        }
        if (party.equals(e.record().payer())) {
            c = c.subtract(e.record().amount());
        }
        return c;
    }
}
