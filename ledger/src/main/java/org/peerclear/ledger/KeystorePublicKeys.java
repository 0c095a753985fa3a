package org.peerclear.ledger;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the public keys of a {@link Keystore} file without its password, to verify a ledger
 * ({@link Ledger#verify(Map)}) where the private keys are not needed. {@link Keystore#open} derives
 * the file's key from the password and checks it, so it cannot serve a reader that has none; the
 * public keys are stored in clear (see {@link Keystore}'s file format), and this class reads only
 * them: the header, and the agent and {@code PUBLIC} fields of every {@code key} line.
 */
public final class KeystorePublicKeys {

    private KeystorePublicKeys() {
    }

    /**
     * Every agent's public key in a keystore file.
     *
     * @param file the keystore
     * @return the keys by agent, in the file's order
     * @throws LedgerException when the file cannot be read or is not a keystore
     */
    public static Map<String, PublicKey> read(Path file) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String[] f : Keystore.keyLines(file, Keystore.lines(file))) {
            try {
                Record.checkId(f[1]);
                PublicKey k = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(f[2])));
                if (keys.put(f[1], k) != null) {
                    throw new LedgerException("agent " + f[1] + " has two keys in " + file);
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new LedgerException("bad public key of " + f[1] + " in " + file + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(keys);
    }
}
