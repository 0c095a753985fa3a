package org.peerclear.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.model.Market;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate}: a seeded synthetic market; same seed, same bytes. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a seeded synthetic market (family 'bipartite': N/2 producers, N/2 consumers).")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--peers", required = true, description = "Number of agents N (at least 2).")
    int peers;

    @Option(names = "--partners", defaultValue = "all", description = "Producers each consumer may trade with: a number K or 'all' (default: ${DEFAULT-VALUE}).")
    String partners;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--network", description = "Place agents on the buses of this embedded feeder (default: no network).")
    String network;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Output file (written atomically).")
    Path out;

    @Override
    public Integer call() {
        int k;
        if ("all".equals(partners)) {
            k = BipartiteMarketGenerator.ALL_PARTNERS;
        } else {
            try {
                k = Integer.parseInt(partners);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("Invalid value for option --partners: '" + partners + "' (a number or 'all')");
            }
        }
        Market market = BipartiteMarketGenerator.generate(peers, k, seed, network == null ? null : FeederBuses.marketBuses(network), network);
        MarketCaseWriter.write(market, out);
        spec.commandLine().getErr().println("Wrote " + market + " to " + out);
        return PeerClearCli.OK;
    }
}
