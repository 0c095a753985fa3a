package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.ledger.Keystore;
import org.peerclear.ledger.Ledger;

/** The settle command's keystore and password: where they come from, and what it refuses. */
class LedgerKeystoreCliTest {
    private static final String ENV = KeystorePassword.ENV;

    @TempDir
    Path dir;

    private LedgerFixture f;

    @BeforeEach
    void clear() throws Exception {
        f = LedgerFixture.cleared(dir);
    }

    private CliTest.Run settle(Map<String, String> env, String... more) {
        List<String> args = new ArrayList<>(List.of("settle", f.result.toString(), "--case", f.caseFile.toString(), "--ledger",
                f.ledger.toString(), "--out", dir.resolve("bills.json").toString()));
        args.addAll(List.of(more));
        return LedgerFixture.run(env, args.toArray(String[]::new));
    }

    private long size() {
        try (Ledger l = Ledger.open(f.ledger)) {
            return l.size();
        }
    }

    @Test
    void withoutAPasswordNothingIsWrittenAndTheMessageSaysWhereToPutOne() {
        CliTest.Run r = settle(Map.of());
        assertThat(r.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(r.err().strip()).isEqualTo("Error: the keystore needs a password: set the environment variable " + ENV
                + " or give --password-file FILE (a password is never taken on the command line)");
        assertThat(f.ledger).doesNotExist();
        assertThat(Path.of(f.ledger + ".keys")).doesNotExist();
        assertThat(dir.resolve("bills.json")).doesNotExist();
        CliTest.Run empty = settle(Map.of(ENV, ""));
        assertThat(empty.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(empty.err()).contains("password from " + ENV + " is empty");
    }

    @Test
    void theEnvironmentAndAPasswordFileOpenTheSameKeystoreAndAWrongPasswordIsRefused() throws Exception {
        CliTest.Run fromEnv = settle(Map.of(ENV, "correct horse battery staple"));
        assertThat(fromEnv.code()).as(fromEnv.err()).isZero();
        assertThat(fromEnv.err()).contains("keystore " + f.ledger + ".keys: created")
                .contains("new Ed25519 key pairs for 6 parties: operator, platform, ");
        long before = size();
        // Another settlement of the same market, with the password from the file (its line break is not part of it).
        Path result2 = dir.resolve("result2.json");
        Files.writeString(result2, Files.readString(f.result) + "\n");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "tr0ub4dor&3");
        CliTest.Run refused = LedgerFixture.run(Map.of(), "settle", result2.toString(), "--case", f.caseFile.toString(), "--ledger",
                f.ledger.toString(), "--password-file", wrong.toString(), "--out", dir.resolve("bills2.json").toString());
        assertThat(refused.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(refused.err()).contains("wrong password for " + f.ledger + ".keys");
        assertThat(dir.resolve("bills2.json")).doesNotExist();
        assertThat(size()).isEqualTo(before);
        CliTest.Run fromFile = f.settle(result2, f.caseFile, dir.resolve("bills2.json"));
        assertThat(fromFile.err()).doesNotContain("created").doesNotContain("new Ed25519");
        assertThat(size()).isEqualTo(2 * before);
        assertThat(f.verify().code()).isZero();
    }

    @Test
    void theRealEnvironmentVariableIsRead() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PeerClearCli.class.getName(), "settle", f.result.toString(), "--case",
                f.caseFile.toString(), "--ledger", f.ledger.toString(), "--out", dir.resolve("bills.json").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().put(ENV, "correct horse battery staple");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
        assertThat(size()).isPositive();
        assertThat(Keystore.open(Path.of(f.ledger + ".keys"), "correct horse battery staple".toCharArray()).agents())
                .contains("operator", "platform", "h1");
    }

    @Test
    void optionsThatDoNotApplyOrAreMissingAreRefused() {
        CliTest.Run keystoreAlone = LedgerFixture.run(Map.of(ENV, "pw"), "settle", f.result.toString(), "--case",
                f.caseFile.toString(), "--keystore", dir.resolve("k").toString());
        assertThat(keystoreAlone.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(keystoreAlone.err()).contains("--keystore applies with --ledger only");
        CliTest.Run jdbc = LedgerFixture.run(Map.of(ENV, "pw"), "settle", f.result.toString(), "--case", f.caseFile.toString(),
                "--ledger", "jdbc:postgresql://localhost:1/ledger?user=op&password=hunter2");
        assertThat(jdbc.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(jdbc.err()).contains("a ledger given by a JDBC URL needs its keystore named");
        CliTest.Run unreachable = LedgerFixture.run(Map.of(ENV, "pw"), "ledger", "verify",
                "jdbc:postgresql://localhost:1/ledger?user=op&password=hunter2");
        assertThat(unreachable.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(unreachable.err()).contains("password=***").doesNotContain("hunter2");
    }

    @Test
    void aLedgerWhoseSignersHaveNoKeyInTheKeystoreGivenIsNotAppendedTo() throws Exception {
        f.settle(f.result, f.caseFile, dir.resolve("bills.json"));
        long before = size();
        Path result2 = Files.writeString(dir.resolve("result2.json"), Files.readString(f.result) + "\n");
        Files.delete(Path.of(f.ledger + ".keys"));
        CliTest.Run lost = LedgerFixture.run(Map.of(), "settle", result2.toString(), "--case", f.caseFile.toString(), "--ledger",
                f.ledger.toString(), "--password-file", f.passwordFile.toString());
        assertThat(lost.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(lost.err()).contains("holds " + before + " records but keystore " + f.ledger + ".keys does not exist");
        Path empty = dir.resolve("empty.keys");
        Keystore.create(empty, "correct horse battery staple".toCharArray());
        CliTest.Run newKeys = LedgerFixture.run(Map.of(), "settle", result2.toString(), "--case", f.caseFile.toString(), "--ledger",
                f.ledger.toString(), "--keystore", empty.toString(), "--password-file", f.passwordFile.toString());
        assertThat(newKeys.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(newKeys.err()).contains("operator signed record 1 of ledger " + f.ledger + " but has no key in keystore " + empty);
        Path other = dir.resolve("other.keys");
        Keystore.create(other, "correct horse battery staple".toCharArray()).generate("operator");
        CliTest.Run otherKeys = LedgerFixture.run(Map.of(), "settle", result2.toString(), "--case", f.caseFile.toString(), "--ledger",
                f.ledger.toString(), "--keystore", other.toString(), "--password-file", f.passwordFile.toString());
        assertThat(otherKeys.code()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(otherKeys.err()).contains("keystore " + other + " is not the one ledger " + f.ledger
                + " was signed with: its key for operator did not sign record 1");
        assertThat(size()).isEqualTo(before);
        assertThat(f.verify().code()).isZero();
    }
}
