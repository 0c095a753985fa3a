package org.peerclear.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.peerclear.games.sharing.CommunityGame;
import org.peerclear.games.sharing.SavingsSharing;
import org.peerclear.games.sharing.Sharing;
import org.peerclear.games.sharing.SharingMethod;
import org.peerclear.games.sharing.SharingOptions;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.JsonOutput;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.InvalidMarketException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code share CASE.json --method M [--samples N] [--seed S] [--target-error R] [--threads T] [--out FILE.json]}:
 * divides the savings of a community among its members (cli.md, "share").
 */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = "Divide what the members of a market save by trading among themselves instead of each alone with the grid.")
public final class ShareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE.json", description = "A market case (version 1 or 2).")
    Path casePath;

    @Option(names = "--method", required = true, paramLabel = "M",
            description = "shapley, shapley-sampled, nucleolus, proportional or equal.")
    String method;

    @Option(names = "--samples", paramLabel = "N", description = "shapley-sampled: permutations to draw (the most, with"
            + " --target-error); at least 2 (default: " + SharingOptions.DEFAULT_SAMPLES + ").")
    Long samples;

    @Option(names = "--target-error", paramLabel = "R", description = "shapley-sampled: stop once every standard error is at"
            + " most R times the mean allocation, e.g. 0.01 (default: 0, draw all --samples).")
    Double targetError;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the sampled methods (default: 1).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the coalitions' clearings; the result does not"
            + " depend on it (default: 1).")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the result here, atomically (default: stdout).")
    Path out;

    @Override
    public Integer call() {
        SharingMethod m;
        try {
            m = SharingMethod.fromName(method);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--method: " + e.getMessage());
        }
        SharingOptions o = options();
        MarketCaseReader.Case c;
        try {
            c = MarketCaseReader.withBusLookup(FeederBuses::of).readCase(casePath);
        } catch (InvalidMarketException e) {
            throw new InvalidInputException("invalid market case " + casePath + ": " + e.getMessage());
        }
        Sharing s;
        try {
            CommunityGame game = c.isHorizon() ? CommunityGame.of(c.horizon()) : CommunityGame.of(c.market());
            s = SavingsSharing.share(game, m, o);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(casePath + ": " + e.getMessage());
        }
        Consumer<Writer> body = w -> JsonOutput.write(w, g -> {
            g.writeStartObject();
            g.writeStringField("status", "OK");
            g.writeStringField("method", s.method().cliName());
            g.writeNumberField("grandCoalitionSavings", s.grandCoalitionSavings());
            g.writeArrayFieldStart("allocations");
            for (Map.Entry<String, Double> e : s.allocations().entrySet()) {
                g.writeStartObject();
                g.writeStringField("agent", e.getKey());
                g.writeNumberField("value", e.getValue());
                Double se = s.standardErrors().get(e.getKey());
                if (se != null) {
                    g.writeNumberField("standardError", se);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (s.inCore().isPresent()) {
                g.writeBooleanField("inCore", s.inCore().get());
            }
            if (s.samples().isPresent()) {
                g.writeNumberField("samples", s.samples().getAsLong());
            }
            g.writeNumberField("seconds", s.seconds());
            g.writeArrayFieldStart("notes");
            for (String n : s.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        if (out != null) {
            AtomicFiles.write(out, body);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            body.accept(w);
            w.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "%s: %d players share %.6g (%s)%s, %.3f s", m.cliName(), s.players().size(),
                s.grandCoalitionSavings(), casePath.getFileName(),
                s.inCore().map(in -> in ? "; in the core" : "; NOT in the core").orElse("; core not checked exactly"),
                s.seconds()));
        err.flush();
        return PeerClearCli.OK;
    }

    private SharingOptions options() {
        SharingOptions o = SharingOptions.DEFAULT;
        try {
            if (samples != null) {
                o = o.withSamples(samples);
            }
            if (targetError != null) {
                o = o.withTargetRelativeError(targetError);
            }
            if (seed != null) {
                o = o.withSeed(seed);
            }
            if (threads != null) {
                o = o.withThreads(threads);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        return o;
    }
}
