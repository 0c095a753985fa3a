package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.ledger.Entry;
import org.peerclear.ledger.Kind;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.Record;

/**
 * The settle command with {@code --ledger}, then {@code ledger verify} and {@code ledger show}: the
 * records a settlement appends, verification failing on a changed, a deleted and a re-signed
 * record, and the balances shown against the bills.
 */
class LedgerCliTest {
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path dir;

    private LedgerFixture f;
    private Path bills;

    @BeforeEach
    void settleTheExample() throws Exception {
        f = LedgerFixture.cleared(dir);
        bills = dir.resolve("bills.json");
        f.settle(f.result, f.caseFile, bills);
    }

    private JsonNode lines(Path billsFile) throws Exception {
        return EXACT.readTree(billsFile.toFile()).get("lines");
    }

    /** A party's net over BILLS.json's lines, exactly as the file prints the amounts. */
    private static BigDecimal net(JsonNode lines, String party) {
        BigDecimal n = BigDecimal.ZERO;
        for (JsonNode l : lines) {
            if (l.get("payee").asText().equals(party)) {
                n = n.add(l.get("amount").decimalValue());
            }
            if (l.get("payer").asText().equals(party)) {
                n = n.subtract(l.get("amount").decimalValue());
            }
        }
        return n;
    }

