package org.peerclear.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The databases the ledger tests run on: SQLite always, PostgreSQL when PEERCLEAR_PG_URL is set. */
final class Backends {
    static final String PG = System.getenv("PEERCLEAR_PG_URL");

    private Backends() {
    }

    static List<String> names() {
        List<String> out = new ArrayList<>(List.of("sqlite"));
        if (PG != null && !PG.isBlank()) {
            out.add("postgresql");
        }
        return out;
    }

    /** A fresh, empty ledger location for the backend. */
    static String fresh(String backend, Path dir) throws SQLException {
        if (backend.equals("sqlite")) {
            return dir.resolve("ledger-" + System.nanoTime() + ".db").toString();
        }
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ledger_record");
            s.execute("DROP TABLE IF EXISTS ledger_head");
        }
        return PG;
    }

    static String jdbc(String location) {
        return location.startsWith("jdbc:") ? location : "jdbc:sqlite:" + location;
    }

    /** Runs one statement on the ledger's database behind its back (to damage it), with arguments. */
    static void sql(String location, String statement, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc(location)); PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            p.executeUpdate();
        }
    }

    /** Fails unless another connection takes the SQLite file's write lock at once (no ledger holds it). */
    static void assertWriteLockIsFree(Path file, String after) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 0");
            s.execute("BEGIN IMMEDIATE");
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            throw new AssertionError("the write lock is held after " + after, e);
        }
    }
}
