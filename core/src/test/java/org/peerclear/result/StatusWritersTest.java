package org.peerclear.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.io.ResultCsvWriter;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.opt.Status;

/** The writers with the new statuses: a TIME_LIMIT result writes its point, a NUMERICAL_ERROR none. */
class StatusWritersTest {
    @TempDir
    Path dir;

    private static JsonNode json(ClearingResult r) throws Exception {
        StringWriter w = new StringWriter();
        ResultJsonWriter.write(r, w);
        return new ObjectMapper().readTree(w.toString());
    }

    @Test
    void aTimeLimitResultWritesItsPointAsJsonAndCsv() throws Exception {
        ClearingResult r = TwoAgentMarket.optimum().toBuilder().status(Status.TIME_LIMIT, "time limit of 1 s reached").build();
        JsonNode j = json(r);
        assertThat(j.get("status").asText()).isEqualTo("TIME_LIMIT");
        assertThat(j.get("agents")).hasSize(2);
        assertThat(j.get("trades").get(0).get("quantity").asDouble()).isEqualTo(TwoAgentMarket.TRADE);
        ResultCsvWriter.write(r, dir);
        assertThat(Files.readAllLines(dir.resolve("agents.csv"))).hasSize(3);
    }

    @Test
    void aNumericalErrorWritesItsStatusAndMessageWithoutTables() throws Exception {
        ClearingResult r = TwoAgentMarket.optimum().toBuilder().status(Status.NUMERICAL_ERROR, "balance 1e-2").build();
        JsonNode j = json(r);
        assertThat(j.get("status").asText()).isEqualTo("NUMERICAL_ERROR");
        assertThat(j.get("message").asText()).isEqualTo("balance 1e-2");
        assertThat(j.has("agents") && j.get("agents").size() > 0).isFalse();
    }
}
