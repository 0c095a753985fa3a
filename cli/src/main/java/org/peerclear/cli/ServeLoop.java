package org.peerclear.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The {@code serve} protocol: JSON lines in, JSON lines out, one command per request, run
 * in-process on a fresh command tree (no state survives from one request to the next but what
 * the JVM keeps: loaded classes and native libraries).
 *
 * <p>Request: {@code {"id": ID, "args": ["clear", "c.json", "--out", "r.json"]}}, {@code id} any
 * JSON number or string (echoed), {@code args} the command line as strings. Response:
 * {@code {"id": ID, "exit": CODE, "stdout": "...", "stderr": "..."}} with the exit code of
 * {@code peerclear ARGS}, what the command printed on its standard output, and on its standard
 * error (its messages and anything logged while it ran). A request that is not one of these is
 * answered with exit 2 and a message; {@code {"args": ["quit"]}} is answered with exit 0 and ends
 * the loop, as does the end of input. Responses are ASCII (other characters escaped), so that the
 * platform's encoding cannot garble them.
 */
final class ServeLoop {
    /** The request that ends the loop. */
    static final String QUIT = "quit";

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final Supplier<CommandLine> commands;

    /**
     * @param commands a fresh command tree for each request
     */
    ServeLoop(Supplier<CommandLine> commands) {
        this.commands = commands;
    }

    /**
     * Answers every request of {@code in} on {@code out} until the end of input or {@code quit}.
     *
     * @param in  requests, one per line (blank lines are skipped)
     * @param out responses, one per line, flushed after each
     * @throws IOException when reading {@code in} fails
     */
    void run(BufferedReader in, PrintWriter out) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode id = NullNode.instance;
            List<String> args;
            try {
                JsonNode request = JSON.readTree(line);
                id = idOf(request);
                args = argsOf(request);
            } catch (InvalidInputException | JsonProcessingException e) {
                respond(out, id, PeerClearCli.INVALID_INPUT, "", "Error: serve: bad request: "
                        + PeerClearCli.oneLine(e.getMessage()) + System.lineSeparator());
                continue;
            }
            if (args.size() == 1 && QUIT.equals(args.get(0))) {
                respond(out, id, PeerClearCli.OK, "", "");
                return;
            }
            StringWriter stdout = new StringWriter();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int exit = execute(args.toArray(String[]::new), stdout, stderr);
            respond(out, id, exit, stdout.toString(), stderr.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Runs one command. Its error stream and {@code System.err} and {@code System.out} (where
     * SLF4J's simple logger and any stray print go) all land in {@code stderr}, in the order written.
     */
    private int execute(String[] args, StringWriter stdout, ByteArrayOutputStream stderr) {
        PrintStream sysErr = System.err;
        PrintStream sysOut = System.out;
        PrintStream capture = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        System.setErr(capture);
        System.setOut(capture);
        try {
            CommandLine cl = commands.get();
            cl.setOut(new PrintWriter(stdout));
            cl.setErr(err);
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // What picocli's exception handler lets through (Errors other than running out of memory):
            // a bug of the command, answered as one; the loop goes on.
            err.println("Internal error: " + e);
            e.printStackTrace(err);
            return PeerClearCli.INTERNAL_ERROR;
        } finally {
            err.flush();
            capture.flush();
            System.setErr(sysErr);
            System.setOut(sysOut);
        }
    }

    private static JsonNode idOf(JsonNode request) {
        if (!request.isObject()) {
            throw new InvalidInputException("a request is a JSON object {\"id\": ..., \"args\": [...]}, got " + request.getNodeType());
        }
        JsonNode id = request.path("id");
        if (id.isMissingNode()) {
            return NullNode.instance;
        }
        if (!id.isNumber() && !id.isTextual() && !id.isNull()) {
            throw new InvalidInputException("id: a number or a string, got " + id.getNodeType());
        }
        return id;
    }

    private static List<String> argsOf(JsonNode request) {
        for (Iterator<String> names = request.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("args")) {
                throw new InvalidInputException("unknown field '" + name + "' (a request has 'id' and 'args')");
            }
        }
        JsonNode args = request.path("args");
        if (!args.isArray() || args.isEmpty()) {
            throw new InvalidInputException("args: a non-empty array of strings, the command line, e.g. [\"clear\", \"c.json\"]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode a : args) {
            if (!a.isTextual()) {
                throw new InvalidInputException("args[" + out.size() + "]: a string, got " + a.getNodeType());
            }
            out.add(a.asText());
        }
        return out;
    }

    private static void respond(PrintWriter out, JsonNode id, int exit, String stdout, String stderr) {
        ObjectNode r = JSON.createObjectNode();
        r.set("id", id);
        r.put("exit", exit);
        r.put("stdout", stdout);
        r.put("stderr", stderr);
        try {
            out.println(JSON.writeValueAsString(r));
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises.
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
