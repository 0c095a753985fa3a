package org.peerclear.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Says which databases the ledger tests ran on. Without {@code PEERCLEAR_PG_URL} the PostgreSQL
 * runs are skipped, and this test is skipped saying so; with {@code PEERCLEAR_PG_REQUIRED=true}
 * (as CI sets it) a missing URL fails instead.
 */
class BackendsTest {
    @Test
    void postgresqlBackend() throws Exception {
        boolean required = "true".equalsIgnoreCase(System.getenv("PEERCLEAR_PG_REQUIRED"));
        if (!Backends.names().contains("postgresql")) {
            String why = "ledger tests: PostgreSQL backend NOT run (PEERCLEAR_PG_URL is not set): SQLite only";
            System.out.println(why);
            assertThat(required).as("PEERCLEAR_PG_REQUIRED is set but PEERCLEAR_PG_URL is not").isFalse();
            Assumptions.abort(why);
        }
        try (Connection c = DriverManager.getConnection(Backends.PG); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            assertThat(rs.next()).isTrue();
            String version = rs.getString(1);
            assertThat(version).startsWith("PostgreSQL");
            System.out.println("ledger tests: PostgreSQL backend run, on " + version + " at "
                    + Backends.PG.replaceAll("(?i)password=[^&]*", "password=***"));
        }
    }
}