    @Test
    void aSettlementIsTheResultDigestThenOneSignedRecordPerLineAndItVerifies() throws Exception {
        JsonNode lines = lines(bills);
        CliTest.Run v = f.verify();
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("ok, " + (lines.size() + 1) + " records verified in ").contains(" s; signatures checked against")
                .contains("keys of " + f.ledger + ".keys");
        try (Ledger l = Ledger.open(f.ledger)) {
            assertThat(l.size()).isEqualTo(lines.size() + 1);
            Entry digest = l.history("operator").get(0);
            assertThat(digest.sequence()).isEqualTo(1);
            assertThat(digest.record().kind()).isEqualTo(Kind.RESULT_DIGEST);
            assertThat(digest.record().signers()).containsExactly("operator");
            JsonNode payload = new ObjectMapper().readTree(digest.record().payload());
            assertThat(payload.get("result").asText()).isEqualTo(sha256(Files.readAllBytes(f.result)));
            assertThat(payload.get("case").asText()).isEqualTo(sha256(Files.readAllBytes(f.caseFile)));
            assertThat(payload.get("settlement").asText())
                    .isEqualTo(sha256(concat(Files.readAllBytes(f.result), Files.readAllBytes(f.caseFile))));
            assertThat(payload.get("records").asInt()).isEqualTo(lines.size());
            int trades = 0;
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = lines.get(i);
                String payer = line.get("payer").asText();
                String payee = line.get("payee").asText();
                long seq = i + 2L;
                Entry e = l.history(payer).stream().filter(x -> x.sequence() == seq).findFirst().orElseThrow();
                Record r = e.record();
                assertThat(r.payer()).isEqualTo(payer);
                assertThat(r.payee()).isEqualTo(payee);
                assertThat(r.amount()).isEqualByComparingTo(line.get("amount").decimalValue());
                JsonNode p = new ObjectMapper().readTree(r.payload());
                assertThat(p.get("line").asInt()).isEqualTo(i);
                assertThat(p.get("settlement").asText()).isEqualTo(payload.get("settlement").asText());
                assertThat(p.get("reason").asText()).isEqualTo(line.get("reason").asText());
                if (line.get("reason").asText().equals("trade")) {
                    trades++;
                    assertThat(r.kind()).isEqualTo(Kind.TRADE);
                    assertThat(r.signers()).containsExactly(payer, payee);
                } else {
                    assertThat(r.kind()).isEqualTo(Kind.BILL);
                    assertThat(line.get("reason").asText()).isEqualTo("fee");
                    assertThat(r.signers()).containsExactly("platform");
                }
            }
            assertThat(trades).isPositive();
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aChangedByteInAnAmountFailsNamingThatRecordAndPassesOnceRestored() throws Exception {
        long seq = 3; // the settlement's second line
        String amount = f.get("amount", seq);
        char last = amount.charAt(amount.length() - 1);
        String changed = amount.substring(0, amount.length() - 1) + (last == '9' ? '8' : (char) (last + 1));
        f.sql("UPDATE ledger_record SET amount = ? WHERE seq = ?", changed, seq);
        CliTest.Run bad = f.verify();
        assertThat(bad.code()).as(bad.out()).isEqualTo(PeerClearCli.CHECK_FAILED);
        assertThat(bad.err()).contains("bad record " + seq + ": its hash does not match its content").contains("(2 good records before it)");
        assertThat(bad.err().strip()).doesNotContain("\n");
        assertThat(bad.out()).isEmpty();
        f.sql("UPDATE ledger_record SET amount = ? WHERE seq = ?", amount, seq);
        assertThat(f.verify().code()).isZero();
    }

    @Test
    void aRecordDeletedInTheMiddleOrAtTheEndFails() throws Exception {
        long size = lines(bills).size() + 1;
        f.sql("DELETE FROM ledger_record WHERE seq = ?", size);
        CliTest.Run end = f.verify();
        assertThat(end.code()).isEqualTo(PeerClearCli.CHECK_FAILED);
        assertThat(end.err()).contains("bad record " + size + ": the head says " + size + " records");
        f.sql("DELETE FROM ledger_record WHERE seq = 5");
        CliTest.Run middle = f.verify();
        assertThat(middle.code()).isEqualTo(PeerClearCli.CHECK_FAILED);
        assertThat(middle.err()).contains("bad record 5: record 5 is missing (next is 6)");
    }

    @Test
    void signaturesAreCheckedAgainstTheKeystoreNamed() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        LedgerFixture other = LedgerFixture.cleared(elsewhere);
        other.settle(other.result, other.caseFile, elsewhere.resolve("bills.json"));
        Path otherKeys = Path.of(other.ledger + ".keys");
        CliTest.Run wrongKeys = f.verify("--keystore", otherKeys.toString());
        assertThat(wrongKeys.code()).isEqualTo(PeerClearCli.CHECK_FAILED);
        assertThat(wrongKeys.err()).contains("bad record 1: signed by a key that is not operator's");
        CliTest.Run rightKeys = f.verify("--keystore", f.ledger + ".keys");
        assertThat(rightKeys.code()).as(rightKeys.err()).isZero();
        assertThat(rightKeys.out()).contains("signatures checked against 6 keys of ");
        // Without a keystore, each party's first key in the ledger is trusted.
        Files.delete(Path.of(f.ledger + ".keys"));
        CliTest.Run tofu = f.verify();
        assertThat(tofu.code()).isZero();
        assertThat(tofu.out()).contains("each party's first key in the ledger (no keystore)");
    }

