package org.peerclear.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
}
