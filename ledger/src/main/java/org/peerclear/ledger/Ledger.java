package org.peerclear.ledger;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
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
 * Appends run in a transaction that reads the head and inserts rows whose sequence number is the
 * table's primary key; a concurrent append that took the same number fails on the key and is retried.
 * On SQLite, transactions begin {@code IMMEDIATE} (the write lock is taken at once) in WAL mode with a
 * busy timeout, so threads and processes sharing one file take turns. A {@code Ledger} object itself
 * is safe for use by several threads (its methods are synchronized; open one per thread for parallelism).
 */
public final class Ledger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final byte[] MAGIC = "PEERCLEAR-LEDGER-1".getBytes(StandardCharsets.US_ASCII);
    /** The hash before the first record: 64 hexadecimal zeros. */
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();
    private static final int RETRIES = 1000;

    private final Connection connection;
    private final boolean sqlite;
    private final String location;

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
                p.setProperty("transaction_mode", "IMMEDIATE");
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
            }
        }
        throw new LedgerException("append kept conflicting on " + location, last);
    }

    private List<Entry> tryAppend(List<Pending> batch, List<Map<String, Signer>> bySigner) throws SQLException {
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
        List<Entry> out = new ArrayList<>(batch.size());
        try (PreparedStatement ins = connection.prepareStatement("INSERT INTO ledger_record"
                + " (seq, kind, payer, payee, amount, payload, signers, signatures, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < batch.size(); i++) {
                Record r = batch.get(i).record();
                seq++;
                byte[] hash = hash(seq, HEX.parseHex(prev), r);
                List<Entry.SignatureEntry> sigs = new ArrayList<>();
                for (String a : r.signers()) {
                    Signer s = bySigner.get(i).get(a);
                    sigs.add(new Entry.SignatureEntry(a, b64(s.publicKey().getEncoded()), b64(s.sign(hash))));
                }
                Entry e = new Entry(seq, r, prev, HEX.formatHex(hash), sigs);
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
        Map<String, PublicKey> decoded = new HashMap<>();
        trustedKeys.forEach((a, k) -> keys.put(a, b64(k.getEncoded())));
        long good = 0;
        String prev = GENESIS;
        try {
            long headSeq;
            String headHash;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, hash FROM ledger_head WHERE id = 1")) {
                if (!rs.next()) {
                    return new VerifyReport(false, 0, prev, 0, "the ledger's head row is missing");
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            try (Statement s = connection.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery("SELECT seq, kind, payer, payee, amount, payload, signers, signatures,"
                        + " prev_hash, hash FROM ledger_record ORDER BY seq")) {
                    while (rs.next()) {
                        long expected = good + 1;
                        long seq = rs.getLong(1);
                        if (seq != expected) {
                            return bad(good, prev, expected, seq > expected ? "record " + expected + " is missing (next is " + seq + ")"
                                    : "unexpected sequence number " + seq);
                        }
                        String why = check(seq, prev, rs, keys, decoded);
                        if (why != null) {
                            return bad(good, prev, seq, why);
                        }
                        prev = rs.getString(10);
                        good++;
                    }
                }
            }
            connection.commit();
            if (headSeq != good || !headHash.equals(prev)) {
                return bad(good, prev, good + 1, "the head says " + headSeq + " records ending in " + headHash
                        + " but the chain has " + good + " ending in " + prev + " (records deleted from the end?)");
            }
            return new VerifyReport(true, good, prev, -1, "");
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            return bad(good, prev, good + 1, "unreadable: " + e.getMessage());
        }
    }

    private static VerifyReport bad(long good, String prev, long seq, String why) {
        return new VerifyReport(false, good, prev, seq, why);
    }

    private static String check(long seq, String prev, ResultSet rs, Map<String, String> keys, Map<String, PublicKey> decoded)
            throws SQLException {
        if (!prev.equals(rs.getString(9))) {
            return "its previous hash " + rs.getString(9) + " is not the previous record's hash " + prev;
        }
        Record r;
        try {
            String signers = rs.getString(7);
            r = new Record(Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), new BigDecimal(rs.getString(5)),
                    rs.getString(6), signers.isEmpty() ? List.of() : Arrays.asList(signers.split(",", -1)));
        } catch (IllegalArgumentException e) {
            return "malformed: " + e.getMessage();
        }
        if (!r.amount().toPlainString().equals(rs.getString(5))) {
            return "amount not in canonical form: " + rs.getString(5);
        }
        byte[] hash = hash(seq, HEX.parseHex(prev), r);
        String hex = HEX.formatHex(hash);
        if (!hex.equals(rs.getString(10))) {
            return "its hash does not match its content (stored " + rs.getString(10) + ", recomputed " + hex + ")";
        }
        List<Entry.SignatureEntry> sigs;
        try {
            sigs = decodeSignatures(rs.getString(8));
        } catch (IllegalArgumentException e) {
            return "malformed signatures: " + e.getMessage();
        }
        if (sigs.size() != r.signers().size()) {
            return sigs.size() + " signatures for " + r.signers().size() + " signers";
        }
        for (int i = 0; i < sigs.size(); i++) {
            Entry.SignatureEntry s = sigs.get(i);
            String agent = r.signers().get(i);
            if (!agent.equals(s.agent())) {
                return "signature " + (i + 1) + " is by " + s.agent() + ", not " + agent;
            }
            String known = keys.putIfAbsent(agent, s.publicKey());
            if (known != null && !known.equals(s.publicKey())) {
                return "signed by a key that is not " + agent + "'s";
            }
            if (!verifySignature(decoded, s.publicKey(), hash, s.signature())) {
                return "bad signature by " + agent;
            }
        }
        return null;
    }

    private static boolean verifySignature(Map<String, PublicKey> decoded, String publicKey, byte[] message, String signature) {
        try {
            if (!canonicalBase64(signature)) {
                return false;
            }
            PublicKey k = decoded.get(publicKey);
            if (k == null) {
                if (!canonicalBase64(publicKey)) {
                    return false;
                }
                k = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
                decoded.put(publicKey, k);
            }
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(k);
            v.update(message);
            return v.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean canonicalBase64(String s) {
        return b64(Base64.getDecoder().decode(s)).equals(s);
    }

    /**
     * The records an agent takes part in (as payer, payee or signer), in order.
     *
     * @param agent the agent
     * @return its entries
     */
    public synchronized List<Entry> history(String agent) {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT seq, kind, payer, payee, amount, payload, signers,"
                + " signatures, prev_hash, hash FROM ledger_record ORDER BY seq")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> signers = Arrays.asList(rs.getString(7).split(",", -1));
                    if (agent.equals(rs.getString(3)) || agent.equals(rs.getString(4)) || signers.contains(agent)) {
                        Record r = new Record(Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                                new BigDecimal(rs.getString(5)), rs.getString(6), signers);
                        out.add(new Entry(rs.getLong(1), r, rs.getString(9), rs.getString(10), decodeSignatures(rs.getString(8))));
                    }
                }
            }
            connection.commit();
            return out;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + r.payload().length() * 3);
        out.writeBytes(MAGIC);
        out.writeBytes(ByteBuffer.allocate(8).putLong(sequence).array());
        out.writeBytes(previousHash);
        for (String f : List.of(r.kind().name(), r.payer(), r.payee(), r.amount().toPlainString(), r.payload())) {
            string(out, f);
        }
        out.writeBytes(ByteBuffer.allocate(4).putInt(r.signers().size()).array());
        for (String s : r.signers()) {
            string(out, s);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new LedgerException("SHA-256 unavailable", e);
        }
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
        out.writeBytes(b);
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
