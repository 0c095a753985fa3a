package org.peerclear.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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
 * {@code settle RESULT.json [--case CASE.json] [--out BILLS.json]}: every party's bill and every
 * payment of a clearing's or an auction's result, with money and energy conserved (cli.md,
 * "settle"). The signed ledger ({@code --ledger}) is not wired yet.
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
        Bills b;
        try {
            b = auction ? Settle.auction(result) : Settle.of(result, casePath);
        } catch (InvalidMarketException e) {
            throw new InvalidInputException("invalid market case " + casePath + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(result + ": " + e.getMessage());
        }
        if (out != null) {
            BillsWriter.write(b, out);
        } else {
            PrintWriter o = spec.commandLine().getOut();
            BillsWriter.write(b, o);
            o.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "settled %s: %d parties, %d payments over %d period(s); imbalance %.3g of %.6g paid",
                result.getFileName(), b.bills().size(), b.lines().size(), b.periods(), b.imbalance(), b.gross()));
        err.flush();
        return PeerClearCli.OK;
    }
}
