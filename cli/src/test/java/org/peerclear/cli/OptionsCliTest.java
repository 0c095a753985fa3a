package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.clearing.options.ClearingCatalog;
import org.peerclear.options.OptionSpec;

/** Named options on the command line ({@code --set}) and in a case's {@code options} block, recorded in the result. */
class OptionsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path caseWithOptions(String optionsJson) throws Exception {
        ObjectNode t = (ObjectNode) JSON.readTree(CliTest.withoutNetwork());
        t.set("options", JSON.readTree(optionsJson));
        Path p = dir.resolve("with-options.json");
        Files.writeString(p, JSON.writeValueAsString(t));
        return p;
    }

    private JsonNode clear(Path caseFile, String... more) throws Exception {
        Path out = dir.resolve("r.json");
        List<String> args = new ArrayList<>(List.of("clear", caseFile.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(out.toFile());
    }

    @Test
    void whatIsSetIsWhatTheResultRecords() throws Exception {
        JsonNode j = clear(CliTest.exampleCase(dir), "--method", "admm", "--set", "admm.rho=0.01", "--set", "admm.stopping=relative",
                "--set", "solver.timeLimit=30");
        JsonNode o = j.get("options");
        assertThat(o.get("admm.rho").asText()).isEqualTo("0.01");
        assertThat(o.get("admm.stopping").asText()).isEqualTo("relative");
        assertThat(o.get("solver.timeLimit").asText()).isEqualTo("30");
        // What the ADMM method recorded itself agrees: the set rho is the one it ran with.
        assertThat(o.get("rho").asDouble()).isEqualTo(0.01);
        assertThat(o.get("stopping").asText()).isEqualTo("relative");
    }

    @Test
    void theResultListsEveryOptionInTheCatalogsOrder() throws Exception {
        JsonNode o = clear(CliTest.exampleCase(dir), "--method", "qp", "--set", "network.lossAware=false").get("options");
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        List<String> catalog = ClearingCatalog.CATALOG.specs().stream().map(OptionSpec::name).toList();
        assertThat(names.subList(0, catalog.size())).isEqualTo(catalog);
        assertThat(o.get("admm.rho").asText()).isEqualTo("auto");
    }

    @Test
    void aCasesOptionsApplyAndTheCommandLineWins() throws Exception {
        Path c = caseWithOptions("{\"admm.eps\": 1e-6, \"admm.stopping\": \"relative\", \"solver.timeLimit\": 40}");
        JsonNode fromCase = clear(c, "--method", "admm").get("options");
        assertThat(fromCase.get("admm.eps").asDouble()).isEqualTo(1e-6);
        assertThat(fromCase.get("eps").asDouble()).isEqualTo(1e-6);
        assertThat(fromCase.get("admm.stopping").asText()).isEqualTo("relative");
        assertThat(fromCase.get("solver.timeLimit").asText()).isEqualTo("40");
        JsonNode overridden = clear(c, "--method", "admm", "--set", "admm.eps=1e-8", "--time-limit", "50").get("options");
        assertThat(overridden.get("admm.eps").asDouble()).isEqualTo(1e-8);
        assertThat(overridden.get("eps").asDouble()).isEqualTo(1e-8);
        assertThat(overridden.get("admm.stopping").asText()).isEqualTo("relative");
        assertThat(overridden.get("solver.timeLimit").asText()).isEqualTo("50");
    }

    @Test
    void anUnknownNameExitsTwoWithTheCloseMatches() throws Exception {
        CliTest.Run r = CliTest.run("clear", CliTest.exampleCase(dir).toString(), "--set", "admm.rh0=0.01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option 'admm.rh0'; did you mean admm.rho?");
        CliTest.Run inCase = CliTest.run("clear", caseWithOptions("{\"admm.alpah\": 1.5}").toString());
        assertThat(inCase.code()).isEqualTo(2);
        assertThat(inCase.err()).contains("options.admm.alpah").contains("did you mean admm.alpha?");
    }

    @Test
    void anInvalidValueExitsTwoNamingTheOptionTheValueAndTheRule() throws Exception {
        CliTest.Run r = CliTest.run("clear", CliTest.exampleCase(dir).toString(), "--set", "admm.alpha=2.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("invalid value '2.5' for option admm.alpha: must be a number in (0, 2)");
        CliTest.Run flag = CliTest.run("clear", CliTest.exampleCase(dir).toString(), "--max-iter", "0");
        assertThat(flag.code()).isEqualTo(2);
        assertThat(flag.err()).contains("--max-iter").contains("admm.maxIter").contains("an integer >= 1");
        CliTest.Run nested = CliTest.run("clear", caseWithOptions("{\"admm.rho\": [1]}").toString());
        assertThat(nested.code()).isEqualTo(2);
        assertThat(nested.err()).contains("options.admm.rho").contains("must be a number, true, false or a string");
        CliTest.Run wrongMethod = CliTest.run("clear", CliTest.exampleCase(dir).toString(), "--method", "qp", "--set", "admm.eps=1e-6");
        assertThat(wrongMethod.code()).isEqualTo(2);
        assertThat(wrongMethod.err()).contains("option admm.eps applies to --method admm");
    }

    @Test
    void theHelpListsEveryOptionWithItsDefault() {
        for (String command : List.of("clear", "simulate")) {
            String help = CliTest.run(command, "--help").out();
            assertThat(help).contains("--set=NAME=VALUE");
            for (OptionSpec<?> s : ClearingCatalog.CATALOG.specs()) {
                assertThat(help.replaceAll("\\s+", " ")).as(command).contains(s.describe());
            }
        }
    }
}
