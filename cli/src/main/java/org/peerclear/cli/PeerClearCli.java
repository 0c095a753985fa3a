package org.peerclear.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import org.peerclear.ledger.LedgerException;
import org.peerclear.model.InvalidMarketException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code peerclear} command. Exit codes: 0 success (a cleared market is a success even
 * when its status is INFEASIBLE), 2 bad usage, invalid input or an environment the command cannot
 * work in (a file that cannot be read or written, not enough memory, a wrong keystore password),
 * 3 a check that failed (a ledger that does not verify), 1 internal error. Only an
 * internal error prints a stack trace; everything else is one line on stderr naming the problem.
 */
@Command(name = "peerclear", mixinStandardHelpOptions = true, versionProvider = PeerClearCli.Version.class,
        description = "Clears peer-to-peer electricity markets.",
        subcommands = {AuctionCommand.class, ClearCommand.class, ExampleCommand.class, GenerateCommand.class, LedgerCommand.class,
                OrdersCommand.class, PlotCommand.class, PowerflowCommand.class, ServeCommand.class, SettleCommand.class,
                ShareCommand.class, SimulateCommand.class, SweepCommand.class,
                CommandLine.HelpCommand.class})
public final class PeerClearCli implements Runnable {
    /** Exit code of a command that did its job, whatever the status of the market it cleared. */
    public static final int OK = 0;
    /** Exit code of a failure of PeerClear itself: the one case with a stack trace. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code of bad usage, invalid input or an environment the command cannot work in. */
    public static final int INVALID_INPUT = 2;
    /** Exit code of a check that failed: the command ran, and what it checked is not as it should be. */
    public static final int CHECK_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /**
     * Builds the command line with the project's exit-code mapping.
     *
     * @return the {@code peerclear} command with its subcommands, ready to {@code execute(args)}
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PeerClearCli());
        CliSettings.listInHelp(cl.getSubcommands().get("clear"));
        CliSettings.listInHelp(cl.getSubcommands().get("simulate"));
        CliSettings.listInHelp(cl.getSubcommands().get("auction"), org.peerclear.auction.AuctionOptions.CATALOG,
                "%nNamed options (--set NAME=VALUE):%n");
        cl.setExecutionExceptionHandler(PeerClearCli::handle);
        // picocli lets Errors through its exception handler; running out of memory is one.
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (OutOfMemoryError e) {
                return outOfMemory(e, cl.getErr());
            }
        });
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return outOfMemory(oom, err);
            }
        }
        if (e instanceof InvalidMarketException) {
            return invalid(err, "Invalid market: " + e.getMessage());
        }
        if (e instanceof IllegalArgumentException || e instanceof InvalidInputException) {
            return invalid(err, "Error: " + e.getMessage());
        }
        if (e instanceof LedgerException) {
            // A ledger or keystore that cannot be opened or written, a wrong password: the message names it
            // (a JDBC URL's password masked).
            return invalid(err, "Error: " + LedgerTarget.mask(String.valueOf(e.getMessage())));
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            // The readers and writers name the file and the problem.
            return invalid(err, "Error: " + e.getMessage());
        }
        err.println("Internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    private static int invalid(PrintWriter err, String message) {
        err.println(oneLine(message));
        err.flush();
        return INVALID_INPUT;
    }

    /** Messages quote user data (ids, JSON excerpts) that may hold line breaks. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static int outOfMemory(OutOfMemoryError e, PrintWriter err) {
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        err.println(String.format(Locale.ROOT, "Out of memory (%s; Java may use at most %,d MB here). Give it more:"
                + " java -Xmx8g -jar peerclear.jar ..., or JAVA_OPTS=-Xmx8g ./peerclear ...", e.getMessage(), maxMb));
        err.flush();
        return INVALID_INPUT;
    }

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command and its options, as {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The project's version, which Maven writes into {@code version.properties} at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"peerclear " + version()};
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = PeerClearCli.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IllegalStateException("version.properties is missing from the build");
                }
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p.getProperty("version");
        }
    }
}
