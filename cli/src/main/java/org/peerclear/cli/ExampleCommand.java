package org.peerclear.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code example}: clears the embedded example market and prints a readable summary. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Clear the embedded example market (three houses, a community manager and the grid on the"
                + " embedded case33bw feeder) and print a summary.")
public final class ExampleCommand implements Callable<Integer> {
    static final String RESOURCE = "examples/three-houses.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--print-case", description = "Print the example's market case (JSON) and exit (default: off).")
    boolean printCase;

    @Override
    public Integer call() {
        String json = load();
        PrintWriter out = spec.commandLine().getOut();
        if (printCase) {
            out.print(json);
            out.flush();
            return PeerClearCli.OK;
        }
        Market market = MarketCaseReader.create().read(json, null);
        out.println(market + " — " + market.arcs().size() / 2 + " trading pairs (communities restrict who trades with whom)");
        ClearingResult r = ClearingMethods.load().get("qp").clear(market, ClearingOptions.DEFAULT);
        Summary.print(r, out, 50);
        Verification v = r.verify();
        out.println("  check: " + v);
        out.flush();
        return v.passes() ? PeerClearCli.OK : PeerClearCli.INTERNAL_ERROR;
    }

    static String load() {
        try (InputStream in = ExampleCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Embedded example " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
