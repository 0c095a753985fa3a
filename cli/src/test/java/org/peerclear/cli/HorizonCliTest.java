package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peerclear.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonMarkets;

/** {@code clear} and {@code simulate} on cases with several periods: what the result files say. */
class HorizonCliTest {
    @TempDir
    Path dir;

    private Path write(HorizonMarket hm, String name) {
        Path c = dir.resolve(name);
        MarketCaseWriter.write(hm, c);
        return c;
    }

    @Test
    void theResultNamesTheMethodThatRanAndLpRefusesACurvedHorizon() throws Exception {
        // The analytic battery is linear (a = 0 everywhere): every centralised method clears it.
        Path battery = write(HorizonMarkets.oneBatteryTwoPrices(), "battery.json");
        for (String method : new String[] {"auto", "lp", "qp"}) {
            Path out = dir.resolve(method + ".json");
            CliTest.Run r = run("clear", battery.toString(), "--method", method, "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(out.toFile());
            assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
            assertThat(j.get("method").asText()).isEqualTo(method);
        }
        // The household day's neighbour has a = 0.02: not an LP, as for one period.
        CliTest.Run lp = run("clear", write(HorizonMarkets.householdDay(), "day.json").toString(), "--method", "lp");
        assertThat(lp.code()).isEqualTo(2);
        assertThat(lp.err()).contains("'lp'").contains("neighbour.load").contains("a = 0.02").contains("use method qp");
    }

    /**
     * The household day (PV, battery, EV, a neighbour, the grid; 24 periods) with {@code --csv}:
     * every table has one row per period and agent, asset or trade, and every cell is the JSON
     * result's value of that period (two writers of one result: they must agree cell by cell).
     */
    @Test
    void csvOfAHorizonHasOneRowPerPeriodAndAgreesWithTheJsonArrays() throws Exception {
        Path day = write(HorizonMarkets.householdDay(), "day.json");
        Path out = dir.resolve("day-result.json");
        Path csv = dir.resolve("tables");
        CliTest.Run r = run("clear", day.toString(), "--out", out.toString(), "--csv", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        int periods = j.get("periods").asInt();

        List<String[]> agents = rows(csv.resolve("agents.csv"), "period,id,p,price,importPrice,exportPrice");
        assertThat(agents).hasSize(periods * j.get("agents").size());
        for (String[] row : agents) {
            int t = Integer.parseInt(row[0]);
            JsonNode a = byId(j.get("agents"), "id", row[1]);
            assertThat(Double.parseDouble(row[2])).isEqualTo(a.get("p").get(t).asDouble());
            if (row[1].equals("grid")) {
                assertThat(row[3]).as("the grid has no net price").isEmpty();
                assertThat(Double.parseDouble(row[4])).isEqualTo(HorizonMarkets.IMPORT_PRICE[t]);
                assertThat(Double.parseDouble(row[5])).isEqualTo(HorizonMarkets.EXPORT_PRICE);
            } else {
                assertThat(Double.parseDouble(row[3])).isEqualTo(a.get("price").get(t).asDouble());
            }
        }

        List<String[]> assets = rows(csv.resolve("assets.csv"), "period,id,p,charge,discharge,energyStart,energyEnd");
        assertThat(assets).hasSize(periods * j.get("assets").size());
        for (String[] row : assets) {
            int t = Integer.parseInt(row[0]);
            JsonNode a = byId(j.get("assets"), "id", row[1]);
            assertThat(Double.parseDouble(row[2])).isEqualTo(a.get("p").get(t).asDouble());
            if (a.has("energy")) {
                assertThat(a.get("energy")).hasSize(periods + 1);
                assertThat(Double.parseDouble(row[3])).isEqualTo(a.get("charge").get(t).asDouble());
                assertThat(Double.parseDouble(row[4])).isEqualTo(a.get("discharge").get(t).asDouble());
                assertThat(Double.parseDouble(row[5])).isEqualTo(a.get("energy").get(t).asDouble());
                assertThat(Double.parseDouble(row[6])).isEqualTo(a.get("energy").get(t + 1).asDouble());
            } else {
                assertThat(row).hasSize(3); // a trailing run of empty cells: no energy for an asset without memory
            }
        }
        // The EV arrives at 18:00 with 8 kWh: its energy before arrival is what it arrives with.
        String[] evAtNoon = assets.stream().filter(a -> a[0].equals("12") && a[1].equals("home.ev")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(evAtNoon[5])).isEqualTo(8.0);

        List<String[]> trades = rows(csv.resolve("trades.csv"), "period,from,to,quantity,price");
        assertThat(trades).hasSize(periods * j.get("trades").size());
        for (String[] row : trades) {
            int t = Integer.parseInt(row[0]);
            JsonNode trade = null;
            for (JsonNode candidate : j.get("trades")) {
                if (candidate.get("from").asText().equals(row[1]) && candidate.get("to").asText().equals(row[2])) {
                    trade = candidate;
                }
            }
            assertThat(trade).as(row[1] + " -> " + row[2]).isNotNull();
            assertThat(Double.parseDouble(row[3])).isEqualTo(trade.get("quantity").get(t).asDouble());
            assertThat(Double.parseDouble(row[4])).isEqualTo(trade.get("price").get(t).asDouble());
        }
        assertThat(csv.resolve("buses.csv")).as("no feeder, no buses").doesNotExist();
    }

    /** The data rows of a CSV file after checking its header (ids here hold no commas: split is enough). */
    static List<String[]> rows(Path file, String header) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(header);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
    }

    static JsonNode byId(JsonNode array, String field, String id) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + id + " in " + array);
    }
}
