package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.powerflow.AcPowerFlow;
import org.peerclear.powerflow.PowerFlowResult;
import org.peerclear.powerflow.matpower.Feeders;
import picocli.CommandLine;

class PowerflowCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = PeerClearCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(Stream.concat(Stream.of("powerflow"), Arrays.stream(args)).toArray(String[]::new));
    }

    @Test
    void acOnEmbeddedCaseToStdout() throws Exception {
        assertThat(run("case33bw")).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        PowerFlowResult expected = AcPowerFlow.solve(Feeders.load("case33bw", null));
        assertThat(j.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(j.get("iterations").asInt()).isEqualTo(expected.iterations());
        assertThat(j.get("losses").get("p_kw").asDouble()).isCloseTo(expected.totalPLossKw(), within(1e-9));
        assertThat(j.get("buses")).hasSize(33);
        assertThat(j.get("buses").get(17).get("id").asText()).isEqualTo("18");
        assertThat(j.get("buses").get(17).get("vm").asDouble()).isCloseTo(expected.vmPu()[17], within(1e-12));
        assertThat(j.get("branches")).hasSize(32);
        JsonNode b0 = j.get("branches").get(0);
        assertThat(b0.get("from").asText()).isEqualTo("1");
        assertThat(b0.get("p_kw").asDouble()).isCloseTo(expected.pFromKw()[0], within(1e-9));
        assertThat(b0.has("q_loss_kvar")).isTrue();
    }

    @Test
    void lindistflowToFilesAtomically(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Path csv = dir.resolve("csv");
        assertThat(run("case33bw", "--method", "lindistflow", "--out", json.toString(), "--csv", csv.toString()))
                .isZero();
        assertThat(out.toString()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("method").asText()).isEqualTo("lindistflow");
        assertThat(j.get("losses").get("p_kw").asDouble()).isZero();
        List<String> buses = Files.readAllLines(csv.resolve("buses.csv"));
        assertThat(buses.get(0)).isEqualTo("id,vm,va_deg");
        assertThat(buses).hasSize(34);
        assertThat(Files.readAllLines(csv.resolve("branches.csv")).get(0))
                .isEqualTo("from,to,p_kw,q_kvar,p_loss_kw,q_loss_kvar");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.json", "csv");
        }
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem(@TempDir Path dir) throws Exception {
        assertThat(run("no_such_case")).isEqualTo(2);
        assertThat(err.toString()).contains("no_such_case");
        Path bad = dir.resolve("bad.m");
        Files.writeString(bad, "function mpc = bad\nmpc.version = '2';\nfoo(1);\n");
        err.getBuffer().setLength(0);
        assertThat(run(bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.m:3");
        err.getBuffer().setLength(0);
        assertThat(run("case33bw", "--method", "dc")).isEqualTo(2);
        assertThat(err.toString()).contains("dc");
    }

    @Test
    void anUnwritableOutExitsWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("results");
        Files.writeString(blocker, "a file where a folder should be");
        Path json = blocker.resolve("r.json");
        assertThat(run("case33bw", "--out", json.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: Cannot write " + json).hasLineCount(1);
    }
}
