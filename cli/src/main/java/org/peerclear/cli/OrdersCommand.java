package org.peerclear.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.peerclear.auction.discretise.CaseOrders;
import org.peerclear.io.OrdersWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code orders CASE.json --steps K --out O.json [--period T]}: a market case as an order file,
 * each asset's marginal-cost curve in K price-quantity steps, so an auction and the optimisation
 * can be compared on one market.
 */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = "Turn a market case into an order file: each asset's marginal-cost curve in K steps.")
public final class OrdersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE.json", description = "A market case (version 1 or 2).")
    Path casePath;

    @Option(names = "--steps", required = true, paramLabel = "K", description = "Steps per curved asset (>= 1).")
    int steps;

    @Option(names = "--out", required = true, paramLabel = "O.json", description = "The order file (written atomically).")
    Path out;

    @Option(names = "--period", paramLabel = "T", description = "The period of a case with several (0-based);"
            + " required when it has more than one (default: 0 for a case of one period).")
    Integer period;

    @Override
    public Integer call() {
        if (steps < 1) {
            throw new InvalidInputException("--steps: must be an integer >= 1, got " + steps);
        }
        List<CaseOrders> periods = CaseAuctions.periods(casePath, steps);
        if (period == null && periods.size() > 1) {
            throw new InvalidInputException("--period: the case has " + periods.size() + " periods; say which (0 to "
                    + (periods.size() - 1) + "), or run 'auction CASE.json --steps K' for an auction per period");
        }
        int t = period == null ? 0 : period;
        if (t < 0 || t >= periods.size()) {
            throw new InvalidInputException("--period: must be 0 to " + (periods.size() - 1) + ", got " + t);
        }
        CaseOrders c = periods.get(t);
        OrdersWriter.write(c.orders(), out);
        spec.commandLine().getErr().println("wrote " + out + ": " + c.orders().orders().size() + " orders from " + casePath
                + (periods.size() > 1 ? " period " + t : "") + ", " + steps + " steps"
                + (c.notes().isEmpty() ? "" : "; " + String.join("; ", c.notes())));
        spec.commandLine().getErr().flush();
        return PeerClearCli.OK;
    }
}
