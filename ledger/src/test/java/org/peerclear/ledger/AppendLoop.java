package org.peerclear.ledger;

import java.math.BigDecimal;

/** A child process for the crash and multi-process tests: appends records and prints each acknowledged sequence and hash. */
public final class AppendLoop {
    private AppendLoop() {
    }

    /**
     * Appends to a ledger.
     *
     * @param args the ledger file, the number of records (0 for forever), a tag
     */
    public static void main(String[] args) {
        long n = Long.parseLong(args[1]);
        Signer a = Signer.generate("alice-" + args[2]);
        Signer b = Signer.generate("bob-" + args[2]);
        try (Ledger l = Ledger.open(args[0])) {
            for (long i = 0; n == 0 || i < n; i++) {
                Entry e = l.append(Record.trade(a.agent(), b.agent(), BigDecimal.ONE, "{\"i\":" + i + "}"), a, b);
                System.out.println(e.sequence() + " " + e.hash());
                System.out.flush();
            }
        }
    }
}
