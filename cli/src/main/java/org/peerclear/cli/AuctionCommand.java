package org.peerclear.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.peerclear.auction.AuctionMechanism;
import org.peerclear.auction.AuctionOptions;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionResultWriter;
import org.peerclear.auction.AuctionStatus;
import org.peerclear.auction.discretise.CaseOrders;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.OrdersReader;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.options.Options;
import org.peerclear.order.OrderFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code auction ORDERS.json --mechanism M [--out FILE.json] [--csv DIR] [--set auction.k=0.3]}:
 * a double auction on an order file. An auction where nothing crosses is status {@code NO_TRADE},
 * exit 0: a fact of the market, not an error.
 */
@Command(name = "auction", mixinStandardHelpOptions = true,
        description = "Run a double auction on an order file (orders.md); the result as JSON on stdout or --out.")
public final class AuctionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDERS.json|CASE.json", description = "An order file (format peerclear-orders),"
            + " or a market case with --steps: an auction per period of its orders.")
    Path ordersPath;

    @Option(names = "--steps", paramLabel = "K", description = "With a market case: steps per curved asset when turning it"
            + " into orders, as the orders command does (default: none; required for a case).")
    Integer steps;

    @Option(names = "--mechanism", required = true, paramLabel = "M",
            description = "uniform, huang, cda or cda-network (or a plugged-in mechanism's name).")
    String mechanism;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the result here, atomically (default: stdout).")
    Path out;

    @Option(names = "--csv", paramLabel = "DIR", description = "Also write fills.csv, trades.csv and, for cda-network,"
            + " rejected.csv here (default: none).")
    Path csv;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set a named option (repeatable), e.g."
            + " --set auction.k=0.3; every one is listed below (default: none).")
    Map<String, String> set = new LinkedHashMap<>();

    @Override
    public Integer call() {
        AuctionMechanism m;
        try {
            m = AuctionMechanism.registered().get(mechanism);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--mechanism: " + e.getMessage());
        }
        Options named = CliSettings.fromSet(Options.defaults(AuctionOptions.CATALOG), set);
        if (CaseAuctions.isMarketCase(ordersPath)) {
            return perPeriod(m, AuctionOptions.of(named));
        }
        if (steps != null) {
            throw new InvalidInputException("--steps: applies to a market case; " + ordersPath + " is an order file");
        }
        OrderFile orders;
        try {
            orders = new OrdersReader().read(ordersPath);
        } catch (InvalidMarketException e) {
            throw new InvalidInputException("invalid order file " + ordersPath + ": " + e.getMessage());
        }
        AuctionResult r;
        try {
            r = m.run(orders, AuctionOptions.of(named));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ordersPath + ": " + e.getMessage());
        }
        if (out != null) {
            AuctionResultWriter.write(r, out);
        } else {
            PrintWriter o = spec.commandLine().getOut();
            AuctionResultWriter.write(r, o);
            o.flush();
        }
        if (csv != null) {
            AuctionCsv.write(r, csv);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(summary(r, orders));
        err.flush();
        return PeerClearCli.OK;
    }

    /** A market case: its orders in K steps, an auction per period, the results in period order. */
    private Integer perPeriod(AuctionMechanism m, AuctionOptions options) {
        if (steps == null || steps < 1) {
            throw new InvalidInputException("--steps: a market case needs --steps K (>= 1) to become orders");
        }
        if (csv != null) {
            throw new InvalidInputException("--csv: writes one auction's files; with a case, use --out for every period's result");
        }
        List<CaseOrders> periods = CaseAuctions.periods(ordersPath, steps);
        List<AuctionResult> results = new ArrayList<>();
        for (CaseOrders c : periods) {
            try {
                results.add(m.run(c.orders(), options));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(ordersPath + ": " + e.getMessage());
            }
        }
        double[] trueWelfare = new double[results.size()];
        for (int t = 0; t < results.size(); t++) {
            trueWelfare[t] = periods.get(t).welfare(results.get(t));
        }
        Consumer<Writer> body = w -> {
            if (results.size() == 1) {
                AuctionResultWriter.write(results.get(0), trueWelfare[0], w);
            } else {
                AuctionResultWriter.write(results, trueWelfare, w);
            }
        };
        if (out != null) {
            AtomicFiles.write(out, body);
        } else {
            PrintWriter o = spec.commandLine().getOut();
            body.accept(o);
            o.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        for (int t = 0; t < results.size(); t++) {
            CaseOrders c = periods.get(t);
            err.println((results.size() > 1 ? "period " + t + ": " : "") + summary(results.get(t), c.orders())
                    + String.format(Locale.ROOT, "; true welfare %.6g", trueWelfare[t]));
        }
        err.flush();
        return PeerClearCli.OK;
    }

    private static String summary(AuctionResult r, OrderFile orders) {
        String unit = orders.units().power();
        if (r.status() == AuctionStatus.NO_TRADE) {
            return "NO_TRADE " + r.mechanism() + ": no bid meets an ask (" + orders.orders().size() + " orders)";
        }
        String prices = !Double.isNaN(r.price()) ? "at " + fmt(r.price())
                : !Double.isNaN(r.buyPrice()) ? "buyers pay " + fmt(r.buyPrice()) + ", sellers receive " + fmt(r.sellPrice())
                : "at the resting orders' prices";
        return String.format(Locale.ROOT, "CLEARED %s: %s %s traded %s; surplus %s, welfare %s %s", r.mechanism(), fmt(r.volume()),
                unit, prices, fmt(r.surplus()), fmt(r.welfare()), orders.units().currency())
                + (r.rejected().isEmpty() ? "" : "; " + r.rejected().size() + " matches refused or cut for the feeder");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
