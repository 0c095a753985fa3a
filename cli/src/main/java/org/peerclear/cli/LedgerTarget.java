package org.peerclear.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.peerclear.ledger.Ledger;

/**
 * The ledger a command names: an SQLite file path, or a JDBC URL ({@code jdbc:postgresql://...},
 * {@code jdbc:sqlite:...}), and where its keystore is.
 *
 * @param argument what the user gave
 */
record LedgerTarget(String argument) {
    /** The suffix of the default keystore next to an SQLite ledger file. */
    static final String KEYSTORE_SUFFIX = ".keys";

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
     * Opens a ledger that must exist already: opening a missing SQLite file would create an empty one.
     *
     * @return the ledger
     * @throws InvalidInputException when the file does not exist or cannot be read
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
        }
        return Ledger.open(argument);
    }
}
