package org.peerclear.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.HorizonClearing;
import org.peerclear.clearing.horizon.RollingHorizon;
import org.peerclear.clearing.horizon.SimulationSummaryWriter;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.clearing.options.ClearingCatalog;
import org.peerclear.clearing.options.ClearingSettings;
import org.peerclear.index.MarketIndex;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.Csv;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.HorizonMarket;
import org.peerclear.options.Options;
import org.peerclear.result.NetworkOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: a long horizon one window at a time ({@link RollingHorizon}); writes
 * {@code summary.json} (status per window, totals) and the committed time series as CSV
 * ({@code agents.csv} p per period and agent, {@code prices.csv}, {@code assets.csv} with the
 * stores' energy after each period, and with a feeder {@code voltages.csv}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Rolling horizon: clear W periods, commit the first S, carry the stores' energy forward, move on by S.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE.json", description = "The market case (version 2, with periods).")
    Path casePath;

    @Option(names = "--window", defaultValue = "24", description = "Periods per window W (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--step", defaultValue = "24", description = "Periods committed per window S, at most W (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--from", defaultValue = "0", description = "First period T0 (default: ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--to", description = "Period after the last one, T1 (default: the case's periods).")
    Integer to;

    @Option(names = "--method", defaultValue = "qp", description = "qp or lp: each window is one centralised problem on the"
            + " default back-end (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for summary.json and the CSVs.")
    Path out;

    @Option(names = "--progress", description = "Show progress on stderr: windows done, time so far, time left (default: off).")
    boolean progress;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set a named option (repeatable), e.g. --set"
            + " solver.timeLimit=60 (each window's limit); listed below; over the case's \"options\" block (default: none).")
    Map<String, String> set = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (!List.of("qp", "lp", "auto").contains(method)) {
            throw new InvalidInputException("--method " + method + " does not simulate yet; use qp or lp");
        }
        PrintWriter err = spec.commandLine().getErr();
        MarketCaseReader.Case c = MarketCaseReader.withBusLookup(FeederBuses::of).readHorizonCase(casePath);
        HorizonMarket hm = c.horizon();
        int end = to == null ? hm.periods() : to;
        Options settings = CliSettings.fromSet(CliSettings.fromCase(Options.defaults(ClearingCatalog.CATALOG), c.options(), casePath), set);
        CliSettings.refuse(settings, List.of("admm.", "network."), "does not apply to simulate (its windows are centralised"
                + " problems without losses or tightening)");
        ClearingOptions options = ClearingSettings.apply(ClearingOptions.DEFAULT, settings);
        if (progress) {
            options = options.withListener(p -> {
                err.println(String.format(Locale.ROOT, "simulate: %d windows done, %.1f s, about %.0f s left",
                        p.iteration(), p.seconds(), p.secondsLeft()));
                err.flush();
            });
        }
        Horizon h = Horizons.of(hm);
        RollingHorizon.Simulation s;
        try {
            if ("lp".equals(method)) {
                HorizonClearing.requireLinear(h);
            }
            s = new RollingHorizon(options).run(h, window, step, from, end);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + out + ": " + e.getMessage());
        }
        SimulationSummaryWriter.write(hm, s, window, step, out.resolve("summary.json"));
        writeSeries(h, s);
        long failed = s.windows().stream().filter(w -> w.committed() == 0).count();
        long relaxed = s.windows().stream().filter(RollingHorizon.Window::relaxed).count();
        err.println(String.format(Locale.ROOT, "simulated %s periods %d..%d in %d windows (%d relaxed, %d without a point):"
                + " cost %.6f, %.3f s", hm.name(), s.from(), s.to() - 1, s.windows().size(), relaxed, failed, s.cost(),
                s.seconds()));
        err.flush();
        return PeerClearCli.OK;
    }

    private void writeSeries(Horizon h, RollingHorizon.Simulation s) {
        MarketIndex ix = h.periods().get(0);
        StringBuilder agents = new StringBuilder("period,agent,p\n");
        StringBuilder prices = new StringBuilder("period,agent,price\n");
        StringBuilder assets = new StringBuilder("period,asset,p,energy\n");
        int[] store = new int[ix.numAssets()];
        java.util.Arrays.fill(store, -1);
        for (int k = 0; k < h.storages().size(); k++) {
            store[h.storages().get(k).asset()] = k;
        }
        for (int t = s.from(); t < s.to(); t++) {
            double[] p = s.assetPower()[t - s.from()];
            if (p == null) {
                continue; // a window without a point: nothing committed
            }
            double[] mu = s.agentPrices()[t - s.from()];
            for (int n = 0; n < ix.firstGridLeg(); n++) {
                double net = 0;
                for (int a = ix.assetStart()[n]; a < ix.assetStart()[n + 1]; a++) {
                    net += p[a];
                }
                agents.append(t).append(',').append(Csv.cell(ix.agentId(n))).append(',').append(Csv.number(net)).append('\n');
                prices.append(t).append(',').append(Csv.cell(ix.agentId(n))).append(',').append(Csv.number(mu[n])).append('\n');
                for (int a = ix.assetStart()[n]; a < ix.assetStart()[n + 1]; a++) {
                    assets.append(t).append(',').append(Csv.cell(ix.assetId(a))).append(',').append(Csv.number(p[a])).append(',')
                            .append(store[a] >= 0 ? Csv.number(s.energyAfter()[t - s.from()][store[a]]) : "").append('\n');
                }
            }
        }
        AtomicFiles.writeString(out.resolve("agents.csv"), agents.toString());
        AtomicFiles.writeString(out.resolve("prices.csv"), prices.toString());
        AtomicFiles.writeString(out.resolve("assets.csv"), assets.toString());
        if (s.network().length > 0) {
            writeVoltages(s);
        }
    }

    /** {@code voltages.csv}: per committed period and bus, the AC check's voltage and the LinDistFlow one it was cleared with. */
    private void writeVoltages(RollingHorizon.Simulation s) {
        StringBuilder voltages = new StringBuilder("period,bus,vm,vmLinear\n");
        for (int t = s.from(); t < s.to(); t++) {
            NetworkOutcome ac = s.network()[t - s.from()];
            if (ac == null) {
                continue; // a window without a point: nothing committed
            }
            for (NetworkOutcome.Bus b : ac.buses()) {
                voltages.append(t).append(',').append(Csv.cell(b.id())).append(',').append(Csv.number(b.vm())).append(',')
                        .append(Csv.number(b.vmLinear())).append('\n');
            }
        }
        AtomicFiles.writeString(out.resolve("voltages.csv"), voltages.toString());
    }
}
