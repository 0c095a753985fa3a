package org.peerclear.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.peerclear.io.AtomicFiles;
import org.peerclear.ledger.Entry;
import org.peerclear.ledger.Kind;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.Record;
import org.peerclear.settlement.Settle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger show FILE.db [--agent ID] [--out FILE.json]}: a party's records and balance, or
 * every party's account; a table on stdout, or JSON in a file ({@link LedgerShowText},
 * {@link LedgerShowJson}). It reads; it does not verify ({@code ledger verify} does).
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "A party's records and balance (received - paid), or every party's account.")
public final class LedgerShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.db|JDBC-URL", description = "The ledger: an SQLite file or a JDBC URL.")
    String ledger;

    @Option(names = "--agent", paramLabel = "ID", description = "Show this party's records and balance (default: every"
            + " party the ledger's settlements name, one line each).")
    String agent;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write JSON here, atomically (default: a table on stdout).")
    Path out;

    @Override
    public Integer call() {
        LedgerTarget target = new LedgerTarget(ledger);
        try (Ledger l = target.openExisting()) {
            if (agent != null) {
                List<Entry> history = l.history(agent);
                if (history.isEmpty()) {
                    throw new InvalidInputException("--agent: ledger " + target.display() + " has no record of " + agent);
                }
                PartyAccount account = PartyAccount.of(agent, history);
                if (out == null) {
                    LedgerShowText.party(stdout(), target.display(), account, history);
                } else {
                    AtomicFiles.write(out, w -> LedgerShowJson.party(w, target.display(), account, history));
                }
            } else {
                long size = l.size();
                List<PartyAccount> accounts = accounts(l);
                if (out == null) {
                    LedgerShowText.parties(stdout(), target.display(), size, accounts);
                } else {
                    AtomicFiles.write(out, w -> LedgerShowJson.parties(w, target.display(), size, accounts));
                }
            }
        }
        if (out != null) {
            spec.commandLine().getErr().println("wrote " + out);
            spec.commandLine().getErr().flush();
        }
        return PeerClearCli.OK;
    }

    private PrintWriter stdout() {
        return spec.commandLine().getOut();
    }

    /**
     * The accounts of the operator, who signs every settlement's digest, and of the parties the
     * digests list, in that order, from one pass over the ledger.
     */
    private static List<PartyAccount> accounts(Ledger l) {
        Set<String> parties = new LinkedHashSet<>();
        Map<String, List<Entry>> records = new HashMap<>();
        l.forEach(e -> {
            Record r = e.record();
            if (r.kind() == Kind.RESULT_DIGEST && r.signers().contains(Settle.OPERATOR)) {
                parties.addAll(r.signers());
                parties.addAll(SettlementPayload.partiesOf(r));
            }
            Set<String> named = new LinkedHashSet<>(r.signers());
            named.add(r.payer());
            named.add(r.payee());
            for (String p : named) {
                if (p != null) {
                    records.computeIfAbsent(p, k -> new ArrayList<>()).add(e);
                }
            }
        });
        List<PartyAccount> out = new ArrayList<>();
        for (String p : parties) {
            out.add(PartyAccount.of(p, records.getOrDefault(p, List.of())));
        }
        return out;
    }
}
