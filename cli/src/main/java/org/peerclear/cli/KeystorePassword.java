package org.peerclear.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The keystore's password, never from the command line (where other users and the shell's
 * history would see it): from {@code --password-file FILE} (its whole content, UTF-8, less one
 * trailing line break), else from the environment variable {@value #ENV}.
 *
 * @param password the password
 * @param source where it came from, for messages
 */
record KeystorePassword(char[] password, String source) {
    /** The environment variable that holds the password. */
    static final String ENV = "PEERCLEAR_KEYSTORE_PASSWORD";

    /**
     * Finds the password.
     *
     * @param file the {@code --password-file} option, or null
     * @param environment looks up an environment variable ({@code System::getenv})
     * @return the password and its source
     * @throws InvalidInputException when neither gives one, or it is empty
     */
    static KeystorePassword resolve(Path file, UnaryOperator<String> environment) {
        if (file != null) {
            return new KeystorePassword(nonEmpty(read(file), "--password-file " + file), "--password-file " + file);
        }
        String env = environment.apply(ENV);
        if (env == null) {
            throw new InvalidInputException("the keystore needs a password: set the environment variable " + ENV
                    + " or give --password-file FILE (a password is never taken on the command line)");
        }
        return new KeystorePassword(nonEmpty(env.toCharArray(), ENV), ENV);
    }

    private static char[] nonEmpty(char[] p, String source) {
        if (p.length == 0) {
            throw new InvalidInputException("the keystore password from " + source + " is empty");
        }
        return p;
    }

    private static char[] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("--password-file: cannot read " + file + ": " + e.getMessage());
        }
        try {
            CharBuffer c = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            int end = c.limit();
            if (end > 0 && c.get(end - 1) == '\n') {
                end--;
                if (end > 0 && c.get(end - 1) == '\r') {
                    end--;
                }
            }
            char[] p = new char[end];
            c.get(p);
            Arrays.fill(c.array(), '\0');
            return p;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("--password-file: " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
