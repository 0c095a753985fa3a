package org.peerclear.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerclear.ledger.Keystore;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.Record;
import org.peerclear.ledger.Signer;

/**
 * The signers of a settlement's records, from a keystore: a party without a key gets a new Ed25519
 * key pair, stored in the keystore, the first time it signs. The keystore is created when it does
 * not exist.
 */
final class SettlementSigners {
    private final Keystore keystore;
    private final boolean created;
    private final Set<String> known;
    private final Map<String, Signer> signers = new HashMap<>();
    private final List<String> generated = new ArrayList<>();

    private SettlementSigners(Keystore keystore, boolean created) {
        this.keystore = keystore;
        this.created = created;
        this.known = new HashSet<>(keystore.agents());
    }

    /**
     * Opens the keystore, or creates it.
     *
     * @param file the keystore
     * @param password its password
     * @return the signers
     * @throws org.peerclear.ledger.LedgerException when the password is wrong or the file is not a keystore
     */
    static SettlementSigners open(Path file, KeystorePassword password) {
        boolean create = !Files.exists(file);
        Keystore k = create ? Keystore.create(file, password.password()) : Keystore.open(file, password.password());
        return new SettlementSigners(k, create);
    }

    /** {@return whether the keystore was created now} */
    boolean created() {
        return created;
    }

    /** {@return the parties whose keys were generated now, in the order they first signed} */
    List<String> generated() {
        return List.copyOf(generated);
    }

    /**
     * A party's public key, as the ledger stores it beside its signatures.
     *
     * @param party the party
     * @return its X.509-encoded public key in base64, or null when it has no key here
     */
    String publicKey(String party) {
        return known.contains(party) ? Base64.getEncoder().encodeToString(keystore.publicKey(party).getEncoded()) : null;
    }

    /**
     * The parties that sign some of the records and have no key yet.
     *
     * @param records the records
     * @return the parties, in the order they first sign
     */
    List<String> missing(List<Record> records) {
        return records.stream().flatMap(r -> r.signers().stream()).distinct().filter(p -> !known.contains(p)).toList();
    }

    /**
     * The records with their signers, generating the keys that are missing.
     *
     * @param records the records
     * @return the records to append
     */
    List<Ledger.Pending> sign(List<Record> records) {
        List<String> missing = missing(records);
        if (!missing.isEmpty()) {
            // One keystore write for all of them.
            signers.putAll(keystore.generateAll(missing));
            known.addAll(missing);
            generated.addAll(missing);
        }
        List<Ledger.Pending> out = new ArrayList<>(records.size());
        for (Record r : records) {
            out.add(new Ledger.Pending(r, r.signers().stream().map(this::signer).toList()));
        }
        return out;
    }

    private Signer signer(String party) {
        return signers.computeIfAbsent(party, keystore::signer);
    }
}
