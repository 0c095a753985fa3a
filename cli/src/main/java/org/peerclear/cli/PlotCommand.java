package org.peerclear.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.OrdersReader;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.order.OrderFile;
import org.peerclear.plot.AuctionOutcome;
import org.peerclear.plot.PlotKind;
import org.peerclear.plot.Plots;
import org.peerclear.plot.ResultData;
import org.peerclear.plot.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plot RESULT.json --kind K --out FILE.png|FILE.svg}: a picture of a result file. */
@Command(name = "plot", mixinStandardHelpOptions = true, description = "Draw a result: PNG or SVG, by the name of --out.")
public final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT.json", description = "A result that clear wrote.")
    Path resultPath;

    @Option(names = "--kind", required = true, description = "voltage, prices, convergence, supply-demand or energy.")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.svg", description = "The picture (written atomically).")
    Path out;

    @Option(names = "--case", paramLabel = "CASE.json", description = "The market's case: needed by --kind supply-demand"
            + " (asset bounds and costs) (default: none).")
    Path casePath;

    @Option(names = "--orders", paramLabel = "ORDERS.json", description = "The order file of an auction result: with"
            + " --kind supply-demand, draws the book's bids and asks and what the auction decided (default: none).")
    Path ordersPath;

    @Override
    public Integer call() {
        // Pictures are drawn off screen: no display is needed, nor used when there is one.
        System.setProperty("java.awt.headless", "true");
        PlotKind k;
        try {
            k = PlotKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--" + e.getMessage());
        }
        if (ordersPath != null) {
            return auction(k);
        }
        ResultData result = ResultReader.read(resultPath);
        Market market = casePath == null ? null : MarketCaseReader.withBusLookup(FeederBuses::of).read(casePath);
        try {
            Plots.write(Plots.picture(k, result, market), out);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(resultPath + ": " + e.getMessage());
        }
        return wrote(k);
    }

    /** An auction result over its order file: supply and demand only. */
    private Integer auction(PlotKind k) {
        if (k != PlotKind.SUPPLY_DEMAND) {
            throw new InvalidInputException("--orders: an auction result draws --kind supply-demand only, not " + k.label());
        }
        OrderFile orders;
        try {
            orders = new OrdersReader().read(ordersPath);
        } catch (InvalidMarketException e) {
            throw new InvalidInputException("invalid order file " + ordersPath + ": " + e.getMessage());
        }
        try {
            Plots.write(Plots.auction(orders, AuctionOutcome.read(resultPath)), out);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(resultPath + ": " + e.getMessage());
        }
        return wrote(k);
    }

    private Integer wrote(PlotKind k) {
        spec.commandLine().getErr().println("wrote " + out + " (" + k.label() + " of " + resultPath + ")");
        spec.commandLine().getErr().flush();
        return PeerClearCli.OK;
    }
}
