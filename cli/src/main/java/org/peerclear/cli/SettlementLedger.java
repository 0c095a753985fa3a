package org.peerclear.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.peerclear.ledger.Entry;
import org.peerclear.ledger.Kind;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.Record;
import org.peerclear.settlement.Settle;

/**
 * Appends a settlement's records to a ledger in one transaction (all or none). Everything that can
 * refuse is checked first, by {@link #prepare}, before the {@code settle} command writes anything:
 * the ledger opens, it does not hold this settlement already (the same result and case settled
 * twice would bill everyone twice), the keystore opens with the password, its key for the operator
 * is the one that signed the ledger's earlier settlements, and no party that has signed in this
 * ledger is about to get a new key (its records would no longer verify). Another party whose key in
 * the keystore differs from the one it signed with is not caught here (that would read its whole
 * history); {@code ledger verify --keystore} catches it.
 */
final class SettlementLedger implements AutoCloseable {
    private static final int NAMES_SHOWN = 12;

    private final LedgerTarget target;
    private final Path keystore;
    private final Ledger ledger;
    private final SettlementSigners signers;
    private final List<Record> records;

    private SettlementLedger(LedgerTarget target, Path keystore, Ledger ledger, SettlementSigners signers, List<Record> records) {
        this.target = target;
        this.keystore = keystore;
        this.ledger = ledger;
        this.signers = signers;
        this.records = records;
    }

    /**
     * Opens the ledger and the keystore and checks that the records may be appended.
     *
     * @param target the ledger
     * @param keystore the keystore file
     * @param password its password
     * @param records the settlement's records, the result digest first
     * @return ready to append; close it
     * @throws InvalidInputException when the records must not be appended
     */
    static SettlementLedger prepare(LedgerTarget target, Path keystore, KeystorePassword password, List<Record> records) {
        Ledger ledger = target.openOrCreate();
        try {
            long size = ledger.size();
            List<Entry> operator = size == 0 ? List.of() : ledger.history(Settle.OPERATOR);
            refuseDuplicate(operator, target, SettlementPayload.settlementOf(records.get(0)));
            if (size > 0 && !Files.exists(keystore)) {
                throw new InvalidInputException("ledger " + target.display() + " holds " + size + " records but keystore "
                        + keystore + " does not exist: name the keystore its parties signed with (--keystore FILE)");
            }
            SettlementSigners signers = SettlementSigners.open(keystore, password);
            refuseOtherOperatorKey(operator, target, keystore, signers);
            if (size > 0) {
                for (String p : signers.missing(records)) {
                    refuseNewKey(ledger, target, keystore, p);
                }
            }
            return new SettlementLedger(target, keystore, ledger, signers, records);
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    private static void refuseDuplicate(List<Entry> operator, LedgerTarget target, String settlement) {
        for (Entry e : operator) {
            if (e.record().kind() == Kind.RESULT_DIGEST && settlement.equals(SettlementPayload.settlementOf(e.record()))) {
                throw new InvalidInputException("ledger " + target.display() + " holds this settlement already (record "
                        + e.sequence() + ", settlement " + settlement + "): the same result and case are not billed twice");
            }
        }
    }

    /** The operator signs every settlement: a keystore with another key for it is not this ledger's. */
    private static void refuseOtherOperatorKey(List<Entry> operator, LedgerTarget target, Path keystore, SettlementSigners signers) {
        String key = signers.publicKey(Settle.OPERATOR);
        for (Entry e : operator) {
            for (Entry.SignatureEntry s : e.signatures()) {
                if (s.agent().equals(Settle.OPERATOR) && key != null && !key.equals(s.publicKey())) {
                    throw new InvalidInputException("keystore " + keystore + " is not the one ledger " + target.display()
                            + " was signed with: its key for " + Settle.OPERATOR + " did not sign record " + e.sequence());
                }
            }
        }
    }

    private static void refuseNewKey(Ledger ledger, LedgerTarget target, Path keystore, String party) {
        for (Entry e : ledger.history(party)) {
            if (e.signatures().stream().anyMatch(s -> s.agent().equals(party))) {
                throw new InvalidInputException(party + " signed record " + e.sequence() + " of ledger " + target.display()
                        + " but has no key in keystore " + keystore + ": a new key would not verify against the old one");
            }
        }
    }

    /**
     * Signs the records, generating the keys that are missing, appends them and says so on {@code err}.
     *
     * @param err where to report
     */
    void append(PrintWriter err) {
        List<Ledger.Pending> batch = signers.sign(records);
        if (signers.created()) {
            err.println("keystore " + keystore + ": created");
        }
        List<String> generated = signers.generated();
        if (!generated.isEmpty()) {
            err.println("keystore " + keystore + ": new Ed25519 key pairs for " + generated.size() + " part"
                    + (generated.size() == 1 ? "y" : "ies") + ": " + names(generated));
        }
        List<Entry> entries = ledger.appendAll(batch);
        Map<Kind, Long> kinds = records.stream().collect(Collectors.groupingBy(Record::kind, Collectors.counting()));
        err.println(String.format(Locale.ROOT, "ledger %s: appended %d records (%d result digest, %d trades, %d bills) as"
                + " records %d to %d; it holds %d records", target.display(), entries.size(), kinds.getOrDefault(Kind.RESULT_DIGEST, 0L),
                kinds.getOrDefault(Kind.TRADE, 0L), kinds.getOrDefault(Kind.BILL, 0L), entries.get(0).sequence(),
                entries.get(entries.size() - 1).sequence(), ledger.size()));
        err.flush();
    }

    private static String names(List<String> parties) {
        String shown = parties.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        return parties.size() <= NAMES_SHOWN ? shown : shown + " and " + (parties.size() - NAMES_SHOWN) + " more";
    }

    @Override
    public void close() {
        ledger.close();
    }
}
