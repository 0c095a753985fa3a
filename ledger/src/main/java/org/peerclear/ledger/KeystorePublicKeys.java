package org.peerclear.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the public keys of a {@link Keystore} file without its password, to verify a ledger
 * ({@link Ledger#verify(Map)}) where the private keys are not needed. {@link Keystore#open} derives
 * the file's key from the password and checks it, so it cannot serve a reader that has none; the
 * public keys are stored in clear (see {@link Keystore}'s file format), and this class reads only
 * them: the header, and the agent and {@code PUBLIC} fields of every {@code key} line.
 */
public final class KeystorePublicKeys {
    private static final String HEADER = "peerclear-keystore 1";

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
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
        if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("kdf ")) {
            throw new LedgerException("not a PeerClear keystore: " + file);
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            if (f.length != 5 || !f[0].equals("key")) {
                throw new LedgerException("bad key line in " + file + ": " + line);
            }
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
