package org.peerclear.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A measurement run by hand (not a test): appends N signed trades in batches, then verifies; prints the rates. */
public final class Throughput {
    private Throughput() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the ledger location, the number of records, the batch size
     */
    public static void main(String[] args) {
        long n = Long.parseLong(args[1]);
        int batch = Integer.parseInt(args[2]);
        Signer a = Signer.generate("alice");
        Signer b = Signer.generate("bob");
        try (Ledger l = Ledger.open(args[0])) {
            long t0 = System.nanoTime();
            for (long done = 0; done < n; done += batch) {
                List<Ledger.Pending> p = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    p.add(new Ledger.Pending(Record.trade("alice", "bob", new BigDecimal("1.25"),
                            "{\"period\":" + (done + i) % 96 + ",\"kwh\":0.5,\"price\":2.5}"), List.of(a, b)));
                }
                l.appendAll(p);
            }
            double append = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            VerifyReport r = l.verify();
            double verify = (System.nanoTime() - t1) / 1e9;
            System.out.printf("%s: %d records, batch %d: append %.1f s (%.0f records/s, 2 signatures each); verify %.1f s (%.0f records/s): %s%n",
                    args[0].startsWith("jdbc:postgresql") ? "postgresql" : "sqlite", n, batch, append, n / append, verify, n / verify, r);
        }
    }
}
