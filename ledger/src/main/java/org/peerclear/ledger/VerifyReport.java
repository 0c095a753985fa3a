package org.peerclear.ledger;

/**
 * The outcome of {@link Ledger#verify()}.
 *
 * @param ok whether every record's chain link, hash and signatures check
 * @param records how many records were checked and found good
 * @param headHash the hash (hex) of the last good record, or 64 zeros when there is none; publish it to detect a later truncation
 * @param badSequence the sequence number of the first bad record, or -1 when all are good (0 when the database itself is unreadable)
 * @param reason why the first bad record is bad, or empty
 */
public record VerifyReport(boolean ok, long records, String headHash, long badSequence, String reason) {
    @Override
    public String toString() {
        return ok ? "ok: " + records + " records, head " + headHash
                : "bad record " + badSequence + ": " + reason + " (" + records + " good records before it)";
    }
}