    @Test
    void theBalanceShownIsEachPartysNetInTheBills() throws Exception {
        JsonNode lines = lines(bills);
        JsonNode billed = EXACT.readTree(bills.toFile()).get("bills");
        assertThat(billed).hasSizeGreaterThan(2);
        for (JsonNode bill : billed) {
            String party = bill.get("party").asText();
            Path out = dir.resolve(party + ".json");
            CliTest.Run show = CliTest.run("ledger", "show", f.ledger.toString(), "--agent", party, "--out", out.toString());
            assertThat(show.code()).as(show.err()).isZero();
            JsonNode shown = EXACT.readTree(out.toFile());
            BigDecimal balance = shown.get("balance").decimalValue();
            assertThat(balance).as(party).isEqualByComparingTo(net(lines, party));
            double scale = bill.get("paid").doubleValue() + bill.get("received").doubleValue();
            assertThat(Math.abs(balance.doubleValue() - bill.get("net").doubleValue())).as(party)
                    .isLessThanOrEqualTo(1e-9 * scale);
            assertThat(shown.get("records")).isNotEmpty();
            CliTest.Run text = CliTest.run("ledger", "show", f.ledger.toString(), "--agent", party);
            assertThat(text.out()).contains("balance (received - paid): " + balance.toPlainString());
        }
        CliTest.Run all = CliTest.run("ledger", "show", f.ledger.toString());
        assertThat(all.code()).isZero();
        for (JsonNode bill : billed) {
            assertThat(all.out()).containsPattern("(?m)^" + bill.get("party").asText() + " +\\d+ .* "
                    + net(lines, bill.get("party").asText()).toPlainString() + "$");
        }
        // show reads the ledger, not the bills: a changed amount shows (and verify catches it).
        String payee = lines.get(1).get("payee").asText();
        f.sql("UPDATE ledger_record SET amount = ? WHERE seq = 3", "1000");
        Path out = dir.resolve("changed.json");
        assertThat(CliTest.run("ledger", "show", f.ledger.toString(), "--agent", payee, "--out", out.toString()).code()).isZero();
        assertThat(EXACT.readTree(out.toFile()).get("balance").decimalValue()).isNotEqualByComparingTo(net(lines, payee));
        assertThat(f.verify().code()).isEqualTo(PeerClearCli.CHECK_FAILED);
    }

