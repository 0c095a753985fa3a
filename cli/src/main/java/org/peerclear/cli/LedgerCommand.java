package org.peerclear.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger verify|show FILE.db}: check a settlement ledger, or show what it holds. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "Verify a ledger of settlements (hash chain and signatures), or show a party's history and balance.",
        subcommands = {LedgerVerifyCommand.class, LedgerShowCommand.class})
public final class LedgerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: ledger verify FILE.db or ledger show FILE.db");
    }
}
