package org.peerclear.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/** An agent's Ed25519 key pair, which signs ledger records in its name. */
public final class Signer {
    private final String agent;
    private final KeyPair keys;
    private final String publicKeyBase64;

    /**
     * An agent's signer.
     *
     * @param agent the agent's identifier
     * @param keys its Ed25519 key pair
     */
    public Signer(String agent, KeyPair keys) {
        this.agent = Record.checkId(agent);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.publicKeyBase64 = keys.getPublic() == null ? null : Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /**
     * A signer with a fresh Ed25519 key pair.
     *
     * @param agent the agent's identifier
     * @return the signer
     */
    public static Signer generate(String agent) {
        try {
            return new Signer(agent, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new LedgerException("Ed25519 unavailable", e);
        }
    }

    /** @return the agent's identifier */
    public String agent() {
        return agent;
    }

    /** @return the public key, which verifies this signer's signatures */
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** @return the public key's X.509 encoding in base64, as the ledger stores it (computed once) */
    String publicKeyBase64() {
        return publicKeyBase64;
    }

    KeyPair keyPair() {
        return keys;
    }

    /**
     * Signs bytes with Ed25519.
     *
     * @param message the bytes (a record's hash)
     * @return the 64-byte signature
     */
    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new LedgerException("cannot sign as " + agent, e);
        }
    }
}
