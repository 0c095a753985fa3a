package org.peerclear.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.IndexedResults;

/** The result writers: CSV cells escaped per RFC 4180, options in the order they were recorded. */
class ResultWritersTest {
    @TempDir
    Path dir;

    /** Two agents whose ids need quoting; one trades 1 to the other at price 6. */
    static ClearingResult awkwardIds(String seller, String buyer, String... optionKeys) {
        Market m = Market.builder("awkward")
                .agent(new Agent(seller, List.of(new Asset(seller + ".gen", 0, 2, 1, 5))))
                .agent(new Agent(buyer, List.of(new Asset(buyer + ".load", -2, 0, 1, 7))))
                .build();
        MarketIndex index = MarketIndex.of(m);
        ClearingResult.Builder b = IndexedResults.solution(IndexedResults.builder(m, index).status(Status.FEASIBLE, "written by hand"),
                new double[] {1, -1}, new double[] {1, -1}, new double[] {6, 6}, new double[] {6, 6});
        for (String k : optionKeys) {
            b.option(k, k.length());
        }
        return b.build();
    }

    @Test
    void csvCellsWithCommasQuotesAndLineBreaksAreQuotedPerRfc4180() throws Exception {
        ClearingResult r = awkwardIds("seller, north", "buyer \"B\"\nline 2");
        ResultCsvWriter.write(r, dir);
        assertThat(Files.readString(dir.resolve("agents.csv"))).isEqualTo("id,p,price,importPrice,exportPrice\n"
                + "\"seller, north\",1.0,6.0,,\n"
                + "\"buyer \"\"B\"\"\nline 2\",-1.0,6.0,,\n");
        assertThat(Files.readString(dir.resolve("trades.csv"))).isEqualTo("from,to,quantity,price\n"
                + "\"seller, north\",\"buyer \"\"B\"\"\nline 2\",1.0,6.0\n"
                + "\"buyer \"\"B\"\"\nline 2\",\"seller, north\",-1.0,6.0\n");
        assertThat(Files.readString(dir.resolve("assets.csv"))).startsWith("id,p\n\"seller, north.gen\",1.0\n");
    }

    @Test
    void plainCellsAreWrittenAsTheyAre() {
        assertThat(Csv.cell("h1.pv")).isEqualTo("h1.pv");
        assertThat(Csv.cell("a;b c'd")).isEqualTo("a;b c'd");
        assertThat(Csv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(Csv.number(Double.NaN)).isEmpty();
        assertThat(Csv.number(0.1)).isEqualTo("0.1");
    }

    @Test
    void optionsKeepTheOrderTheyWereRecordedIn() throws Exception {
        // Twenty keys: Map.copyOf's order depends on a per-JVM random salt and would shuffle them.
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add("option" + (char) ('t' - i));
        }
        ClearingResult r = awkwardIds("s", "b", keys.toArray(String[]::new));
        assertThat(r.options().keySet()).containsExactlyElementsOf(keys);
        JsonNode j = new ObjectMapper().readTree(ResultJsonWriter.toJson(r));
        List<String> written = new ArrayList<>();
        j.get("options").fieldNames().forEachRemaining(written::add);
        assertThat(written).containsExactlyElementsOf(keys);
    }
}
