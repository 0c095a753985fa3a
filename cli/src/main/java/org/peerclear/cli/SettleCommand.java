package org.peerclear.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.peerclear.io.AtomicFiles;
import org.peerclear.ledger.Record;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.settlement.Bills;
import org.peerclear.settlement.BillsWriter;
import org.peerclear.settlement.Settle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code settle RESULT.json [--case CASE.json] [--out BILLS.json] [--ledger FILE.db]}: every
 * party's bill and every payment of a clearing's or an auction's result, with money and energy
 * conserved (cli.md, "settle"); with {@code --ledger}, the settlement is also appended to a signed,
 * hash-chained ledger ({@link SettlementRecords}, {@link SettlementLedger}).
 */
@Command(name = "settle", mixinStandardHelpOptions = true,
        description = "Bills and payment lines of a result: a clearing's (with its case) or an auction's.")
public final class SettleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT.json", description = "A result that clear or auction wrote.")
    Path result;

    @Option(names = "--case", paramLabel = "CASE.json", description = "The market case the result cleared; required for a"
            + " clearing's result, not for an auction's (default: none).")
    Path casePath;

    @Option(names = "--out", paramLabel = "BILLS.json", description = "Write the bills here, atomically (default: stdout).")
    Path out;

    @Option(names = "--ledger", paramLabel = "FILE.db|JDBC-URL", description = "Also append the settlement, signed and"
            + " hash-chained, to this ledger: an SQLite file (created when absent) or a jdbc:postgresql:// URL (default: none).")
    String ledger;

    @Option(names = "--keystore", paramLabel = "FILE", description = "The parties' keys (created when absent; a party"
            + " without a key gets one) (default: FILE.db" + LedgerTarget.KEYSTORE_SUFFIX + " next to an SQLite ledger;"
            + " required with a JDBC URL).")
    Path keystore;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the keystore's password from this file"
            + " (default: the environment variable " + KeystorePassword.ENV + ").")
    Path passwordFile;

    /** Looks up the environment ({@code System::getenv}); the password's fallback source. */
    UnaryOperator<String> environment = System::getenv;

    /**
     * An auction's result names its mechanism at the top level, or (an auction per period) holds
     * its results in a {@code periods} array; a clearing's has no mechanism and its
     * {@code periods}, when present, is a count.
     */
    private static boolean isAuctionResult(Path file) {
        return TopLevelField.of(file, "mechanism").isPresent()
                || TopLevelField.of(file, "periods").filter(String::isEmpty).isPresent();
    }

    @Override
    public Integer call() {
        boolean auction = isAuctionResult(result);
        if (!auction && casePath == null) {
            throw new InvalidInputException("--case: a clearing's result is settled with its case (--case CASE.json)");
        }
        if (ledger == null && (keystore != null || passwordFile != null)) {
            throw new InvalidInputException((keystore != null ? "--keystore" : "--password-file") + " applies with --ledger only");
        }
        if (ledger == null) {
            write(settle(auction));
            return PeerClearCli.OK;
        }
        LedgerTarget target = new LedgerTarget(ledger);
        Path keys = target.keystore(keystore);
        KeystorePassword password = KeystorePassword.resolve(passwordFile, environment);
        Bills b = settle(auction);
        SettlementDigest digest = SettlementDigest.of(result, auction ? null : casePath);
        List<Record> records = SettlementRecords.of(b, digest, result.getFileName().toString(),
                auction ? null : casePath.getFileName().toString());
        try (SettlementLedger l = SettlementLedger.prepare(target, keys, password, records)) {
            write(b);
            l.append(spec.commandLine().getErr());
        }
        return PeerClearCli.OK;
    }

    private Bills settle(boolean auction) {
        Bills b;
        try {
            b = auction ? Settle.auction(result) : Settle.of(result, casePath);
        } catch (InvalidMarketException e) {
            throw new InvalidInputException("invalid market case " + casePath + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(result + ": " + e.getMessage());
        }
        return b;
    }

    private void write(Bills b) {
        if (out != null) {
            AtomicFiles.write(out, w -> BillsWriter.write(b, w));
        } else {
            PrintWriter o = spec.commandLine().getOut();
            BillsWriter.write(b, o);
            o.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "settled %s: %d parties, %d payments over %d period(s); imbalance %.3g of %.6g paid",
                result.getFileName(), b.bills().size(), b.lines().size(), b.periods(), b.imbalance(), b.gross()));
        err.flush();
    }
}
