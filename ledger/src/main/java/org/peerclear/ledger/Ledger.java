package org.peerclear.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, hash-chained, signed ledger of {@link Record}s in a relational database: an embedded
 * SQLite file by default ({@code Ledger.open("settlement.db")}), or PostgreSQL by a JDBC URL
 * ({@code Ledger.open("jdbc:postgresql://host/db?user=...")}); both use the same schema.
 *
 * <h2>Chain and canonical encoding</h2>
 * Record number {@code n} (from 1) has hash {@code H(n) = SHA-256(E(n))}, where {@code E(n)} is the
 * concatenation, in this order, of:
 * <ol>
 * <li>the ASCII bytes {@code PEERCLEAR-LEDGER-1};</li>
 * <li>the sequence number {@code n}, 8 bytes big-endian;</li>
 * <li>the previous hash {@code H(n-1)}, 32 raw bytes (32 zero bytes for record 1);</li>
 * <li>each of the strings kind (the {@link Kind} name), payer, payee, amount (the normalised decimal
 * in plain notation, e.g. {@code 12.5}, {@code 0}, {@code -3}) and payload, each as a 4-byte big-endian
 * byte length followed by its UTF-8 bytes;</li>
 * <li>the number of signers, 4 bytes big-endian, then each signer's identifier as a length-prefixed
 * UTF-8 string.</li>
 * </ol>
 * Each listed signer signs the 32 raw bytes of {@code H(n)} with Ed25519; because the hash covers the
 * sequence number and the previous hash, a signature cannot be moved to another place in the chain
 * (a replayed or reordered record fails). The row stores the signer's public key (X.509, base64)
 * beside the signature (base64).
 *
 * <h2>What {@link #verify()} checks</h2>
 * Sequence numbers run 1, 2, 3, ... without a gap; each row's previous hash equals the previous row's
 * hash; each row's hash equals the recomputed {@code H(n)}; each record's fields are well formed (a
 * trade lists its payer and payee as signers); there is exactly one valid signature per listed signer,
 * made with that agent's key: the key given in the trusted-key map ({@link #verify(Map)}), or else
 * the key the agent first signed with in this ledger (trust on first use); and the stored head (count
 * and last hash, updated in the same transaction as every append) matches the last record, so a
 * deleted last record is detected. Deleting records from the end <em>and</em> rewriting the head
 * cannot be detected from the database alone: compare {@link VerifyReport#headHash()} with a copy
 * kept elsewhere.
 *
 * <h2>Concurrency</h2>
 * Appends run in a transaction whose first statement writes the head row (taking SQLite's write lock,
 * or PostgreSQL's lock on that row, at once), then reads the last record and inserts rows whose
 * sequence number is the table's primary key; a concurrent append that took the same number anyway
 * fails on the key and is retried. On SQLite, in WAL mode with a busy timeout, threads and processes
 * sharing one file take turns; transactions begin deferred, so an open ledger that is not appending
 * holds no lock, and reads (verify, history) see a snapshot without stopping writers. A {@code Ledger} object itself
 * is safe for use by several threads (its methods are synchronized; open one per thread for parallelism).
 *
 * <h2>Threads</h2>
 * Ed25519 dominates the cost of appending and verifying (some 0.6 ms per signature or check on one
 * core). {@link #appendAll(List)} computes a batch's hashes in chain order and then signs them on
 * {@link #threads()} threads (by default one per processor); {@link #verify(Map)} reads and checks
 * the records in order on the calling thread while the signatures of the records read so far are
 * checked on those threads, and reports the first bad record by sequence number, with the same
 * reason as when everything runs on one thread. The threads are the ledger's own (daemon threads,
 * started when first needed and ended by {@link #close()}).
 */
public final class Ledger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final byte[] MAGIC = "PEERCLEAR-LEDGER-1".getBytes(StandardCharsets.US_ASCII);
    /** The hash before the first record: 64 hexadecimal zeros. */
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();
    private static final int RETRIES = 1000;
    /** Records read by verify before their signatures are handed to the threads. */
    private static final int CHUNK = 512;
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final Connection connection;
    private final boolean sqlite;
    private final String location;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int chunk = CHUNK;
    private ThreadPoolExecutor pool;

    private Ledger(Connection connection, boolean sqlite, String location) {
        this.connection = connection;
        this.sqlite = sqlite;
        this.location = location;
    }

    /**
     * Opens a ledger, creating its tables when they do not exist yet.
     *
     * @param pathOrJdbcUrl a file path (an SQLite database, created when absent) or a JDBC URL
     *     ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...})
     * @return the open ledger; close it
     */
    public static Ledger open(String pathOrJdbcUrl) {
        Objects.requireNonNull(pathOrJdbcUrl, "pathOrJdbcUrl");
        String url = pathOrJdbcUrl.startsWith("jdbc:") ? pathOrJdbcUrl : "jdbc:sqlite:" + pathOrJdbcUrl;
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        try {
            Connection c;
            if (sqlite) {
                Properties p = new Properties();
                p.setProperty("journal_mode", "WAL");
                p.setProperty("synchronous", "FULL");
                p.setProperty("busy_timeout", "60000");
                // Deferred (the default): with autocommit off the driver begins the next transaction as
                // soon as one ends, and an IMMEDIATE one would hold the write lock while the ledger is idle.
                p.setProperty("transaction_mode", "DEFERRED");
                c = DriverManager.getConnection(url, p);
            } else {
                c = DriverManager.getConnection(url);
            }
            Ledger l = new Ledger(c, sqlite, url.replaceAll("(?i)password=[^&]*", "password=***"));
            l.createTables();
            return l;
        } catch (SQLException e) {
            throw new LedgerException("cannot open ledger " + pathOrJdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an SQLite ledger file.
     *
     * @param file the database file, created when absent
     * @return the open ledger
     */
    public static Ledger open(Path file) {
        return open(file.toString());
    }

    private void createTables() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ledger_record (seq BIGINT PRIMARY KEY, kind VARCHAR(32) NOT NULL,"
                    + " payer VARCHAR(200) NOT NULL, payee VARCHAR(200) NOT NULL, amount VARCHAR(100) NOT NULL,"
                    + " payload TEXT NOT NULL, signers TEXT NOT NULL, signatures TEXT NOT NULL,"
                    + " prev_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS ledger_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash CHAR(64) NOT NULL)");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, '" + GENESIS + "')");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback(); // the head row exists already
        }
    }

    /**
     * A record with the signers that sign it, for {@link #appendAll(List)}.
     *
     * @param record the record
     * @param signers one signer per agent the record lists
     */
    public record Pending(Record record, List<Signer> signers) {
        /**
         * Copies the list.
         *
         * @param record the record
         * @param signers the signers
         */
        public Pending {
            Objects.requireNonNull(record, "record");
            signers = List.copyOf(signers);
        }
    }

    /**
     * Appends one record, signed by the given signers (one per listed signer, in any order).
     *
     * @param record the record
     * @param signers the signers
     * @return the stored entry
     */
    public Entry append(Record record, Signer... signers) {
        return appendAll(List.of(new Pending(record, List.of(signers)))).get(0);
    }

    /**
     * Appends records in one transaction: all are stored, consecutively, or none.
     *
     * @param batch the records and their signers
     * @return the stored entries, in order
     */
    public synchronized List<Entry> appendAll(List<Pending> batch) {
        List<Map<String, Signer>> bySigner = new ArrayList<>();
        for (Pending p : batch) {
            Map<String, Signer> m = new HashMap<>();
            for (Signer s : p.signers()) {
                m.put(s.agent(), s);
            }
            for (String a : p.record().signers()) {
                if (!m.containsKey(a)) {
                    throw new IllegalArgumentException("no signer given for " + a);
                }
            }
            bySigner.add(m);
        }
        SQLException last = null;
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            try {
                List<Entry> out = tryAppend(batch, bySigner);
                connection.commit();
                return out;
            } catch (SQLException e) {
                rollbackQuietly();
                if (!isConflict(e)) {
                    throw new LedgerException("cannot append to " + location + ": " + e.getMessage(), e);
                }
                last = e;
                LOG.debug("append conflict on {}, retrying: {}", location, e.getMessage());
                Thread.onSpinWait();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(); // a signer failed: nothing is stored, and the write lock is released
                throw e;
            }
        }
        throw new LedgerException("append kept conflicting on " + location, last);
    }

    private List<Entry> tryAppend(List<Pending> batch, List<Map<String, Signer>> bySigner) throws SQLException {
        // A write first: SQLite's write lock (waiting out the busy timeout) or the head row's lock, before any read.
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE ledger_head SET seq = seq WHERE id = 1");
        }
        long seq;
        String prev;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM ledger_record ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1);
                prev = rs.getString(2);
            } else {
                seq = 0;
                prev = GENESIS;
            }
        }
        // The hashes in chain order; then every signature, each task writing its own slot.
        int n = batch.size();
        byte[][] hashes = new byte[n][];
        int[] first = new int[n + 1];
        Hasher hasher = new Hasher();
        byte[] previous = HEX.parseHex(prev);
        for (int i = 0; i < n; i++) {
            Record r = batch.get(i).record();
            hashes[i] = hasher.hash(seq + 1 + i, previous, r);
            previous = hashes[i];
            first[i + 1] = first[i] + r.signers().size();
        }
        Signer[] who = new Signer[first[n]];
        byte[][] what = new byte[first[n]][];
        for (int i = 0; i < n; i++) {
            List<String> agents = batch.get(i).record().signers();
            for (int j = 0; j < agents.size(); j++) {
                who[first[i] + j] = bySigner.get(i).get(agents.get(j));
                what[first[i] + j] = hashes[i];
            }
        }
        byte[][] signatures = new byte[first[n]][];
        inParallel(first[n], k -> signatures[k] = who[k].sign(what[k]));
        List<Entry> out = new ArrayList<>(n);
        try (PreparedStatement ins = connection.prepareStatement("INSERT INTO ledger_record"
                + " (seq, kind, payer, payee, amount, payload, signers, signatures, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < n; i++) {
                Record r = batch.get(i).record();
                seq++;
                List<Entry.SignatureEntry> sigs = new ArrayList<>(r.signers().size());
                for (int j = 0; j < r.signers().size(); j++) {
                    sigs.add(new Entry.SignatureEntry(r.signers().get(j), who[first[i] + j].publicKeyBase64(),
                            b64(signatures[first[i] + j])));
                }
                Entry e = new Entry(seq, r, prev, HEX.formatHex(hashes[i]), sigs);
                ins.setLong(1, seq);
                ins.setString(2, r.kind().name());
                ins.setString(3, r.payer());
                ins.setString(4, r.payee());
                ins.setString(5, r.amount().toPlainString());
                ins.setString(6, r.payload());
                ins.setString(7, String.join(",", r.signers()));
                ins.setString(8, encodeSignatures(sigs));
                ins.setString(9, prev);
                ins.setString(10, e.hash());
                ins.addBatch();
                out.add(e);
                prev = e.hash();
            }
            ins.executeBatch();
        }
        try (PreparedStatement up = connection.prepareStatement("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1")) {
            up.setLong(1, seq);
            up.setString(2, prev);
            up.executeUpdate();
        }
        return out;
    }

    /**
     * How many threads sign and check signatures.
     *
     * @return the number, by default the number of processors
     */
    public synchronized int threads() {
        return threads;
    }

    /**
     * Sets how many threads sign ({@link #appendAll(List)}) and check signatures ({@link #verify(Map)});
     * 1 does everything on the calling thread. The results do not depend on it.
     *
     * @param threads at least 1
     */
    public synchronized void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: at least 1, not " + threads);
        }
        if (threads != this.threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        this.threads = threads;
    }

    /** For the tests: how many records verify reads before their signatures are checked. */
    synchronized void setChunk(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("chunk: at least 1");
        }
        this.chunk = records;
    }

    private ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "peerclear-ledger-" + THREAD_IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /** Runs {@code task} for 0 .. n-1 on the ledger's threads and waits for all. */
    private void inParallel(int n, IntConsumer task) {
        if (threads == 1 || n < 2) {
            for (int k = 0; k < n; k++) {
                task.accept(k);
            }
            return;
        }
        await(submit(n, task));
    }

    /** Submits {@code task} for 0 .. n-1 to the ledger's threads, which take the next index as they finish one. */
    private List<Future<?>> submit(int n, IntConsumer task) {
        int workers = Math.min(threads, n);
        List<Future<?>> out = new ArrayList<>(workers);
        AtomicInteger next = new AtomicInteger();
        ExecutorService p = pool();
        for (int t = 0; t < workers; t++) {
            out.add(p.submit(() -> {
                for (int k = next.getAndIncrement(); k < n; k = next.getAndIncrement()) {
                    task.accept(k);
                }
            }));
        }
        return out;
    }

    /** Waits for every task; rethrows the first failure once all have ended. */
    private static void await(List<Future<?>> tasks) {
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> f : tasks) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the tasks are short: let them end, then pass the interrupt on
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error r) {
            throw r;
        }
        if (failure != null) {
            throw new LedgerException(failure.toString(), failure);
        }
    }

    private static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                String msg = String.valueOf(s.getMessage());
                if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)
                        || msg.contains("UNIQUE constraint") || msg.contains("PRIMARY KEY") || msg.contains("SQLITE_BUSY")
                        || msg.contains("database is locked")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed on {}: {}", location, e.getMessage());
        }
    }

    /**
     * Recomputes the whole chain and checks every signature, trusting each agent's first key.
     *
     * @return the report, naming the first bad record
     */
    public VerifyReport verify() {
        return verify(Map.of());
    }

    /**
     * Recomputes the whole chain and checks every signature; stops at the first bad record.
     *
     * @param trustedKeys the agents' known public keys (from their keystores); an agent absent from the
     *     map must sign with the key it first signed with in this ledger
     * @return the report, naming the first bad record
     */
    public synchronized VerifyReport verify(Map<String, PublicKey> trustedKeys) {
        Map<String, String> keys = new HashMap<>();
        trustedKeys.forEach((a, k) -> keys.put(a, b64(k.getEncoded())));
        Verification v = new Verification(keys);
        try {
            long headSeq;
            String headHash;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, hash FROM ledger_head WHERE id = 1")) {
                if (!rs.next()) {
                    rollbackQuietly();
                    return new VerifyReport(false, 0, GENESIS, 0, "the ledger's head row is missing");
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            VerifyReport bad = null;
            try (Statement s = connection.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery("SELECT seq, kind, payer, payee, amount, payload, signers, signatures,"
                        + " prev_hash, hash FROM ledger_record ORDER BY seq")) {
                    while (bad == null && rs.next()) {
                        bad = v.read(rs);
                    }
                }
            }
            if (bad == null) {
                bad = v.finish();
            }
            if (bad != null) {
                rollbackQuietly();
                return bad;
            }
            connection.commit();
            if (headSeq != v.good || !headHash.equals(v.prev)) {
                return bad(v.good, v.prev, v.good + 1, "the head says " + headSeq + " records ending in " + headHash
                        + " but the chain has " + v.good + " ending in " + v.prev + " (records deleted from the end?)");
            }
            return new VerifyReport(true, v.good, v.prev, -1, "");
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            // The records read before the failure come first: a bad signature among them is the first bad record.
            VerifyReport earlier;
            try {
                earlier = v.finish();
            } catch (RuntimeException again) {
                earlier = null;
                e.addSuppressed(again);
            }
            return earlier != null ? earlier : bad(v.good, v.prev, v.good + 1, "unreadable: " + e.getMessage());
        }
    }

    private static VerifyReport bad(long good, String prev, long seq, String why) {
        return new VerifyReport(false, good, prev, seq, why);
    }

    /**
     * One record read by verify: the checks that need no signature done in chain order as it is read,
     * its signatures checked afterwards, on the ledger's threads.
     */
    private static final class Checked {
        /** The sequence number to report when it is bad. */
        final long seq;
        /** Why it is bad, found without checking a signature; null when nothing was found. */
        String reason;
        /** Its stored (and recomputed) hash, hex. */
        String stored;
        /** Its recomputed hash: the message its signatures sign. */
        byte[] hash;
        /** How many signatures to check: all, or those before the one that {@code reason} is about. */
        int count;
        String[] agents;
        PublicKey[] keys;
        byte[][] signatures;
        /** Set by the signature check: the index of the first bad signature, or -1. */
        int badSignature = -1;
        /** Set by the signature check: an unexpected failure, reported as the database's. */
        RuntimeException failure;

        Checked(long seq) {
            this.seq = seq;
        }
    }

    /**
     * The state of one {@link #verify(Map)}: the records read and checked in chain order, the chunks
     * of them whose signatures are being checked, and the good records so far. Records are resolved
     * in order, so the first bad one by sequence number is reported whatever the threads did.
     */
    private final class Verification {
        private final Map<String, String> keys;
        private final Map<String, PublicKey> decoded = new HashMap<>();
        private final Hasher hasher = new Hasher();
        /** The records resolved good, and the last one's hash. */
        long good;
        String prev = GENESIS;
        /** The records read, and the last one's hash (hex and raw). */
        private long read;
        private String readPrev = GENESIS;
        private byte[] readPrevBytes = new byte[32];
        /** The chunk being read, and the one before it, whose signatures are being checked. */
        private List<Checked> current = new ArrayList<>();
        private List<Checked> flying = List.of();
        private List<Future<?>> flyingTasks = List.of();
        /** Set when a result is known: the checks still running stop. */
        private volatile boolean stop;
        private boolean done;

        Verification(Map<String, String> keys) {
            this.keys = keys;
        }

        /**
         * Reads one row.
         *
         * @return the report when a bad record is known (the first bad one), else null
         */
        VerifyReport read(ResultSet rs) throws SQLException {
            Checked c = check(rs);
            current.add(c);
            if (c.reason != null) {
                return finish(); // nothing after it can come first
            }
            read++;
            readPrev = c.stored;
            readPrevBytes = c.hash;
            if (current.size() < chunk) {
                return null;
            }
            List<Checked> previous = flying;
            List<Future<?>> previousTasks = flyingTasks;
            flying = current;
            flyingTasks = launch(current);
            current = new ArrayList<>(chunk);
            VerifyReport r = resolve(previous, previousTasks);
            if (r != null) {
                finish();
            }
            return r;
        }

        /**
         * Checks the signatures still unchecked and resolves every record read, in order; then stops
         * the checks still running. Idempotent.
         *
         * @return the report when a bad record was found, else null
         */
        VerifyReport finish() {
            VerifyReport r = null;
            if (!done) {
                List<Checked> previous = flying;
                List<Future<?>> previousTasks = flyingTasks;
                flying = current;
                flyingTasks = launch(current);
                current = List.of();
                r = resolve(previous, previousTasks);
                if (r == null) {
                    r = resolve(flying, flyingTasks);
                }
                done = true;
            }
            stop = true;
            await(flyingTasks);
            return r;
        }

        private List<Future<?>> launch(List<Checked> records) {
            if (threads == 1 || records.size() < 2) {
                records.forEach(this::checkSignatures);
                return List.of();
            }
            return submit(records.size(), k -> checkSignatures(records.get(k)));
        }

        private VerifyReport resolve(List<Checked> records, List<Future<?>> tasks) {
            await(tasks);
            for (Checked c : records) {
                if (c.failure != null) {
                    done = true;
                    throw c.failure;
                }
                if (c.badSignature >= 0) {
                    done = true;
                    return bad(good, prev, c.seq, "bad signature by " + c.agents[c.badSignature]);
                }
                if (c.reason != null) {
                    done = true;
                    return bad(good, prev, c.seq, c.reason);
                }
                good++;
                prev = c.stored;
            }
            return null;
        }

        /** On a ledger thread (or the caller's): checks a record's signatures in order, up to the first bad one. */
        private void checkSignatures(Checked c) {
            if (stop) {
                return;
            }
            try {
                for (int i = 0; i < c.count; i++) {
                    boolean ok;
                    try {
                        Signature v = Signature.getInstance("Ed25519");
                        v.initVerify(c.keys[i]);
                        v.update(c.hash);
                        ok = v.verify(c.signatures[i]);
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        ok = false;
                    }
                    if (!ok) {
                        c.badSignature = i;
                        return;
                    }
                }
            } catch (RuntimeException e) {
                c.failure = e;
            }
        }

        /** The checks that need no signature, in chain order; collects the signatures to check. */
        private Checked check(ResultSet rs) throws SQLException {
            long expected = read + 1;
            Checked c = new Checked(expected);
            long seq = rs.getLong(1);
            if (seq != expected) {
                c.reason = seq > expected ? "record " + expected + " is missing (next is " + seq + ")" : "unexpected sequence number " + seq;
                return c;
            }
            if (!readPrev.equals(rs.getString(9))) {
                c.reason = "its previous hash " + rs.getString(9) + " is not the previous record's hash " + readPrev;
                return c;
            }
            Record r;
            try {
                String signers = rs.getString(7);
                r = new Record(Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), new BigDecimal(rs.getString(5)),
                        rs.getString(6), signers.isEmpty() ? List.of() : Arrays.asList(signers.split(",", -1)));
            } catch (IllegalArgumentException e) {
                c.reason = "malformed: " + e.getMessage();
                return c;
            }
            if (!r.amount().toPlainString().equals(rs.getString(5))) {
                c.reason = "amount not in canonical form: " + rs.getString(5);
                return c;
            }
            byte[] hash = hasher.hash(seq, readPrevBytes, r);
            String hex = HEX.formatHex(hash);
            if (!hex.equals(rs.getString(10))) {
                c.reason = "its hash does not match its content (stored " + rs.getString(10) + ", recomputed " + hex + ")";
                return c;
            }
            c.hash = hash;
            c.stored = hex;
            List<Entry.SignatureEntry> sigs;
            try {
                sigs = decodeSignatures(rs.getString(8));
            } catch (IllegalArgumentException e) {
                c.reason = "malformed signatures: " + e.getMessage();
                return c;
            }
            if (sigs.size() != r.signers().size()) {
                c.reason = sigs.size() + " signatures for " + r.signers().size() + " signers";
                return c;
            }
            c.agents = new String[sigs.size()];
            c.keys = new PublicKey[sigs.size()];
            c.signatures = new byte[sigs.size()][];
            for (int i = 0; i < sigs.size(); i++) {
                Entry.SignatureEntry s = sigs.get(i);
                String agent = r.signers().get(i);
                if (!agent.equals(s.agent())) {
                    c.reason = "signature " + (i + 1) + " is by " + s.agent() + ", not " + agent;
                    return c;
                }
                String known = keys.putIfAbsent(agent, s.publicKey());
                if (known != null && !known.equals(s.publicKey())) {
                    c.reason = "signed by a key that is not " + agent + "'s";
                    return c;
                }
                byte[] signature = canonicalBase64(s.signature());
                PublicKey key = signature == null ? null : publicKey(s.publicKey());
                if (key == null) {
                    c.reason = "bad signature by " + agent; // not even a signature or a key
                    return c;
                }
                c.agents[i] = agent;
                c.keys[i] = key;
                c.signatures[i] = signature;
                c.count = i + 1;
            }
            return c;
        }

        /** A stored public key, decoded once per verify; null when it is not a canonical base64 Ed25519 key. */
        private PublicKey publicKey(String base64) {
            PublicKey k = decoded.get(base64);
            if (k == null) {
                byte[] x509 = canonicalBase64(base64);
                if (x509 == null) {
                    return null;
                }
                try {
                    k = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    return null;
                }
                decoded.put(base64, k);
            }
            return k;
        }
    }

    /** The bytes of a base64 text in its one canonical form, or null for any other text. */
    private static byte[] canonicalBase64(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return b64(b).equals(s) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The records an agent takes part in (as payer, payee or signer), in order.
     *
     * @param agent the agent
     * @return its entries
     */
    public synchronized List<Entry> history(String agent) {
        List<Entry> out = new ArrayList<>();
        forEach(e -> {
            Record r = e.record();
            if (agent.equals(r.payer()) || agent.equals(r.payee()) || r.signers().contains(agent)) {
                out.add(e);
            }
        });
        return out;
    }

    /**
     * Reads every record once, in sequence order, without verifying it (a listing: an account of
     * every party in one pass, where {@link #history} per party would read the table once each).
     *
     * @param action called with each record
     * @throws LedgerException when the database cannot be read
     */
    public synchronized void forEach(java.util.function.Consumer<Entry> action) {
        try (PreparedStatement s = connection.prepareStatement("SELECT seq, kind, payer, payee, amount, payload, signers,"
                + " signatures, prev_hash, hash FROM ledger_record ORDER BY seq")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> signers = Arrays.asList(rs.getString(7).split(",", -1));
                    Record r = new Record(Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            new BigDecimal(rs.getString(5)), rs.getString(6), signers);
                    action.accept(new Entry(rs.getLong(1), r, rs.getString(9), rs.getString(10), decodeSignatures(rs.getString(8))));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new LedgerException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * An agent's balance: what it received minus what it paid, over all its records.
     *
     * @param agent the agent
     * @return the balance
     */
    public BigDecimal balance(String agent) {
        BigDecimal b = BigDecimal.ZERO;
        for (Entry e : history(agent)) {
            if (agent.equals(e.record().payee())) {
                b = b.add(e.record().amount());
            }
            if (agent.equals(e.record().payer())) {
                b = b.subtract(e.record().amount());
            }
        }
        return Record.normalise(b);
    }

    /**
     * The number of records.
     *
     * @return how many records the ledger holds
     */
    public synchronized long size() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ledger_record")) {
            rs.next();
            long n = rs.getLong(1);
            connection.commit();
            return n;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new LedgerException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 hash of a record at a place in the chain: {@code SHA-256} of the canonical encoding
     * described in the class documentation.
     *
     * @param sequence the record's sequence number
     * @param previousHash the previous record's hash (32 bytes)
     * @param r the record
     * @return the 32-byte hash
     */
    public static byte[] hash(long sequence, byte[] previousHash, Record r) {
        return new Hasher().hash(sequence, previousHash, r);
    }

    /** Computes {@link #hash}, reusing its buffer and digest from one record to the next (one thread). */
    static final class Hasher {
        private final MessageDigest sha256;
        private byte[] buffer = new byte[512];
        private int length;

        Hasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new LedgerException("SHA-256 unavailable", e);
            }
        }

        byte[] hash(long sequence, byte[] previousHash, Record r) {
            length = 0;
            bytes(MAGIC);
            int64(sequence);
            bytes(previousHash);
            string(r.kind().name());
            string(r.payer());
            string(r.payee());
            string(r.amount().toPlainString());
            string(r.payload());
            int32(r.signers().size());
            for (String s : r.signers()) {
                string(s);
            }
            sha256.update(buffer, 0, length);
            return sha256.digest();
        }

        private void room(int n) {
            if (length + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
            }
        }

        private void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buffer, length, b.length);
            length += b.length;
        }

        private void int32(int v) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (v >>> shift);
            }
        }

        private void int64(long v) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[length++] = (byte) (v >>> shift);
            }
        }

        /** A 4-byte big-endian UTF-8 length and the UTF-8 bytes; ASCII is copied without a temporary array. */
        private void string(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                    int32(utf8.length);
                    bytes(utf8);
                    return;
                }
            }
            int32(n);
            room(n);
            for (int i = 0; i < n; i++) {
                buffer[length++] = (byte) s.charAt(i);
            }
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String encodeSignatures(List<Entry.SignatureEntry> sigs) {
        StringBuilder b = new StringBuilder();
        for (Entry.SignatureEntry s : sigs) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(s.agent()).append(':').append(s.publicKey()).append(':').append(s.signature());
        }
        return b.toString();
    }

    private static List<Entry.SignatureEntry> decodeSignatures(String text) {
        List<Entry.SignatureEntry> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String part : text.split(";", -1)) {
            String[] f = part.split(":", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException("expected agent:key:signature, got " + part);
            }
            out.add(new Entry.SignatureEntry(f[0], f[1], f[2]));
        }
        return out;
    }

    /** Closes the database connection. */
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new LedgerException("cannot close " + location, e);
        }
    }

    /**
     * Whether this ledger is an SQLite file (rather than a server database).
     *
     * @return true for SQLite
     */
    public boolean isSqlite() {
        return sqlite;
    }
}
