package org.peerclear.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What ties a settlement's ledger records to the files it settled: SHA-256 digests (hex) of the
 * result file's bytes, of the case file's bytes, and of the two in a row, which is the
 * settlement's identifier: {@code cat RESULT.json CASE.json | sha256sum} (an auction, settled
 * without a case: {@code sha256sum RESULT.json}).
 *
 * @param settlement SHA-256 of the result's bytes followed by the case's bytes
 * @param result SHA-256 of the result's bytes
 * @param caseDigest SHA-256 of the case's bytes, or null when there is no case
 */
record SettlementDigest(String settlement, String result, String caseDigest) {
    /**
     * Digests the files.
     *
     * @param result the result file
     * @param caseFile the case file, or null
     * @return the digests
     * @throws UncheckedIOException when a file cannot be read
     */
    static SettlementDigest of(Path result, Path caseFile) {
        MessageDigest both = sha256();
        String r = digest(result, both);
        String c = caseFile == null ? null : digest(caseFile, both);
        return new SettlementDigest(HexFormat.of().formatHex(both.digest()), r, c);
    }

    /** Digests one file, feeding its bytes to {@code also} too. */
    private static String digest(Path file, MessageDigest also) {
        MessageDigest one = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                one.update(buffer, 0, n);
                also.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(one.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
