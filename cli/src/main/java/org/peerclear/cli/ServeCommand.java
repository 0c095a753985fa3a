package org.peerclear.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: one JVM for many commands. Reads one JSON request per line on standard input and
 * writes one JSON response per line on standard output ({@link ServeLoop}; docs/cli.md, "serve"),
 * until end of input or a {@code quit} request. Standard output carries the protocol only: for
 * the loop's duration {@code System.out} goes to standard error, and each command's own output and
 * errors come back inside its response.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run commands sent as JSON lines on standard input, one JSON line each on standard output, in one JVM"
                + " (docs/cli.md, serve).",
        footer = {"%nRequest: {\"id\": 1, \"args\": [\"clear\", \"c.json\", \"--out\", \"r.json\"]}",
                "Response: {\"id\": 1, \"exit\": 0, \"stdout\": \"...\", \"stderr\": \"...\"}",
                "Ends at the end of input or at {\"id\": 2, \"args\": [\"quit\"]}."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Set on the copies of the command tree that the loop runs requests with: a request cannot start a second loop. */
    boolean insideServe;

    @Override
    public Integer call() {
        if (insideServe) {
            throw new InvalidInputException("serve: a request cannot start another serve loop (it would read this one's requests)");
        }
        // Bound to the real standard output before System.out is turned away from it.
        java.io.PrintWriter protocol = spec.commandLine().getOut();
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new ServeLoop(ServeCommand::nested).run(in, protocol);
        } catch (IOException e) {
            throw new UncheckedIOException("serve: reading standard input: " + e.getMessage(), e);
        } finally {
            System.setOut(stdout);
        }
        return PeerClearCli.OK;
    }

    /** A fresh command tree for one request, whose own {@code serve} refuses to run. */
    static picocli.CommandLine nested() {
        picocli.CommandLine cl = PeerClearCli.commandLine();
        ((ServeCommand) cl.getSubcommands().get("serve").getCommand()).insideServe = true;
        return cl;
    }
}
