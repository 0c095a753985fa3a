package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line per the contract: outputs, exit codes and messages. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = PeerClearCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The embedded example without its network (the market-case spec's example, minus 'network'). */
    Path exampleCase() throws Exception {
        return exampleCase(dir);
    }

    /** {@link #exampleCase()} written into {@code folder}. */
    static Path exampleCase(Path folder) throws Exception {
        Path p = folder.resolve("three-houses.json");
        Files.writeString(p, withoutNetwork());
        return p;
    }

    static String withoutNetwork() throws Exception {
        ObjectMapper m = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode t = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(ExampleCommand.load());
        t.remove("network");
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(t);
    }

    @Test
    void clearsTheSpecExampleWithoutNetworkToAnOptimalResultThatVerifies() throws Exception {
        Path out = dir.resolve("result.json");
        Path csv = dir.resolve("tables");
        Run r = run("clear", exampleCase().toString(), "--out", out.toString(), "--csv", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.get("welfare").asDouble()).isEqualTo(-j.get("objective").asDouble());
        assertThat(j.get("agents")).hasSize(5);
        assertThat(j.get("trades").size()).isPositive();
        for (JsonNode t : j.get("trades")) {
            assertThat(t.has("from") && t.has("to") && t.has("quantity") && t.has("price")).isTrue();
            assertThat(t.get("quantity").asDouble()).isNotZero();
        }
        assertThat(r.err()).contains("Verification[passes");
        assertThat(Files.readAllLines(csv.resolve("agents.csv")).get(0)).isEqualTo("id,p,price,importPrice,exportPrice");
        assertThat(Files.readAllLines(csv.resolve("trades.csv"))).hasSize(1 + j.get("trades").size());
    }

    @Test
    void writesJsonToStdoutWithoutOut() throws Exception {
        Run r = run("clear", exampleCase().toString());
        assertThat(r.code()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("status").asText()).isEqualTo("OPTIMAL");
    }

    @Test
    void invalidCaseExitsTwoNamingTheProblem() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, withoutNetwork().replace("\"pMax\" : 4.0", "\"pMax\" : -4.0"));
        Run r = run("clear", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("agents[h1].assets[h1.pv].pMin").contains("pMin must be <= pMax");
    }

    @Test
    void missingFileExitsTwo() {
        Run r = run("clear", dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json");
    }

    @Test
    void unknownSolverExitsTwoListingTheAvailableOnes() throws Exception {
        Run r = run("clear", exampleCase().toString(), "--solver", "cplex");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cplex").contains("ojalgo").contains("flow");
    }

    @Test
    void theFlowSolverIsTheDefaultWithoutANetworkAndRefusedForOtherMethods() throws Exception {
        Path out = dir.resolve("r.json");
        Run r = run("clear", exampleCase().toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.get("solver").asText()).isEqualTo("flow");
        Run milp = run("clear", exampleCase().toString(), "--method", "milp", "--solver", "flow");
        assertThat(milp.code()).isEqualTo(2);
        assertThat(milp.err()).contains("--solver flow").contains("milp");
    }

    @Test
    void theSpecExampleOnItsFeederIsInfeasibleAndSaysWhy() throws Exception {
        // case33bw at peak load sits at 0.913 pu: three houses cannot lift it to vMin = 0.95.
        Path p = dir.resolve("net.json");
        Files.writeString(p, ExampleCommand.load().replace("\"vMin\": 0.9", "\"vMin\": 0.95"));
        Run r = run("clear", p.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("INFEASIBLE");
        assertThat(j.get("message").asText()).contains("bus 18").contains("0.95");
    }

    @Test
    void aNetworkCaseReportsBusesBranchesAndLosses() throws Exception {
        Path p = dir.resolve("net.json");
        Path csv = dir.resolve("csv");
        Files.writeString(p, ExampleCommand.load());
        Run r = run("clear", p.toString(), "--csv", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.get("buses")).hasSize(33);
        assertThat(j.get("branches")).hasSize(32);
        // MATPOWER's AC losses of case33bw are 202.677 kW; the houses' few kW change them slightly.
        assertThat(j.get("losses").asDouble()).isBetween(195.0, 210.0);
        assertThat(Files.readAllLines(csv.resolve("buses.csv"))).hasSize(34);
    }

    @Test
    void aCaseWithSeveralPeriodsClearsOverItsHorizonAndWritesArrays() throws Exception {
        Path c = dir.resolve("battery.json");
        org.peerclear.io.MarketCaseWriter.write(org.peerclear.model.HorizonMarkets.oneBatteryTwoPrices(), c);
        Path out = dir.resolve("battery-result.json");
        Run r = run("clear", c.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.get("periods").asInt()).isEqualTo(2);
        assertThat(j.get("objective").asDouble()).isCloseTo(-0.286, org.assertj.core.api.Assertions.within(1e-6));
        JsonNode bat = j.get("assets").get(0);
        assertThat(bat.get("energy")).hasSize(3);
        assertThat(bat.get("p")).hasSize(2);
        // Decentralised over the horizon: the same analytic optimum, certified.
        Path admmOut = dir.resolve("battery-admm.json");
        Run admm = run("clear", c.toString(), "--method", "admm", "--stopping", "relative", "--eps", "1e-10", "--out",
                admmOut.toString());
        assertThat(admm.code()).as(admm.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(admmOut.toFile());
        assertThat(a.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(a.get("method").asText()).isEqualTo("admm");
        assertThat(a.get("objective").asDouble()).isCloseTo(-0.286, org.assertj.core.api.Assertions.within(1e-6));
        Run milp = run("clear", c.toString(), "--method", "milp");
        assertThat(milp.code()).isEqualTo(2);
        assertThat(milp.err()).contains("several periods");
        Run admmAuto = run("clear", c.toString(), "--eps", "1e-6");
        assertThat(admmAuto.code()).isEqualTo(2);
        assertThat(admmAuto.err()).contains("--method admm only");
    }

    @Test
    void simulateCommitsWindowsAndWritesTheSeries() throws Exception {
        Path c = dir.resolve("battery2.json");
        org.peerclear.io.MarketCaseWriter.write(org.peerclear.model.HorizonMarkets.oneBatteryTwoPrices(), c);
        Path sim = dir.resolve("sim");
        Run r = run("simulate", c.toString(), "--window", "2", "--step", "1", "--out", sim.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(sim.resolve("summary.json").toFile());
        assertThat(summary.get("windows")).hasSize(2);
        assertThat(summary.get("windows").get(0).get("status").asText()).isEqualTo("OPTIMAL");
        // Period 0 sees period 1's price: the battery charges 2 kW (energy 1.8 after it).
        assertThat(Files.readAllLines(sim.resolve("assets.csv"))).contains("0,h1.bat,-2.0,1.8");
        Run bad = run("simulate", c.toString(), "--window", "1", "--step", "2", "--out", sim.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("step");
    }

    @Test
    void admmOptionsWithAutoRunAdmmAndFinishExactly() throws Exception {
        Path out = dir.resolve("auto.json");
        Run r = run("clear", exampleCase().toString(), "--eps", "1e-3", "--stopping", "relative", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.get("method").asText()).isEqualTo("auto");
        assertThat(j.get("solver").asText()).isEqualTo("flow");
        assertThat(j.get("notes").toString()).contains("finished exactly from ADMM's point");
    }

    @Test
    void admmOptionsWithAnotherMethodAreRefused() throws Exception {
        Run r = run("clear", exampleCase().toString(), "--method", "qp", "--rho", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--rho");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("clear").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void helpWorksOnEveryCommand() {
        for (String c : new String[] {"clear", "generate", "example"}) {
            Run r = run(c, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    @Test
    void generateIsByteForByteReproducibleAndClears() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        assertThat(run("generate", "--peers", "40", "--partners", "5", "--seed", "7", "--out", a.toString()).code()).isZero();
        assertThat(run("generate", "--peers", "40", "--partners", "5", "--seed", "7", "--out", b.toString()).code()).isZero();
        assertThat(run("generate", "--peers", "40", "--partners", "5", "--seed", "8", "--out", c.toString()).code()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        Run r = run("clear", a.toString(), "--out", dir.resolve("r.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("OPTIMAL").contains("Verification[passes");
    }

    @Test
    void generateRejectsTooManyPartners() {
        Run r = run("generate", "--peers", "10", "--partners", "6", "--out", dir.resolve("x.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for parameter partners: 6");
    }

    @Test
    void aBusMissingFromTheFeederIsRejectedWithExitTwo() throws Exception {
        Path p = dir.resolve("net.json");
        Files.writeString(p, ExampleCommand.load().replace("\"bus\": \"25\"", "\"bus\": \"99\""));
        Run r = run("clear", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("agents[h2].bus").contains("'99'").contains("case33bw");
    }

    @Test
    void generateWithANetworkPlacesAgentsOnFeederBuses() throws Exception {
        Path a = dir.resolve("net.json");
        assertThat(run("generate", "--peers", "20", "--partners", "3", "--network", "case33bw", "--out", a.toString()).code()).isZero();
        JsonNode j = new ObjectMapper().readTree(a.toFile());
        assertThat(j.get("network").get("case").asText()).isEqualTo("case33bw");
        for (JsonNode agent : j.get("agents")) {
            int bus = Integer.parseInt(agent.get("bus").asText());
            assertThat(bus).isBetween(2, 33);
        }
    }

    @Test
    void exampleCommandPrintsASummaryThatVerifies() {
        Run r = run("example");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("OPTIMAL").contains("welfare").contains("check: Verification[passes")
                .contains("feeder case33bw: AC CONVERGED");
    }
}
