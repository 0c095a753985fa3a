package org.peerclear.sweep;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.clearing.horizon.HorizonClearing;
import org.peerclear.clearing.horizon.HorizonMethods;
import org.peerclear.clearing.horizon.HorizonResult;
import org.peerclear.clearing.horizon.HorizonResultWriter;
import org.peerclear.clearing.horizon.RollingHorizon;
import org.peerclear.clearing.horizon.SimulationSummaryWriter;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.clearing.options.ClearingSettings;
import org.peerclear.index.MarketIndex;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.opt.Status;
import org.peerclear.options.Options;
import org.peerclear.powerflow.matpower.Feeders;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.NetworkOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario and measures it: reads its case, clears it as {@code clear} would (over the
 * horizon when it has periods) or simulates it as {@code simulate} would, and returns its row.
 * Pure: the row depends on the scenario alone (but for {@code seconds}), so any engine on any
 * machine gives the same row for a deterministic method. Never throws for a failing scenario: an
 * invalid case, a refused method or option, a failed write is a row with status
 * {@link Status#ERROR} and the message; a clearing that ends without an optimum is a row with its
 * own status and message. Errors of the JVM ({@link OutOfMemoryError}...) are not a scenario's
 * failure and pass through.
 */
public final class ScenarioRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

    private ScenarioRunner() {
    }

    /**
     * Runs a scenario without writing its result.
     *
     * @param s the scenario
     * @return its row
     */
    public static ScenarioRow run(Scenario s) {
        return run(s, null);
    }

    /**
     * Runs a scenario and, when {@code resultsDir} is given, writes its result to {@code resultsDir/ID.json}: the
     * result JSON of {@code clear}, or the {@code summary.json} of {@code simulate}.
     *
     * @param s          the scenario
     * @param resultsDir an existing folder for the result file, or null for none
     * @return its row; status {@link Status#ERROR} with the message when it could not be run or its file written
     */
    public static ScenarioRow run(Scenario s, Path resultsDir) {
        long start = System.nanoTime();
        Path file = resultsDir == null ? null : resultsDir.resolve(s.id() + ".json");
        try {
            MarketCaseReader reader = MarketCaseReader.withBusLookup(ScenarioRunner::buses);
            return switch (s.run().kind()) {
                case CLEAR -> clear(s, read(s, reader, false), file, start);
                case SIMULATE -> simulate(s, read(s, reader, true), file, start);
            };
        } catch (RuntimeException e) {
            return ScenarioRow.error(s.id(), message(e), seconds(start));
        }
    }

    private static MarketCaseReader.Case read(Scenario s, MarketCaseReader reader, boolean horizon) {
        if (s.caseJson() != null) {
            return horizon ? reader.readHorizonCase(s.caseJson(), null) : reader.readCase(s.caseJson(), null);
        }
        Path path = Path.of(s.casePath());
        return horizon ? reader.readHorizonCase(path) : reader.readCase(path);
    }

    private static ScenarioRow clear(Scenario s, MarketCaseReader.Case c, Path file, long start) {
        Options named = CaseOptions.named(c.options(), s.run());
        ClearingOptions options = CaseOptions.of(named);
        String method = s.run().method();
        if (c.isHorizon()) {
            return clearHorizon(s, c.horizon(), named, options, file, start);
        }
        Market market = c.market();
        ClearingResult r = ClearingSettings.record(CaseClearing.clear(market, method, options), options);
        if (file != null) {
            ResultJsonWriter.write(r, file);
        }
        Measures m = new Measures(market.units().periodHours());
        if (r.hasSolution()) {
            m.period();
            List<AgentResult> agents = r.agents();
            int declared = agents.size() - (r.grid().isPresent() ? 1 : 0);
            for (int n = 0; n < agents.size(); n++) {
                if (n < declared) {
                    m.agent(agents.get(n).p(), agents.get(n).price());
                } else {
                    m.grid(agents.get(n).p());
                }
            }
            m.network(r.network().orElse(null));
        }
        return m.row(s.id(), r.status(), r.welfare(), r.message(), seconds(start));
    }

    private static ScenarioRow clearHorizon(Scenario s, HorizonMarket hm, Options named, ClearingOptions options, Path file,
                                            long start) {
        String method = s.run().method();
        if (named.anySet("network.")) {
            throw new IllegalArgumentException("network.* options do not apply to a case with several periods yet");
        }
        Horizon h = Horizons.of(hm);
        HorizonResult r;
        try {
            r = HorizonMethods.clear(h, method, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("run.method: " + e.getMessage(), e);
        }
        if (file != null) {
            HorizonResultWriter.write(hm, h, r, method, ClearingSettings.read(options).toMap(), file);
        }
        Measures m = new Measures(h.periodHours());
        for (int t = 0; r.hasSolution() && t < h.length(); t++) {
            period(m, h.periods().get(t), r.assetPower()[t], r.agentPrices()[t], r.network().isEmpty() ? null : r.network().get(t));
        }
        return m.row(s.id(), r.status(), r.welfare(), r.message(), seconds(start));
    }

    private static ScenarioRow simulate(Scenario s, MarketCaseReader.Case c, Path file, long start) {
        ScenarioRun run = s.run();
        if (!List.of("auto", "qp", "lp").contains(run.method())) {
            throw new IllegalArgumentException("run.method: " + run.method() + " does not simulate yet; use auto, qp or lp");
        }
        Options named = CaseOptions.named(c.options(), run);
        for (String group : List.of("admm.", "network.")) {
            if (named.anySet(group)) {
                throw new IllegalArgumentException(group + "* options do not apply to simulate (its windows are centralised"
                        + " problems without losses or tightening)");
            }
        }
        HorizonMarket hm = c.horizon();
        Horizon h = Horizons.of(hm);
        if ("lp".equals(run.method())) {
            HorizonClearing.requireLinear(h);
        }
        RollingHorizon.Simulation sim = new RollingHorizon(CaseOptions.of(named)).run(h, run.window(), run.step(), 0, h.length());
        if (file != null) {
            SimulationSummaryWriter.write(hm, sim, run.window(), run.step(), file);
        }
        Measures m = new Measures(h.periodHours());
        for (int t = sim.from(); t < sim.to(); t++) {
            double[] p = sim.assetPower()[t - sim.from()];
            if (p != null) {
                period(m, h.periods().get(t), p, sim.agentPrices()[t - sim.from()],
                        sim.network().length == 0 ? null : sim.network()[t - sim.from()]);
            }
        }
        Status worst = Status.OPTIMAL;
        int relaxed = 0;
        int empty = 0;
        String first = "";
        for (RollingHorizon.Window w : sim.windows()) {
            // A relaxed window has a point, but not of the problem asked: at best FEASIBLE.
            Status st = w.relaxed() && w.status() == Status.OPTIMAL ? Status.FEASIBLE : w.status();
            relaxed += w.relaxed() ? 1 : 0;
            empty += w.committed() == 0 ? 1 : 0;
            if (st.compareTo(worst) > 0) {
                worst = st;
            }
            if (first.isEmpty() && st != Status.OPTIMAL) {
                first = "window at period " + w.start() + ": " + w.message();
            }
        }
        String message = relaxed + " of " + sim.windows().size() + " windows relaxed, " + empty + " without a point; " + first;
        return m.row(s.id(), worst, -sim.cost(), message, seconds(start));
    }

    /** One period's point: each declared agent's net position and price, the grid's legs summed, the AC check. */
    private static void period(Measures m, MarketIndex ix, double[] p, double[] price, NetworkOutcome ac) {
        m.period();
        int[] start = ix.assetStart();
        double grid = 0;
        for (int n = 0; n < ix.numAgents(); n++) {
            double net = 0;
            for (int a = start[n]; a < start[n + 1]; a++) {
                net += p[a];
            }
            if (n < ix.firstGridLeg()) {
                m.agent(net, price[n]);
            } else {
                grid += net;
            }
        }
        if (ix.numAgents() > ix.firstGridLeg()) {
            m.grid(grid);
        }
        m.network(ac);
    }

    /** The bus ids of a case's feeder, so that a case with agents on missing buses is refused when read. */
    private static Set<String> buses(NetworkSpec network) {
        return new HashSet<>(Feeders.load(network.feeder(), network.baseDirectory()).busIds());
    }

    private static String message(RuntimeException e) {
        if (e instanceof InvalidMarketException) {
            return "invalid market case: " + e.getMessage();
        }
        if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
            return e.getMessage();
        }
        // Not the scenario's fault: a bug, logged with its trace; the sweep goes on.
        LOG.warn("scenario failed with an internal error", e);
        return "internal error: " + e;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