    @Test
    void aSecondSettlementAppendsAndTheChainStillVerifiesButTheSameOneIsRefused() throws Exception {
        ObjectNode c = (ObjectNode) new ObjectMapper().readTree(f.caseFile.toFile());
        for (JsonNode a : c.get("agents")) {
            for (JsonNode asset : a.path("assets")) {
                if (asset.get("id").asText().equals("h2.load")) {
                    ((ObjectNode) asset).put("b", 0.31);
                }
            }
        }
        Path case2 = Files.writeString(dir.resolve("case2.json"), c.toString());
        Path result2 = dir.resolve("result2.json");
        assertThat(CliTest.run("clear", case2.toString(), "--out", result2.toString()).code()).isZero();
        Path bills2 = dir.resolve("bills2.json");
        CliTest.Run appended = f.settle(result2, case2, bills2);
        long first = lines(bills).size() + 1;
        assertThat(appended.err()).contains("as records " + (first + 1) + " to ").doesNotContain("new Ed25519");
        long second = lines(bills2).size() + 1;
        try (Ledger l = Ledger.open(f.ledger)) {
            assertThat(l.size()).isEqualTo(first + second);
        }
        CliTest.Run v = f.verify();
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("ok, " + (first + second) + " records");
        Path out = dir.resolve("h2.json");
        assertThat(CliTest.run("ledger", "show", f.ledger.toString(), "--agent", "h2", "--out", out.toString()).code()).isZero();
        assertThat(EXACT.readTree(out.toFile()).get("balance").decimalValue())
                .isEqualByComparingTo(net(lines(bills), "h2").add(net(lines(bills2), "h2")));
        CliTest.Run twice = LedgerFixture.run(Map.of(), "settle", result2.toString(), "--case", case2.toString(), "--ledger",
                f.ledger.toString(), "--password-file", f.passwordFile.toString());
        assertThat(twice.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(twice.err()).contains("holds this settlement already (record " + (first + 1));
        assertThat(twice.out()).as("nothing written").isEmpty();
        try (Ledger l = Ledger.open(f.ledger)) {
            assertThat(l.size()).isEqualTo(first + second);
        }
    }

    @Test
    void anAuctionsResultIsSettledIntoTheLedgerWithTheAuctioneerSigningItsTrades() throws Exception {
        Path o = Files.writeString(dir.resolve("o.json"), """
                {"format": "peerclear-orders", "version": 1, "orders": [
                  {"id": "b0", "agent": "b0", "side": "buy", "quantity": 1, "price": 6},
                  {"id": "b1", "agent": "b1", "side": "buy", "quantity": 2, "price": 4},
                  {"id": "s0", "agent": "s0", "side": "sell", "quantity": 1, "price": 1},
                  {"id": "s1", "agent": "s1", "side": "sell", "quantity": 1.5, "price": 2}]}
                """);
        Path a = dir.resolve("a.json");
        assertThat(CliTest.run("auction", o.toString(), "--mechanism", "huang", "--out", a.toString()).code()).isZero();
        Path auctionLedger = dir.resolve("auction.db");
        CliTest.Run settle = LedgerFixture.run(Map.of(), "settle", a.toString(), "--ledger", auctionLedger.toString(),
                "--password-file", f.passwordFile.toString(), "--out", dir.resolve("ab.json").toString());
        assertThat(settle.code()).as(settle.err()).isZero();
        assertThat(CliTest.run("ledger", "verify", auctionLedger.toString()).code()).isZero();
        try (Ledger l = Ledger.open(auctionLedger)) {
            List<Entry> auctioneer = l.history("auctioneer");
            assertThat(auctioneer).isNotEmpty().allSatisfy(e -> {
                assertThat(e.record().kind()).isEqualTo(Kind.TRADE);
                assertThat(e.record().signers()).contains("auctioneer").hasSize(2);
            });
            JsonNode digest = new ObjectMapper().readTree(l.history("operator").get(0).record().payload());
            assertThat(digest.has("case")).isFalse();
            assertThat(digest.get("settlement").asText()).isEqualTo(digest.get("result").asText());
        }
    }

    @Test
    void aFileThatIsNotALedgerFailsAndAMissingOneIsNotCreated() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "not a database\n");
        CliTest.Run notALedger = CliTest.run("ledger", "verify", text.toString());
        assertThat(notALedger.code()).isEqualTo(PeerClearCli.CHECK_FAILED);
        assertThat(notALedger.err()).contains("notes.db: cannot be read as a ledger");
        Path truncated = dir.resolve("truncated.db");
        byte[] whole = Files.readAllBytes(f.ledger);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 4));
        assertThat(CliTest.run("ledger", "verify", truncated.toString()).code()).isEqualTo(PeerClearCli.CHECK_FAILED);
        // Emptied to nothing, or another program's database: no ledger table, so not an empty valid ledger.
        Path emptied = Files.write(dir.resolve("emptied.db"), new byte[0]);
        Path other = dir.resolve("other.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
        }
        for (Path p : List.of(emptied, other)) {
            CliTest.Run r = CliTest.run("ledger", "verify", p.toString());
            assertThat(r.code()).isEqualTo(PeerClearCli.CHECK_FAILED);
            assertThat(r.err()).contains("no ledger in " + p + ": it has no ledger_record table");
            assertThat(CliTest.run("ledger", "show", p.toString()).code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        }
        assertThat(emptied).isEmptyFile();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
             java.sql.ResultSet tables = c.getMetaData().getTables(null, null, "ledger%", null)) {
            assertThat(tables.next()).as("no ledger tables added to another program's database").isFalse();
        }
        Path missing = dir.resolve("missing.db");
        for (String command : List.of("verify", "show")) {
            CliTest.Run r = CliTest.run("ledger", command, missing.toString());
            assertThat(r.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
            assertThat(r.err()).contains("no ledger at " + missing);
        }
        assertThat(missing).doesNotExist();
        CliTest.Run noKeys = f.verify("--keystore", dir.resolve("nokeys").toString());
        assertThat(noKeys.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(noKeys.err()).contains("--keystore: no keystore at");
        CliTest.Run nobody = CliTest.run("ledger", "show", f.ledger.toString(), "--agent", "nobody");
        assertThat(nobody.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(nobody.err()).contains("has no record of nobody");
    }
}
