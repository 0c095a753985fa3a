package org.peerclear.benchmarks.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.Signer;
import org.peerclear.ledger.VerifyReport;

/**
 * A one-off measurement at scale (not a JMH benchmark, not a test): appends N signed records in
 * batches, one transaction per batch, then verifies the whole ledger, and prints the rates and the
 * database's size.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.peerclear.benchmarks.ledger.LedgerThroughput
 * LEDGER RECORDS [BATCH [SIGNERS [THREADS]]]}, where {@code LEDGER} is a new SQLite file or a
 * {@code jdbc:postgresql:} URL of an empty database, {@code BATCH} defaults to 1000, {@code SIGNERS}
 * (signatures per record, 1 or 2) to 2 and {@code THREADS} to the ledger's default (the number of
 * processors). The records are {@link LedgerBenchmark}'s.
 */
public final class LedgerThroughput {
    private LedgerThroughput() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the ledger, the number of records, the batch size, the signers per record, the threads
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: LedgerThroughput LEDGER RECORDS [BATCH [SIGNERS [THREADS]]]");
            System.exit(2);
        }
        String location = args[0];
        long n = Long.parseLong(args[1]);
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int signers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Signer alice = Signer.generate("alice");
        Signer bob = Signer.generate("bob");
        Signer operator = Signer.generate("operator");
        try (Ledger l = Ledger.open(location)) {
            if (args.length > 4) {
                l.setThreads(Integer.parseInt(args[4]));
            }
            if (l.size() != 0) {
                throw new IllegalArgumentException(location + " is not empty");
            }
            long t0 = System.nanoTime();
            long step = Math.max(n / 10, batch);
            for (long done = 0; done < n; ) {
                int k = (int) Math.min(batch, n - done);
                List<Ledger.Pending> p = LedgerBenchmark.batch(k, signers, alice, bob, operator, done);
                l.appendAll(p);
                done += k;
                if (done % step < k || done == n) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.err.printf(Locale.ROOT, "# appended %d in %.1f s (%.0f records/s)%n", done, s, done / s);
                }
            }
            double append = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            VerifyReport r = l.verify();
            double verify = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "%s, %d records, batches of %d, %d signature(s) each, %d thread(s), %d cores:%n",
                    l.isSqlite() ? "sqlite" : "postgresql", n, batch, signers, l.threads(), Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "  append %.1f s: %.0f records/s%n", append, n / append);
            System.out.printf(Locale.ROOT, "  verify %.1f s: %.0f records/s: %s%n", verify, n / verify, r);
            if (l.isSqlite()) {
                System.out.printf(Locale.ROOT, "  database %.1f MiB (%s and its -wal file)%n", sqliteBytes(location) / 1048576.0, location);
            }
            if (!r.ok() || r.records() != n) {
                throw new IllegalStateException("the ledger does not verify: " + r);
            }
        }
    }

    private static long sqliteBytes(String location) {
        String file = location.startsWith("jdbc:sqlite:") ? location.substring("jdbc:sqlite:".length()) : location;
        long bytes = 0;
        for (String suffix : new String[] {"", "-wal"}) {
            Path p = Path.of(file + suffix);
            try {
                if (Files.exists(p)) {
                    bytes += Files.size(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }
}
