package org.peerclear.cli;

import java.io.PrintWriter;
import org.peerclear.model.InvalidMarketException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code peerclear} command. Exit codes: 0 success (a cleared market is a success even
 * when its status is INFEASIBLE), 2 bad usage or invalid input (message on stderr), 1 internal
 * error.
 */
@Command(name = "peerclear", mixinStandardHelpOptions = true, versionProvider = PeerClearCli.Version.class,
        description = "Clears peer-to-peer electricity markets.",
        subcommands = {ClearCommand.class, ExampleCommand.class, GenerateCommand.class, PowerflowCommand.class,
                CommandLine.HelpCommand.class})
public final class PeerClearCli implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Builds the command line with the project's exit-code mapping. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PeerClearCli());
        cl.setExecutionExceptionHandler(PeerClearCli::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InvalidMarketException) {
            err.println("Invalid market: " + e.getMessage());
            return INVALID_INPUT;
        }
        if (e instanceof IllegalArgumentException || e instanceof InvalidInputException) {
            err.println("Error: " + e.getMessage());
            return INVALID_INPUT;
        }
        err.println("Internal error: " + e);
        e.printStackTrace(err);
        return INTERNAL_ERROR;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PeerClearCli.class.getPackage().getImplementationVersion();
            return new String[] {"peerclear " + (v == null ? "development" : v)};
        }
    }
}
