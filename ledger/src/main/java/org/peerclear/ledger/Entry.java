package org.peerclear.ledger;

import java.util.List;

/**
 * A record as stored in the ledger: its place in the chain, its hash and its signatures.
 *
 * @param sequence its position, from 1
 * @param record its content
 * @param previousHash the previous record's hash (hex), 64 zeros for the first
 * @param hash this record's hash (hex): SHA-256 of the canonical encoding
 * @param signatures one per signer, in the record's signer order
 */
public record Entry(long sequence, Record record, String previousHash, String hash, List<SignatureEntry> signatures) {
    /**
     * Copies the list.
     *
     * @param sequence its position, from 1
     * @param record its content
     * @param previousHash the previous record's hash (hex)
     * @param hash this record's hash (hex)
     * @param signatures one per signer
     */
    public Entry {
        signatures = List.copyOf(signatures);
    }

    /**
     * One signature on a record's hash.
     *
     * @param agent who signed
     * @param publicKey the signer's Ed25519 public key, X.509 encoded, base64
     * @param signature the Ed25519 signature of the record's 32-byte hash, base64
     */
    public record SignatureEntry(String agent, String publicKey, String signature) {
    }
}
