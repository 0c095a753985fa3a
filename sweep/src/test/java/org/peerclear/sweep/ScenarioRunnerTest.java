package org.peerclear.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.casefile.CaseClearing;
import org.peerclear.clearing.horizon.RollingHorizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.NetworkOutcome;

/** One scenario run and measured: against a direct clear of the same case built by hand, and when it fails. */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    private Scenario scenario(String sweep, int k) {
        return Sweep.read(SweepFiles.sweep(dir, sweep)).scenarios().get(k);
    }

    /**
     * The sweep's row for "PV x 1.5, fee 0.02" against the market built from the base case by hand (the model's
     * builder, not the JSON edits) and cleared directly; the columns recomputed from that result by their
     * definitions in docs/sweep.md.
     */
    @Test
    void aRowIsTheDirectClearOfTheChangedCaseMeasuredByTheDocumentedDefinitions() {
        Scenario s = scenario("{'base': 'three-houses.json', 'scenarios': [{'id': 'more-pv', 'scale': {'pv': 1.5}, 'fee': 0.02}]}", 0);
        ScenarioRow row = ScenarioRunner.run(s);

        Market base = MarketCaseReader.create().read(SweepFiles.THREE_HOUSES);
        List<Agent> agents = new ArrayList<>();
        for (Agent a : base.agents()) {
            List<Asset> assets = new ArrayList<>();
            for (Asset x : a.assets()) {
                assets.add(x.id().endsWith(".pv") ? new Asset(x.id(), x.pMin() * 1.5, x.pMax() * 1.5, x.a(), x.b()) : x);
            }
            agents.add(new Agent(a.id(), a.bus(), a.productClass(), assets));
        }
        Market.Builder b = Market.builder(base.name()).units(base.units()).agents(agents)
                .tradeGraph(base.tradeGraph().withFee(0.02, base.tradeGraph().overrides()))
                .grid(base.grid().orElseThrow()).network(base.network().orElseThrow())
                .productClasses(base.productClasses()).networkTariff(base.networkTariff()).integerRules(base.integerRules());
        base.communities().forEach(b::community);
        Market changed = b.build();
        ClearingResult direct = CaseClearing.clear(changed, "auto", ClearingOptions.DEFAULT.withRegistry(SolverRegistry.load()));

        assertThat(row.status()).isEqualTo(Status.OPTIMAL).isEqualTo(direct.status());
        assertThat(row.welfare()).isEqualTo(direct.welfare());
        double abs = 0;
        double weighted = 0;
        double volume = 0;
        for (AgentResult a : direct.agents()) {
            abs += Math.abs(a.p());
            if (!a.id().equals("grid")) {
                weighted += Math.abs(a.p()) * a.price();
                volume += Math.abs(a.p());
            }
        }
        assertThat(row.tradedVolume()).isCloseTo(abs / 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(row.meanPrice()).isCloseTo(weighted / volume, org.assertj.core.data.Offset.offset(1e-12));
        NetworkOutcome ac = direct.network().orElseThrow();
        assertThat(row.minVoltage()).isEqualTo(ac.buses().stream().mapToDouble(NetworkOutcome.Bus::vm).min().orElseThrow());
        assertThat(row.maxVoltage()).isEqualTo(ac.buses().stream().mapToDouble(NetworkOutcome.Bus::vm).max().orElseThrow());
        assertThat(row.losses()).isEqualTo(ac.lossesKw() * 1.0);
        assertThat(row.periods()).isEqualTo(1);
        assertThat(row.error()).isEmpty();
        assertThat(ScenarioRunner.run(s).equalsIgnoringTime(row)).as("the same scenario, the same row").isTrue();
    }

    @Test
    void aScenarioWhoseCaseBreaksARuleIsAnErrorRowNamingTheField() {
        Scenario s = scenario("{'base': 'three-houses.json', 'scenarios': [{'id': 'bad', 'network.vMin': 1.2}]}", 0);
        ScenarioRow row = ScenarioRunner.run(s);
        assertThat(row.status()).isEqualTo(Status.ERROR);
        assertThat(row.error()).startsWith("invalid market case: network").contains("vMin");
        assertThat(row.welfare()).isNaN();
        assertThat(row.periods()).isZero();
        assertThat(row.failed()).isTrue();

        ScenarioRow notJson = ScenarioRunner.run(new Scenario("x", "{not json", ScenarioRun.DEFAULT));
        assertThat(notJson.status()).isEqualTo(Status.ERROR);
        assertThat(notJson.error()).contains("not valid JSON");
        ScenarioRow refused = ScenarioRunner.run(s.withRun(ScenarioRun.DEFAULT.withMethod("milq")));
        assertThat(refused.status()).isEqualTo(Status.ERROR);
    }

    @Test
    void anInfeasibleClearingKeepsItsOwnStatusAndMessage() {
        // A feeder whose voltages cannot be held even without the market (0.97 pu at least; bus 18 is at 0.916 unloaded).
        Scenario s = scenario("{'base': 'three-houses.json', 'scenarios': [{'id': 'tight', 'network.vMin': 0.97}]}", 0);
        ScenarioRow row = ScenarioRunner.run(s);
        assertThat(row.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(row.error()).contains("0.97");
        assertThat(row.welfare()).isNaN();
        assertThat(row.minVoltage()).isNaN();
        // The message is part of the row: the same scenario gives the same one (no solver timings in it).
        assertThat(ScenarioRunner.run(s).equalsIgnoringTime(row)).as(row.error()).isTrue();
    }

    @Test
    void aCaseWithPeriodsIsClearedOverItsHorizonAndSimulatedWindowByWindow() {
        String base = "{'base': {'generate': {'family': 'household-day', 'households': 3, 'periods': 6, 'batteries': 1}},";
        Scenario clear = scenario(base + " 'scenarios': [{'id': 'day'}]}", 0);
        ScenarioRow c = ScenarioRunner.run(clear);
        assertThat(c.status()).as(c.error()).isEqualTo(Status.OPTIMAL);
        assertThat(c.periods()).isEqualTo(6);
        assertThat(c.minVoltage()).as("no network").isNaN();
        assertThat(c.losses()).isNaN();
        assertThat(c.tradedVolume()).isPositive();

        Scenario sim = scenario(base + " 'run': {'kind': 'simulate', 'window': 3, 'step': 2}, 'scenarios': [{'id': 'day'}]}", 0);
        ScenarioRow r = ScenarioRunner.run(sim);
        assertThat(r.status()).as(r.error()).isEqualTo(Status.OPTIMAL);
        assertThat(r.periods()).isEqualTo(6);
        MarketCaseReader.Case kase = MarketCaseReader.create().readHorizonCase(sim.caseJson(), null);
        RollingHorizon.Simulation direct = new RollingHorizon(ClearingOptions.DEFAULT.withRegistry(SolverRegistry.load()))
                .run(Horizons.of(kase.horizon()), 3, 2, 0, 6);
        assertThat(r.welfare()).isEqualTo(-direct.cost());
        // A whole day cleared at once can only do better than one seen a window at a time.
        assertThat(c.welfare()).isGreaterThanOrEqualTo(r.welfare() - 1e-6);
        // The households' assets are curved: method lp refuses them, clearing and simulating alike.
        for (Scenario s : List.of(clear.withRun(clear.run().withMethod("lp")), sim.withRun(sim.run().withMethod("lp")))) {
            ScenarioRow lp = ScenarioRunner.run(s);
            assertThat(lp.status()).isEqualTo(Status.ERROR);
            assertThat(lp.error()).contains("Method 'lp' needs every asset to have a = 0").contains("use method qp");
        }
    }

    @Test
    void aScenarioReadFromASharedPathGivesTheSameRowAndResultFilesAreWritten() throws Exception {
        Scenario s = scenario("{'base': 'three-houses.json', 'grid': {'fee': [0.05]}}", 0);
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Scenario onDisk = s.shared(shared);
        assertThat(onDisk.caseJson()).isNull();
        assertThat(Path.of(onDisk.casePath())).exists().isAbsolute();
        Path results = Files.createDirectories(dir.resolve("results"));
        ScenarioRow fromPath = ScenarioRunner.run(onDisk, results);
        assertThat(fromPath.equalsIgnoringTime(ScenarioRunner.run(s))).isTrue();
        assertThat(results.resolve("fee=0.05.json")).content().contains("\"status\"").contains("OPTIMAL");
    }
}
