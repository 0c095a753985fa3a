package org.peerclear.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.peerclear.ledger.Ledger;
import org.peerclear.ledger.LedgerException;

/**
 * The ledger a command names: an SQLite file path, or a JDBC URL ({@code jdbc:postgresql://...},
 * {@code jdbc:sqlite:...}), and where its keystore is.
 *
 * @param argument what the user gave
 */
record LedgerTarget(String argument) {
    /** The suffix of the default keystore next to an SQLite ledger file. */
    static final String KEYSTORE_SUFFIX = ".keys";
    /** The table of records, as the ledger library creates it. */
    private static final String LEDGER_TABLE = "ledger_record";

    /** {@return whether the ledger is named by a JDBC URL rather than a file} */
    boolean jdbc() {
        return argument.startsWith("jdbc:");
    }

    /** {@return the ledger for messages: a URL's password masked} */
    String display() {
        return mask(argument);
    }

    /** {@return the text with every JDBC URL's {@code password=...} parameter masked} */
    static String mask(String text) {
        return text.replaceAll("(?i)password=[^&\\s]*", "password=***");
    }

    /**
     * The keystore: the one given, or {@code FILE.db.keys} next to an SQLite ledger file.
     *
     * @param given the {@code --keystore} option, or null
     * @return the keystore file
     * @throws InvalidInputException when none is given for a JDBC URL
     */
    Path keystore(Path given) {
        if (given != null) {
            return given;
        }
        if (jdbc()) {
            throw new InvalidInputException("--keystore: a ledger given by a JDBC URL needs its keystore named (--keystore FILE)");
        }
        return defaultKeystore();
    }

    /** {@return {@code FILE.db.keys} next to the ledger file} */
    Path defaultKeystore() {
        return Path.of(argument + KEYSTORE_SUFFIX);
    }

    /** {@return the ledger, created when it does not exist yet} */
    Ledger openOrCreate() {
        return Ledger.open(argument);
    }

    /**
     * Refuses an SQLite file without the ledger's table before {@link Ledger#open} would create it:
     * an emptied (truncated to nothing) ledger or another program's database must not verify as an
     * empty, valid ledger. Read only, so the file is left as it is.
     */
    private static void requireLedgerTable(Path file) {
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, readOnly);
             ResultSet r = c.getMetaData().getTables(null, null, LEDGER_TABLE, null)) {
            if (!r.next()) {
                throw new LedgerException("no ledger in " + file + ": it has no " + LEDGER_TABLE
                        + " table (an emptied or truncated file, or another program's database)");
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read " + file + " as an SQLite database: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a ledger that must exist already: opening a missing SQLite file would create an empty one.
     *
     * @return the ledger
     * @throws InvalidInputException when the file does not exist or cannot be read
     * @throws LedgerException when the file is not a ledger
     */
    Ledger openExisting() {
        if (!jdbc()) {
            Path file = Path.of(argument);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("no ledger at " + file + (Files.isDirectory(file) ? " (a directory)" : ""));
            }
            if (!Files.isReadable(file)) {
                throw new InvalidInputException("cannot read ledger " + file + ": permission denied");
            }
            requireLedgerTable(file);
        }
        return Ledger.open(argument);
    }
}
