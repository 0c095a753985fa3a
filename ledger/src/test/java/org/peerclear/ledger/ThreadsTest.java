package org.peerclear.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Signing and verifying on several threads: the same records, the same signatures, the same first bad record. */
class ThreadsTest {
    private static final Signer ALICE = Signer.generate("alice");
    private static final Signer BOB = Signer.generate("bob");
    private static final Signer CAROL = Signer.generate("carol");
    private static final Signer OPERATOR = Signer.generate("operator");
    private static final int N = 60;

    @TempDir
    Path dir;

    static List<String> backends() {
        return Backends.names();
    }

    /** Record i (from 1): a bill signed by the operator when i is a multiple of 3, else a trade signed by alice and bob. */
    private static List<Ledger.Pending> records(int n) {
        List<Ledger.Pending> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String payload = "{\"i\":" + i + ",\"note\":\"é€\"}";
            if (i % 3 == 0) {
                out.add(new Ledger.Pending(Record.bill("alice", "operator", new BigDecimal("0.25"), payload, "operator"),
                        List.of(OPERATOR)));
            } else {
                out.add(new Ledger.Pending(Record.trade("alice", "bob", new BigDecimal(i), payload), List.of(BOB, ALICE)));
            }
        }
        // Three signers, one of them not a party.
        out.add(new Ledger.Pending(new Record(Kind.TRADE, "bob", "carol", BigDecimal.ONE, "{}", List.of("bob", "carol", "operator")),
                List.of(OPERATOR, CAROL, BOB)));
        return out;
    }

    private static String filled(String location) {
        try (Ledger l = Ledger.open(location)) {
            l.appendAll(records(N - 2)); // records 1 .. N - 1, the last one with three signers
            l.append(Record.bill("bob", "operator", BigDecimal.TEN, "{}", "operator"), OPERATOR); // record N, a bill
        }
        return location;
    }

    private static void sql(String location, String statement, Object... args) throws SQLException {
        Backends.sql(location, statement, args);
    }

    private static String signatures(String location, long seq) throws SQLException {
        try (Connection c = DriverManager.getConnection(Backends.jdbc(location));
                PreparedStatement p = c.prepareStatement("SELECT signatures FROM ledger_record WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** Gives record {@code to} the signatures of record {@code from} (same signers and keys, other message). */
    private static void copySignatures(String location, long from, long to) throws SQLException {
        sql(location, "UPDATE ledger_record SET signatures = ? WHERE seq = ?", signatures(location, from), to);
    }

    private static VerifyReport verify(String location, int threads, int chunk) {
        try (Ledger l = Ledger.open(location)) {
            l.setThreads(threads);
            l.setChunk(chunk);
            return l.verify();
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void signingOnSeveralThreadsStoresWhatOneThreadStores(String backend) throws Exception {
        List<List<Entry>> runs = new ArrayList<>();
        for (int threads : new int[] {1, 2, 3}) {
            try (Ledger l = Ledger.open(Backends.fresh(backend, dir))) {
                l.setThreads(threads);
                assertThat(l.threads()).isEqualTo(threads);
                List<Entry> entries = new ArrayList<>(l.appendAll(records(40)));
                entries.add(l.append(Record.trade("carol", "bob", BigDecimal.ONE, "{}"), BOB, CAROL));
                entries.addAll(l.appendAll(List.of()));
                assertThat(l.history("alice")).containsExactlyElementsOf(entries.subList(0, 40));
                VerifyReport r = l.verify();
                assertThat(r.ok()).as(r.toString()).isTrue();
                assertThat(r.records()).isEqualTo(42);
                runs.add(entries);
            }
        }
        // Ed25519 signatures are deterministic: every run stores the very same bytes.
        assertThat(runs.get(1)).containsExactlyElementsOf(runs.get(0));
        assertThat(runs.get(2)).containsExactlyElementsOf(runs.get(0));
        assertThat(runs.get(0).get(1).signatures()).extracting(Entry.SignatureEntry::agent).containsExactly("alice", "bob");
        assertThat(runs.get(0).get(40).signatures()).extracting(Entry.SignatureEntry::agent).containsExactly("bob", "carol", "operator");
    }

    /**
     * Each scenario damages a filled ledger; the report on one thread names the expected record and
     * reason, and every other number of threads and chunk size gives the very same report.
     */
    @ParameterizedTest
    @MethodSource("backends")
    void theFirstBadRecordIsTheSameWhateverTheThreads(String backend) throws Exception {
        String alice = "bad signature by alice";
        scenario(backend, 0, "", loc -> { });
        // A bad signature before a broken link, and a broken link before a bad signature.
        scenario(backend, 20, alice, loc -> {
            copySignatures(loc, 22, 20);
            sql(loc, "UPDATE ledger_record SET prev_hash = ? WHERE seq = 40", Ledger.GENESIS);
        });
        scenario(backend, 20, "its previous hash", loc -> {
            sql(loc, "UPDATE ledger_record SET prev_hash = ? WHERE seq = 20", Ledger.GENESIS);
            copySignatures(loc, 41, 40);
        });
        // Two bad signatures, the later one damaged first.
        scenario(backend, 13, alice, loc -> {
            copySignatures(loc, 44, 43);
            copySignatures(loc, 14, 13);
        });
        // In one record: alice's signature is bad and the second is by the wrong agent; alice's comes first.
        scenario(backend, 31, alice, loc -> {
            String[] other = signatures(loc, 32).split(";");
            String[] own = signatures(loc, 31).split(";");
            sql(loc, "UPDATE ledger_record SET signatures = ? WHERE seq = 31", other[0] + ";" + own[1].replace("bob:", "carol:"));
        });
        // The first signature good, the second bad.
        scenario(backend, 31, "bad signature by bob", loc -> {
            String[] other = signatures(loc, 32).split(";");
            String[] own = signatures(loc, 31).split(";");
            sql(loc, "UPDATE ledger_record SET signatures = ? WHERE seq = 31", own[0] + ";" + other[1]);
        });
        // The first good and the second not base64: found without a check, after the first is checked.
        scenario(backend, 31, "bad signature by bob", loc -> {
            String[] own = signatures(loc, 31).split(";");
            sql(loc, "UPDATE ledger_record SET signatures = ? WHERE seq = 31", own[0] + ";" + own[1] + "!");
        });
        // A bad signature just before a deleted record.
        scenario(backend, 32, alice, loc -> {
            copySignatures(loc, 34, 32);
            sql(loc, "DELETE FROM ledger_record WHERE seq = 33");
        });
        // The last record.
        scenario(backend, N, "bad signature by operator", loc -> copySignatures(loc, 57, N));
    }

    private interface Damage {
        void apply(String location) throws SQLException;
    }

    private void scenario(String backend, long badSequence, String reason, Damage damage) throws Exception {
        String loc = filled(Backends.fresh(backend, dir));
        damage.apply(loc);
        VerifyReport one = verify(loc, 1, 512);
        if (badSequence == 0) {
            assertThat(one.ok()).as(one.toString()).isTrue();
            assertThat(one.records()).isEqualTo(N);
        } else {
            assertThat(one.ok()).isFalse();
            assertThat(one.badSequence()).as(one.toString()).isEqualTo(badSequence);
            assertThat(one.records()).isEqualTo(badSequence - 1);
            assertThat(one.reason()).as(one.toString()).startsWith(reason);
        }
        for (int threads : new int[] {2, 3}) {
            for (int chunk : new int[] {1, 2, 7, 512}) {
                assertThat(verify(loc, threads, chunk)).as("%d threads, chunks of %d", threads, chunk).isEqualTo(one);
            }
        }
    }

    @Test
    void aSignerThatFailsStoresNothingAndReleasesTheLock() throws Exception {
        Path file = dir.resolve("fail.db");
        Signer wrongKind = new Signer("alice", KeyPairGenerator.getInstance("EC").generateKeyPair()); // cannot sign Ed25519
        for (int threads : new int[] {1, 2}) {
            try (Ledger l = Ledger.open(file)) {
                l.setThreads(threads);
                l.append(Record.trade("alice", "bob", BigDecimal.ONE, "{}"), ALICE, BOB);
                List<Ledger.Pending> batch = new ArrayList<>(records(10));
                batch.add(new Ledger.Pending(Record.trade("alice", "bob", BigDecimal.ONE, "{}"), List.of(wrongKind, BOB)));
                long before = l.size();
                assertThatThrownBy(() -> l.appendAll(batch)).isInstanceOf(LedgerException.class).hasMessageContaining("cannot sign as alice");
                assertThat(l.size()).isEqualTo(before);
                Backends.assertWriteLockIsFree(file, "a failed append"); // it ended its transaction
                l.append(Record.trade("alice", "bob", BigDecimal.ONE, "{}"), ALICE, BOB);
                assertThat(l.verify().ok()).isTrue();
            }
        }
        assertThatThrownBy(() -> {
            try (Ledger l = Ledger.open(file)) {
                l.setThreads(0);
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHashOfAnyTextIsTheDocumentedEncoding() throws Exception {
        Consumer<String> check = payload -> {
            Record r = new Record(Kind.BILL, "a", "b", new BigDecimal("-0.10"), payload, List.of("s", "t"));
            var out = new java.io.ByteArrayOutputStream();
            out.writeBytes("PEERCLEAR-LEDGER-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(java.nio.ByteBuffer.allocate(8).putLong(1L << 40).array());
            byte[] prev = new byte[32];
            prev[31] = 7;
            out.writeBytes(prev);
            for (String f : List.of("BILL", "a", "b", "-0.1", payload)) {
                byte[] b = f.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
                out.writeBytes(b);
            }
            out.writeBytes(new byte[] {0, 0, 0, 2, 0, 0, 0, 1, 's', 0, 0, 0, 1, 't'});
            try {
                byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
                assertThat(Ledger.hash(1L << 40, prev, r)).as(payload).isEqualTo(expected);
                Ledger.Hasher reused = new Ledger.Hasher();
                reused.hash(5, new byte[32], Record.trade("x", "y", BigDecimal.TEN, "z".repeat(3000))); // grows its buffer
                assertThat(reused.hash(1L << 40, prev, r)).as(payload).isEqualTo(expected);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        };
        check.accept("");
        check.accept("{\"kwh\":1}");
        check.accept("é€ and 😀, and a lone surrogate \uD800 and \u007F\u0080");
        check.accept("x".repeat(5000) + "é");
    }
}
