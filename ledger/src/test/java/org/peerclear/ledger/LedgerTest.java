package org.peerclear.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerTest {
    private static final List<String> COLUMNS = List.of("kind", "payer", "payee", "amount", "payload", "signers", "signatures",
            "prev_hash", "hash");
    private static final Signer ALICE = Signer.generate("alice");
    private static final Signer BOB = Signer.generate("bob");
    private static final Signer CAROL = Signer.generate("carol");
    private static final Signer OPERATOR = Signer.generate("operator");

    @TempDir
    Path dir;

    static List<String> backends() {
        return Backends.names();
    }

    /** Six records of every kind, with ASCII and non-ASCII payloads. */
    private static String filled(String location) {
        try (Ledger l = Ledger.open(location)) {
            l.append(Record.trade("alice", "bob", new BigDecimal("12.50"), "{\"kwh\":5,\"price\":2.5}"), ALICE, BOB);
            l.append(Record.trade("carol", "alice", new BigDecimal("3"), "{\"kwh\":1}"), CAROL, ALICE);
            l.append(Record.bill("alice", "operator", new BigDecimal("0.25"), "{\"reason\":\"fee\",\"note\":\"é€\"}", "operator"),
                    OPERATOR);
            l.append(Record.resultDigest("sha256:0123abcd", "operator"), OPERATOR);
            l.append(Record.trade("bob", "carol", new BigDecimal("7.125"), "{\"kwh\":2}"), BOB, CAROL);
            l.append(Record.bill("grid", "bob", new BigDecimal("1.5"), "{\"reason\":\"grid\"}", "operator"), OPERATOR);
        }
        return location;
    }

    private static void sql(String location, String statement, Object... args) throws SQLException {
        Backends.sql(location, statement, args);
    }

    private static String get(String location, String column, long seq) throws SQLException {
        try (Connection c = DriverManager.getConnection(Backends.jdbc(location));
                PreparedStatement p = c.prepareStatement("SELECT " + column + " FROM ledger_record WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static VerifyReport verify(String location) {
        try (Ledger l = Ledger.open(location)) {
            return l.verify();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void appendsVerifiesAndShowsHistoryAndBalance(String backend) throws Exception {
        String loc = filled(Backends.fresh(backend, dir));
        try (Ledger l = Ledger.open(loc)) {
            VerifyReport r = l.verify();
            assertThat(r.ok()).as(r.toString()).isTrue();
            assertThat(r.records()).isEqualTo(6);
            assertThat(l.size()).isEqualTo(6);
            assertThat(l.history("alice")).extracting(Entry::sequence).containsExactly(1L, 2L, 3L);
            assertThat(l.balance("alice")).isEqualByComparingTo("-9.75"); // pays 12.5 and a 0.25 fee, receives 3
            assertThat(l.balance("bob")).isEqualByComparingTo("6.875"); // receives 12.5 and 1.5, pays 7.125
            assertThat(l.balance("carol")).isEqualByComparingTo("4.125");
            assertThat(l.history("operator")).extracting(e -> e.record().kind())
                    .containsExactly(Kind.BILL, Kind.RESULT_DIGEST, Kind.BILL);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aChangedByteInAnyFieldOfAnyRecordIsDetectedThere(String backend) throws Exception {
        for (int seq = 1; seq <= 6; seq++) {
            for (String column : COLUMNS) {
                String original;
                String loc = filled(Backends.fresh(backend, dir));
                original = get(loc, column, seq);
                for (int pos : new int[] {0, original.length() / 2, original.length() - 1}) {
                    String changed;
                    if (original.isEmpty()) {
                        changed = "x"; // an empty field (a result digest's payer) gains a byte
                    } else {
                        char ch = original.charAt(Math.max(pos, 0));
                        changed = original.substring(0, Math.max(pos, 0)) + (ch == 'a' ? 'b' : 'a') + original.substring(Math.max(pos, 0) + 1);
                    }
                    sql(loc, "UPDATE ledger_record SET " + column + " = ? WHERE seq = ?", changed, seq);
                    VerifyReport r = verify(loc);
                    assertThat(r.ok()).as("%s of record %d at %d", column, seq, pos).isFalse();
                    assertThat(r.badSequence()).as("%s of record %d at %d: %s", column, seq, pos, r).isEqualTo(seq);
                    sql(loc, "UPDATE ledger_record SET " + column + " = ? WHERE seq = ?", original, seq);
                    assertThat(verify(loc).ok()).isTrue();
                }
            }
            String loc = filled(Backends.fresh(backend, dir));
            sql(loc, "UPDATE ledger_record SET seq = 99 WHERE seq = ?", seq);
            VerifyReport r = verify(loc);
            assertThat(r.badSequence()).as(r.toString()).isEqualTo(seq);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aDeletedRecordIsDetected(String backend) throws Exception {
        for (int seq = 1; seq <= 6; seq++) {
            String loc = filled(Backends.fresh(backend, dir));
            sql(loc, "DELETE FROM ledger_record WHERE seq = ?", seq);
            VerifyReport r = verify(loc);
            assertThat(r.ok()).isFalse();
            assertThat(r.badSequence()).as(r.toString()).isEqualTo(seq);
            assertThat(r.reason()).containsAnyOf("missing", "deleted");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReorderedPairIsDetected(String backend) throws Exception {
        String loc = filled(Backends.fresh(backend, dir));
        sql(loc, "UPDATE ledger_record SET seq = -3 WHERE seq = 3");
        sql(loc, "UPDATE ledger_record SET seq = 3 WHERE seq = 4");
        sql(loc, "UPDATE ledger_record SET seq = 4 WHERE seq = -3");
        VerifyReport r = verify(loc);
        assertThat(r.ok()).isFalse();
        assertThat(r.badSequence()).as(r.toString()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aRecordSignedByTheWrongKeyIsDetected(String backend) throws Exception {
        String loc = filled(Backends.fresh(backend, dir));
        Signer mallory = Signer.generate("alice"); // claims to be alice
        try (Ledger l = Ledger.open(loc)) {
            l.append(Record.trade("alice", "bob", new BigDecimal("100"), "{}"), mallory, BOB);
            VerifyReport r = l.verify();
            assertThat(r.ok()).isFalse();
            assertThat(r.badSequence()).isEqualTo(7);
            assertThat(r.reason()).contains("not alice's");
        }
        // With the agents' keys given (from their keystores), even the first record is checked against them.
        String other = Backends.fresh(backend, dir);
        try (Ledger l = Ledger.open(other)) {
            l.append(Record.trade("alice", "bob", new BigDecimal("100"), "{}"), mallory, BOB);
            assertThat(l.verify().ok()).isTrue(); // trust on first use cannot know
            VerifyReport r = l.verify(Map.of("alice", ALICE.publicKey(), "bob", BOB.publicKey()));
            assertThat(r.badSequence()).as(r.toString()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReplayedRecordIsDetected(String backend) throws Exception {
        String loc = filled(Backends.fresh(backend, dir));
        // Replay record 2 verbatim as record 7, head moved along so that only the chain can tell.
        sql(loc, "INSERT INTO ledger_record (seq, kind, payer, payee, amount, payload, signers, signatures, prev_hash, hash)"
                + " SELECT 7, kind, payer, payee, amount, payload, signers, signatures, prev_hash, hash FROM ledger_record WHERE seq = 2");
        sql(loc, "UPDATE ledger_head SET seq = 7, hash = ? WHERE id = 1", get(loc, "hash", 2));
        VerifyReport r = verify(loc);
        assertThat(r.badSequence()).as(r.toString()).isEqualTo(7);
        // A smarter replay relinks it (prev hash and hash recomputed): the old signatures no longer match.
        sql(loc, "DELETE FROM ledger_record WHERE seq = 7");
        Record trade = Record.trade("carol", "alice", new BigDecimal("3"), "{\"kwh\":1}");
        String prev = get(loc, "hash", 6);
        String hash = java.util.HexFormat.of().formatHex(Ledger.hash(7, java.util.HexFormat.of().parseHex(prev), trade));
        sql(loc, "INSERT INTO ledger_record (seq, kind, payer, payee, amount, payload, signers, signatures, prev_hash, hash)"
                + " SELECT 7, kind, payer, payee, amount, payload, signers, signatures, ?, ? FROM ledger_record WHERE seq = 2", prev, hash);
        sql(loc, "UPDATE ledger_head SET seq = 7, hash = ? WHERE id = 1", hash);
        r = verify(loc);
        assertThat(r.badSequence()).as(r.toString()).isEqualTo(7);
        assertThat(r.reason()).contains("bad signature");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theLastRecordDeletedIsDetectedByTheHead(String backend) throws Exception {
        String loc = filled(Backends.fresh(backend, dir));
        sql(loc, "DELETE FROM ledger_record WHERE seq = 6");
        VerifyReport r = verify(loc);
        assertThat(r.ok()).isFalse();
        assertThat(r.badSequence()).isEqualTo(6);
        assertThat(r.reason()).contains("head");
    }

    @Test
    void aTruncatedDatabaseFileIsDetected() throws Exception {
        for (double fraction : new double[] {0.25, 0.5, 0.75, 0.9}) {
            Path file = dir.resolve("t" + fraction + ".db");
            try (Ledger l = Ledger.open(file)) {
                for (int i = 0; i < 300; i++) {
                    l.append(Record.trade("alice", "bob", new BigDecimal(i), "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(100) + "\"}"),
                            ALICE, BOB);
                }
                assertThat(l.verify().ok()).isTrue();
            }
            long size = java.nio.file.Files.size(file);
            try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate((long) (size * fraction));
            }
            boolean detected;
            try (Ledger l = Ledger.open(file)) {
                VerifyReport r = l.verify();
                detected = !r.ok();
            } catch (LedgerException e) {
                detected = true; // the file does not even open as a database
            }
            assertThat(detected).as("truncated to %s", fraction).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void concurrentAppendersNeverBreakTheChain(String backend) throws Exception {
        String loc = Backends.fresh(backend, dir);
        Ledger.open(loc).close();
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Entry>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    List<Entry> acked = new ArrayList<>();
                    try (Ledger l = Ledger.open(loc)) {
                        for (int i = 0; i < each; i++) {
                            acked.add(l.append(Record.trade("alice", "bob", BigDecimal.ONE, "{\"t\":" + id + ",\"i\":" + i + "}"),
                                    ALICE, BOB));
                        }
                    }
                    return acked;
                }));
            }
            List<Entry> all = new ArrayList<>();
            for (Future<List<Entry>> f : futures) {
                all.addAll(f.get());
            }
            try (Ledger l = Ledger.open(loc)) {
                VerifyReport r = l.verify();
                assertThat(r.ok()).as(r.toString()).isTrue();
                assertThat(r.records()).isEqualTo(threads * each);
                assertThat(all).extracting(Entry::sequence).doesNotHaveDuplicates().hasSize(threads * each);
                assertThat(l.balance("bob")).isEqualByComparingTo(BigDecimal.valueOf(threads * each));
                for (Entry e : all) {
                    assertThat(l.history("alice").get((int) e.sequence() - 1).hash()).isEqualTo(e.hash());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOpenSqliteLedgerHoldsNoLockWhileItIsNotAppending() throws Exception {
        Path file = dir.resolve("idle.db");
        try (Ledger a = Ledger.open(file); Ledger b = Ledger.open(file)) {
            Backends.assertWriteLockIsFree(file, "open");
            a.append(Record.trade("alice", "bob", BigDecimal.ONE, "{}"), ALICE, BOB);
            Backends.assertWriteLockIsFree(file, "append");
            b.append(Record.trade("bob", "alice", BigDecimal.TEN, "{}"), ALICE, BOB); // a stays open meanwhile
            assertThat(a.verify().ok()).isTrue();
            Backends.assertWriteLockIsFree(file, "verify");
            assertThat(a.history("alice")).hasSize(2);
            Backends.assertWriteLockIsFree(file, "history");
            assertThat(a.size()).isEqualTo(2);
            Backends.assertWriteLockIsFree(file, "size");
            assertThat(b.balance("alice")).isEqualByComparingTo("9");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aBatchIsAppendedWhole(String backend) throws Exception {
        String loc = Backends.fresh(backend, dir);
        try (Ledger l = Ledger.open(loc)) {
            List<Ledger.Pending> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(new Ledger.Pending(Record.trade("alice", "bob", BigDecimal.TEN, "{}"), List.of(ALICE, BOB)));
            }
            List<Entry> entries = l.appendAll(batch);
            assertThat(entries).extracting(Entry::sequence).startsWith(1L).endsWith(100L);
            assertThatThrownBy(() -> l.appendAll(List.of(batch.get(0),
                    new Ledger.Pending(Record.trade("alice", "bob", BigDecimal.TEN, "{}"), List.of(ALICE)))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(l.size()).isEqualTo(100);
            assertThat(l.verify().ok()).isTrue();
        }
    }

    @Test
    void theHashIsTheDocumentedEncoding() throws Exception {
        Record r = new Record(Kind.BILL, "a", "b", new BigDecimal("1.50"), "p", List.of("s"));
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes("PEERCLEAR-LEDGER-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 1});
        out.writeBytes(new byte[32]);
        for (String f : List.of("BILL", "a", "b", "1.5", "p")) {
            out.writeBytes(new byte[] {0, 0, 0, (byte) f.length()});
            out.writeBytes(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.writeBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 's'});
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        assertThat(Ledger.hash(1, new byte[32], r)).isEqualTo(expected);
    }
}
