package org.peerclear.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.peerclear.ledger.Entry;

/** {@code ledger show} as plain-text tables: amounts are exact decimals, columns padded to fit. */
final class LedgerShowText {
    private LedgerShowText() {
    }

    /**
     * One party's records, then its balance.
     *
     * @param out where to print
     * @param ledger the ledger's name
     * @param account the party's account
     * @param history its records
     */
    static void party(PrintWriter out, String ledger, PartyAccount account, List<Entry> history) {
        out.println("ledger " + ledger + ", party " + account.party() + ": " + history.size() + " records");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"seq", "kind", "payer", "payee", "amount", "change", "what"});
        for (Entry e : history) {
            rows.add(new String[] {Long.toString(e.sequence()), e.record().kind().name(), e.record().payer(), e.record().payee(),
                e.record().amount().toPlainString(), account.change(e).toPlainString(), SettlementPayload.summary(e.record())});
        }
        table(out, rows);
        out.println("balance (received - paid): " + account.balance().toPlainString() + " (received "
                + account.received().toPlainString() + ", paid " + account.paid().toPlainString() + ")");
        out.flush();
    }

    /**
     * Every party's account.
     *
     * @param out where to print
     * @param ledger the ledger's name
     * @param size how many records the ledger holds
     * @param accounts the accounts
     */
    static void parties(PrintWriter out, String ledger, long size, List<PartyAccount> accounts) {
        out.println("ledger " + ledger + ": " + size + " records, " + accounts.size() + " parties in its settlements");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"party", "records", "paid", "received", "balance"});
        for (PartyAccount a : accounts) {
            rows.add(new String[] {a.party(), Integer.toString(a.records()), a.paid().toPlainString(), a.received().toPlainString(),
                a.balance().toPlainString()});
        }
        table(out, rows);
        out.flush();
    }

    /** Left-aligned columns two spaces apart; the last column is not padded. */
    private static void table(PrintWriter out, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(r[i]);
                if (i < r.length - 1) {
                    b.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            out.println(b);
        }
    }
}
