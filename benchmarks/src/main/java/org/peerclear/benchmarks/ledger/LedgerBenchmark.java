package org.peerclear.benchmarks.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.peerclear.ledger.Entry;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.Record;
import org.peerclear.ledger.Signer;
import org.peerclear.ledger.VerifyReport;

/**
 * The settlement ledger ({@link Ledger}) on an SQLite file in the system's temporary directory,
 * per record (each invocation handles {@value #RECORDS} records, so the scores are microseconds
 * per record; records per second = 10^6 / score):
 * <ul>
 *   <li>{@link #append}: {@link Ledger#appendAll} of a batch of {@value #RECORDS} records in one
 *       transaction, each signed with Ed25519 by {@code signers} agents (2: a trade signed by buyer
 *       and seller; 1: a bill signed by the operator). The ledger grows by a batch per invocation.</li>
 *   <li>{@link #verify}: {@link Ledger#verify()} of a ledger of {@value #RECORDS} such records (the
 *       chain recomputed, every signature checked).</li>
 * </ul>
 * Both are bound by Ed25519 (the JDK's), some 0.6 ms per signature or check on one core of this
 * machine; {@code threads} sets how many threads share that work.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LedgerBenchmark} and read the
 * {@code p0.50} lines. For 10^6 records, see {@link LedgerThroughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LedgerBenchmark {
    /** The records per invocation: the batch appended, and the size of the ledger verified. */
    public static final int RECORDS = 1000;

    /** Signatures per record: 2 (a trade) or 1 (a bill). */
    @Param({"2", "1"})
    public int signers;

    /** The threads that sign and check signatures ({@link Ledger#setThreads}); 1 is the sequential path. */
    @Param({"1", "2"})
    public int threads;

    private Path dir;
    private Ledger appended;
    private Ledger verified;
    private List<Ledger.Pending> batch;

    /** Creates the two ledgers and fills the one that is verified. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = Files.createTempDirectory("peerclear-ledger-bench");
        batch = batch(RECORDS, signers, Signer.generate("alice"), Signer.generate("bob"), Signer.generate("operator"), 0);
        appended = Ledger.open(dir.resolve("append.db"));
        appended.setThreads(threads);
        verified = Ledger.open(dir.resolve("verify.db"));
        verified.setThreads(threads);
        verified.appendAll(batch);
    }

    /**
     * A batch of records: trades between alice and bob (2 signers) or bills from the operator (1 signer).
     *
     * @param n how many
     * @param signers 1 or 2
     * @param alice the buyer
     * @param bob the seller
     * @param operator the bills' issuer
     * @param from the first record's index, which goes into its payload
     * @return the records with their signers
     */
    static List<Ledger.Pending> batch(int n, int signers, Signer alice, Signer bob, Signer operator, long from) {
        List<Ledger.Pending> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long k = from + i;
            String payload = "{\"period\":" + k % 96 + ",\"kwh\":0.5,\"price\":2.5,\"i\":" + k + "}";
            if (signers == 2) {
                out.add(new Ledger.Pending(Record.trade(alice.agent(), bob.agent(), new BigDecimal("1.25"), payload),
                        List.of(alice, bob)));
            } else if (signers == 1) {
                out.add(new Ledger.Pending(Record.bill(alice.agent(), bob.agent(), new BigDecimal("1.25"), payload,
                        operator.agent()), List.of(operator)));
            } else {
                throw new IllegalArgumentException("signers: 1 or 2, not " + signers);
            }
        }
        return out;
    }

    /** Closes the ledgers and deletes their files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        appended.close();
        verified.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Appends a batch in one transaction.
     *
     * @return the entries
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<Entry> append() {
        return appended.appendAll(batch);
    }

    /**
     * Verifies the whole ledger.
     *
     * @return the report
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public VerifyReport verify() {
        VerifyReport r = verified.verify();
        if (!r.ok() || r.records() != RECORDS) {
            throw new IllegalStateException("the benchmark's ledger does not verify: " + r);
        }
        return r;
    }
}
