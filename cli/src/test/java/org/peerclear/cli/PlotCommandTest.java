package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerclear.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plot} from results {@code clear} wrote, and ADMM's convergence recorded on request. */
class PlotCommandTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @Test
    void aResultOnTheFeederDrawsItsVoltagesAsPngAndSvgTheSameEveryTime() throws Exception {
        Path c = dir.resolve("three-houses.json");
        Files.writeString(c, ExampleCommand.load());
        Path r = dir.resolve("r.json");
        assertThat(run("clear", c.toString(), "--out", r.toString()).code()).isZero();
        Path png = dir.resolve("v.png");
        CliTest.Run p = run("plot", r.toString(), "--kind", "voltage", "--out", png.toString());
        assertThat(p.code()).as(p.err()).isZero();
        byte[] first = Files.readAllBytes(png);
        assertThat(java.util.Arrays.copyOf(first, 4)).isEqualTo(PNG);
        assertThat(run("plot", r.toString(), "--kind", "voltage", "--out", png.toString()).code()).isZero();
        assertThat(Files.readAllBytes(png)).isEqualTo(first);
        Path svg = dir.resolve("v.svg");
        assertThat(run("plot", r.toString(), "--kind", "voltage", "--out", svg.toString()).code()).isZero();
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void convergenceIsRecordedOnRequestAndItsAbsenceIsNamed() throws Exception {
        Path c = CliTest.exampleCase(dir);
        Path plain = dir.resolve("plain.json");
        assertThat(run("clear", c.toString(), "--method", "admm", "--out", plain.toString()).code()).isZero();
        assertThat(new ObjectMapper().readTree(plain.toFile()).has("convergence")).isFalse();
        CliTest.Run missing = run("plot", plain.toString(), "--kind", "convergence", "--out", dir.resolve("c.png").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("convergence").contains("--record-convergence");

        Path recorded = dir.resolve("recorded.json");
        assertThat(run("clear", c.toString(), "--method", "admm", "--record-convergence", "--out", recorded.toString()).code())
                .isZero();
        JsonNode j = new ObjectMapper().readTree(recorded.toFile());
        JsonNode conv = j.get("convergence");
        int n = conv.get("iteration").size();
        assertThat(n).isEqualTo(j.get("iterations").asInt());
        assertThat(conv.get("primal")).hasSize(n);
        assertThat(conv.get("dual")).hasSize(n);
        Path png = dir.resolve("c.png");
        assertThat(run("plot", recorded.toString(), "--kind", "convergence", "--out", png.toString()).code()).isZero();
        assertThat(Files.size(png)).isPositive();
    }
}
