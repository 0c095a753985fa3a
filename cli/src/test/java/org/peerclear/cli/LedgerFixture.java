package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A cleared example in a folder, settled into a ledger; runs commands with a chosen environment,
 * and reads and changes the ledger's rows behind its back.
 */
final class LedgerFixture {
    final Path dir;
    final Path caseFile;
    final Path result;
    final Path ledger;
    final Path passwordFile;

    private LedgerFixture(Path dir, Path caseFile, Path result) throws Exception {
        this.dir = dir;
        this.caseFile = caseFile;
        this.result = result;
        this.ledger = dir.resolve("community.db");
        this.passwordFile = Files.writeString(dir.resolve("password.txt"), "correct horse battery staple\n");
    }

    /** The example without its network, cleared. */
    static LedgerFixture cleared(Path dir) throws Exception {
        Path c = CliTest.exampleCase(dir);
        Path r = dir.resolve("result.json");
        CliTest.Run clear = CliTest.run("clear", c.toString(), "--out", r.toString());
        assertThat(clear.code()).as(clear.err()).isZero();
        return new LedgerFixture(dir, c, r);
    }

    /** A command run with this environment instead of the process's (the settle command reads its password there). */
    static CliTest.Run run(Map<String, String> environment, String... args) {
        CommandLine cl = PeerClearCli.commandLine();
        ((SettleCommand) cl.getSubcommands().get("settle").getCommand()).environment = environment::get;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new CliTest.Run(cl.execute(args), out.toString(), err.toString());
    }

    /** Settles a result with its case into the ledger, the password from the password file; must succeed. */
    CliTest.Run settle(Path resultFile, Path caseJson, Path bills) {
        CliTest.Run r = run(Map.of(), "settle", resultFile.toString(), "--case", caseJson.toString(), "--ledger", ledger.toString(),
                "--password-file", passwordFile.toString(), "--out", bills.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    CliTest.Run verify(String... more) {
        List<String> args = new ArrayList<>(List.of("ledger", "verify", ledger.toString()));
        args.addAll(List.of(more));
        return run(Map.of(), args.toArray(String[]::new));
    }

    /** Runs an SQL statement on the ledger file, as someone editing it behind the ledger's back would. */
    void sql(String statement, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger); PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    /** One column of one record, as stored. */
    String get(String column, long seq) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger);
                PreparedStatement p = c.prepareStatement("SELECT " + column + " FROM ledger_record WHERE seq = ?")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).as("record %d exists", seq).isTrue();
                return rs.getString(1);
            }
        }
    }
}
