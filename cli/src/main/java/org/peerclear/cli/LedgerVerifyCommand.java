package org.peerclear.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peerclear.ledger.KeystorePublicKeys;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.LedgerException;
import org.peerclear.ledger.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger verify FILE.db [--keystore FILE]}: recomputes every record's hash and chain link and
 * checks every signature ({@link Ledger#verify(Map)}); exit 0 with a summary on stdout, or 3 naming
 * the first bad record on stderr. An SQLite file that no longer opens as a ledger also fails the
 * check (exit 3); a missing file, an unreadable keystore or an unreachable server is exit 2.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the hash chain and check every signature; exit 3 naming the first bad record.")
public final class LedgerVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.db|JDBC-URL", description = "The ledger: an SQLite file or a JDBC URL.")
    String ledger;

    @Option(names = "--keystore", paramLabel = "FILE", description = "Check each party's signatures against its public key"
            + " in this keystore (no password needed) (default: FILE.db" + LedgerTarget.KEYSTORE_SUFFIX + " when it exists;"
            + " else each party's first key in the ledger).")
    Path keystore;

    @Override
    public Integer call() {
        LedgerTarget target = new LedgerTarget(ledger);
        if (keystore != null && !Files.isRegularFile(keystore)) {
            throw new InvalidInputException("--keystore: no keystore at " + keystore);
        }
        Path keys = keystore != null ? keystore
                : !target.jdbc() && Files.isRegularFile(target.defaultKeystore()) ? target.defaultKeystore() : null;
        Map<String, PublicKey> trusted = keys == null ? Map.of() : KeystorePublicKeys.read(keys);
        long start = System.nanoTime();
        Ledger l;
        try {
            l = target.openExisting();
        } catch (LedgerException e) {
            if (target.jdbc()) {
                throw e;
            }
            return failed("cannot be read as a ledger: " + e.getMessage());
        }
        VerifyReport r;
        try (l) {
            r = l.verify(trusted);
        }
        if (!r.ok()) {
            return failed(r.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "ledger %s: ok, %d records verified in %.3f s; signatures checked against %s; head %s",
                target.display(), r.records(), (System.nanoTime() - start) * 1e-9,
                keys == null ? "each party's first key in the ledger (no keystore)" : trusted.size() + " keys of " + keys,
                r.headHash()));
        out.flush();
        return PeerClearCli.OK;
    }

    private int failed(String why) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(PeerClearCli.oneLine("ledger " + new LedgerTarget(ledger).display() + ": " + why));
        err.flush();
        return PeerClearCli.CHECK_FAILED;
    }
}
