package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve}: the JSON-lines protocol, run in-process as the jar runs it. */
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Runs {@code peerclear serve} on {@code requests} as standard input; the response lines, parsed. */
    private static List<JsonNode> serve(String requests) throws Exception {
        CommandLine cl = PeerClearCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        System.setIn(new ByteArrayInputStream(requests.getBytes(StandardCharsets.UTF_8)));
        int code;
        try {
            code = cl.execute("serve");
        } finally {
            System.setIn(stdin);
        }
        assertThat(System.out).as("serve gives System.out back").isSameAs(stdout);
        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> responses = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            responses.add(JSON.readTree(line));
        }
        return responses;
    }

    private static String request(Object id, String... args) throws Exception {
        return JSON.writeValueAsString(java.util.Map.of("id", id, "args", List.of(args))) + "\n";
    }

    @Test
    void eachRequestGetsItsCommandsExitCodeOutputAndMessagesAndTheSameResultAsTheCommandLine() throws Exception {
        Path c = CliTest.exampleCase(dir);
        Path r = dir.resolve("r.json");
        List<JsonNode> responses = serve(request(1, "clear", c.toString(), "--out", r.toString())
                + request("two", "clear", c.toString()));
        assertThat(responses).hasSize(2);
        JsonNode first = responses.get(0);
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.get("exit").asInt()).isZero();
        assertThat(first.get("stdout").asText()).as("the result went to --out").isEmpty();
        assertThat(first.get("stderr").asText()).startsWith("OPTIMAL three-houses: welfare ");
        JsonNode second = responses.get(1);
        assertThat(second.get("id").asText()).isEqualTo("two");
        JsonNode inline = JSON.readTree(second.get("stdout").asText());
        JsonNode written = JSON.readTree(Files.readString(r));
        CliTest.Run direct = CliTest.run("clear", c.toString());
        JsonNode viaCli = JSON.readTree(direct.out());
        for (JsonNode n : List.of(inline, written)) {
            assertThat(n.get("status").asText()).isEqualTo(viaCli.get("status").asText());
            assertThat(n.get("welfare").asDouble()).isEqualTo(viaCli.get("welfare").asDouble());
            assertThat(n.get("agents")).isEqualTo(viaCli.get("agents"));
            assertThat(n.get("trades")).isEqualTo(viaCli.get("trades"));
        }
    }

    @Test
    void aFailingCommandIsAnsweredWithItsExitCodeAndMessageAndTheLoopGoesOn() throws Exception {
        Path c = CliTest.exampleCase(dir);
        List<JsonNode> responses = serve(request(1, "clear", dir.resolve("missing.json").toString())
                + request(2, "clear", c.toString(), "--bogus")
                + request(3, "clear", c.toString(), "--method", "qp"));
        assertThat(responses).extracting(n -> n.get("exit").asInt()).containsExactly(2, 2, 0);
        assertThat(responses.get(0).get("stderr").asText()).contains("missing.json");
        assertThat(responses.get(1).get("stderr").asText()).contains("Unknown option: '--bogus'");
        assertThat(JSON.readTree(responses.get(2).get("stdout").asText()).get("status").asText()).isEqualTo("OPTIMAL");
    }

    @Test
    void badRequestsAreAnsweredWithExitTwoNamingTheProblem() throws Exception {
        List<JsonNode> responses = serve("not json\n\n[1, 2]\n{\"id\": 4, \"args\": []}\n{\"id\": 5, \"args\": [\"example\", 3]}\n"
                + "{\"id\": 6, \"argv\": [\"example\"]}\n{\"id\": {\"a\": 1}, \"args\": [\"example\"]}\n");
        assertThat(responses).as("a blank line is skipped, every other line answered").hasSize(6);
        assertThat(responses).extracting(n -> n.get("exit").asInt()).containsOnly(2);
        assertThat(responses).extracting(n -> n.get("stderr").asText()).allMatch(s -> s.startsWith("Error: serve: bad request: "));
        assertThat(responses.get(0).get("id").isNull()).isTrue();
        assertThat(responses.get(2).get("id").asInt()).isEqualTo(4);
        assertThat(responses.get(2).get("stderr").asText()).contains("args: a non-empty array");
        assertThat(responses.get(3).get("stderr").asText()).contains("args[1]: a string, got NUMBER");
        assertThat(responses.get(4).get("stderr").asText()).contains("unknown field 'argv'");
        assertThat(responses.get(5).get("stderr").asText()).contains("id: a number or a string");
    }

    @Test
    void quitEndsTheLoopAndARequestCannotStartAnotherLoop() throws Exception {
        List<JsonNode> responses = serve(request(1, "serve") + request(2, "quit") + request(3, "--version"));
        assertThat(responses).as("nothing after quit is read").hasSize(2);
        assertThat(responses.get(0).get("exit").asInt()).isEqualTo(2);
        assertThat(responses.get(0).get("stderr").asText()).contains("cannot start another serve loop");
        assertThat(responses.get(1).get("exit").asInt()).isZero();
    }

    /** A command that prints where commands must not, and logs. */
    @CommandLine.Command(name = "noisy")
    static final class Noisy implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters
        String word;

        @Override
        public Integer call() {
            System.out.println("stray print");
            org.slf4j.LoggerFactory.getLogger(Noisy.class).error("logged on the way");
            spec.commandLine().getOut().print("the result");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Test
    void printsAndLogsOfACommandLandInItsStderrAndTheProtocolStreamHoldsOnlyResponses() throws Exception {
        StringWriter out = new StringWriter();
        new ServeLoop(() -> new CommandLine(new Noisy())).run(new java.io.BufferedReader(new java.io.StringReader(
                request(1, "x") + request(2, "x"))), new PrintWriter(out));
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            assertThat(r.get("exit").asInt()).as(r.toString()).isZero();
            assertThat(r.get("stdout").asText()).isEqualTo("the result");
            assertThat(r.get("stderr").asText()).contains("stray print").contains("logged on the way");
        }
    }

    @Test
    void responsesAreOneAsciiLineEvenForMultiLineAndNonAsciiOutput() throws Exception {
        Path c = dir.resolve("café.json");
        Files.writeString(c, "{\"format\": \"peerclear-market\"", StandardCharsets.UTF_8);
        CommandLine cl = PeerClearCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        new ServeLoop(ServeCommand::nested).run(new java.io.BufferedReader(new java.io.StringReader(
                request(1, "example", "--help") + request(2, "clear", c.toString()))), new PrintWriter(out));
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(out.toString()).matches("\\p{ASCII}*");
        assertThat(JSON.readTree(lines[0]).get("stdout").asText()).contains("Usage: peerclear example").contains("\n");
        assertThat(JSON.readTree(lines[1]).get("stderr").asText()).as("the file name survives the escaping").contains("café.json");
        assertThat(JSON.readTree(lines[1]).get("exit").asInt()).isEqualTo(2);
    }
}
