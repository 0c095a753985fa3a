package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peerclear.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonMarkets;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Series;
import org.peerclear.model.TradeGraph;

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
        // simulate keeps the same promise (its --method was checked, then not used).
        CliTest.Run sim = run("simulate", dir.resolve("day.json").toString(), "--method", "lp", "--out", dir.resolve("sim").toString());
        assertThat(sim.code()).isEqualTo(2);
        assertThat(sim.err()).contains("'lp'").contains("neighbour.load").contains("use method qp");
        CliTest.Run linear = run("simulate", battery.toString(), "--method", "lp", "--window", "2", "--step", "1",
                "--out", dir.resolve("sim-lp").toString());
        assertThat(linear.code()).as(linear.err()).isZero();
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

        List<String[]> agents = rowsPerPeriod(csv.resolve("agents.csv"), "period,id,p,price,importPrice,exportPrice",
                j.get("agents"), periods);
        boolean gridSoldSomewhere = false;
        for (String[] row : agents) {
            int t = Integer.parseInt(row[0]);
            JsonNode price = byId(j.get("agents"), "id", row[1]).get("price").get(t);
            assertThat(row[3]).isEqualTo(price.isNull() ? "" : Double.toString(price.asDouble()));
            if (row[1].equals("grid")) {
                // The legs that sold (bought) are priced at the tariff at an exact optimum: to the certificate's price tolerance.
                gridSoldSomewhere |= !row[4].isEmpty();
                if (!row[4].isEmpty()) {
                    assertThat(Double.parseDouble(row[4])).isCloseTo(HorizonMarkets.IMPORT_PRICE[t], within(PRICE_TOLERANCE));
                }
                if (!row[5].isEmpty()) {
                    assertThat(Double.parseDouble(row[5])).isCloseTo(HorizonMarkets.EXPORT_PRICE, within(PRICE_TOLERANCE));
                }
            } else {
                assertThat(row[4] + row[5]).as("only the grid has import and export prices").isEmpty();
            }
        }
        assertThat(gridSoldSomewhere).as("the household buys from the grid at night").isTrue();

        List<String[]> assets = rowsPerPeriod(csv.resolve("assets.csv"), "period,id,p,charge,discharge,energyStart,energyEnd",
                j.get("assets"), periods);
        for (String[] row : assets) {
            int t = Integer.parseInt(row[0]);
            JsonNode a = byId(j.get("assets"), "id", row[1]);
            if (a.has("energy")) {
                assertThat(a.get("energy")).hasSize(periods + 1);
                assertCell(row, 3, a, "charge", t);
                assertCell(row, 4, a, "discharge", t);
                assertCell(row, 5, a, "energy", t);
                assertCell(row, 6, a, "energy", t + 1);
            } else {
                assertThat(String.join("", java.util.Arrays.copyOfRange(row, 3, 7))).as("no energy without memory").isEmpty();
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
            assertCell(row, 3, trade, "quantity", t);
            assertCell(row, 4, trade, "price", t);
        }
        assertThat(csv.resolve("buses.csv")).as("no feeder, no buses").doesNotExist();
    }

    /**
     * A morning on case33bw: four households at the ends of the laterals, PV rising over four
     * periods, no storage, so the periods are independent and a window of two committing one
     * must dispatch each period as the whole horizon cleared at once does. {@code voltages.csv}
     * has one row per committed period and bus, and its voltages are the AC check of that
     * period's dispatch: those of {@code clear}'s {@code buses[].vm}, up to what two certified
     * solves of the same period may differ by.
     */
    @Test
    void simulateOnAFeederWritesTheAcVoltagesOfEveryCommittedPeriod() throws Exception {
        Path feeder = write(feederMorning(), "feeder.json");
        Path out = dir.resolve("feeder-result.json");
        CliTest.Run clear = run("clear", feeder.toString(), "--out", out.toString());
        assertThat(clear.code()).as(clear.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");

        Path sim = dir.resolve("feeder-sim");
        CliTest.Run r = run("simulate", feeder.toString(), "--window", "2", "--step", "1", "--out", sim.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String[]> voltages = rows(sim.resolve("voltages.csv"), "period,bus,vm,vmLinear");
        assertThat(voltages).hasSize(MORNING_PV.length * 33);
        double worst = 0;
        for (String[] row : voltages) {
            int t = Integer.parseInt(row[0]);
            double vm = Double.parseDouble(row[2]);
            worst = Math.max(worst, Math.abs(vm - byId(j.get("buses"), "id", row[1]).get("vm").get(t).asDouble()));
        }
        assertThat(worst).as("largest |vm(simulate) - vm(clear)| in pu").isLessThan(VM_TOLERANCE);
        // The PV pushes the far ends up at noon: the check sees the periods differ (not one period copied).
        double first = Double.parseDouble(voltages.stream().filter(v -> v[0].equals("0") && v[1].equals("18")).findFirst()
                .orElseThrow()[2]);
        double last = Double.parseDouble(voltages.stream().filter(v -> v[0].equals("3") && v[1].equals("18")).findFirst()
                .orElseThrow()[2]);
        assertThat(last).isGreaterThan(first);
    }

    /**
     * The certificate's price tolerance (ResultVerifier's 1e-6 times the price scale, 1 for
     * prices below 1 per kWh as here): how far a certified price may sit from the exact one.
     */
    private static final double PRICE_TOLERANCE = 1e-6;

    /** PV output of each household's array per period, as a share of its 300 kW peak. */
    private static final double[] MORNING_PV = {0.0, 0.3, 0.7, 1.0};

    /**
     * Two certified optima of one strictly convex period agree in their injections to the
     * certificate's relative tolerance (1e-6 of the power scale, a few hundred kW here), and
     * the AC voltages of case33bw move by well under 1e-4 pu per kW at its far ends: 1e-6 pu.
     */
    private static final double VM_TOLERANCE = 1e-6;

    private static HorizonMarket feederMorning() {
        int periods = MORNING_PV.length;
        double[] pv = new double[periods];
        for (int t = 0; t < periods; t++) {
            pv[t] = 300 * MORNING_PV[t];
        }
        HorizonMarket.Builder b = HorizonMarket.builder("feeder-morning", periods);
        for (String bus : new String[] {"18", "22", "25", "33"}) {
            String id = "h" + bus;
            b.agent(new HorizonAgent(id, bus, null, List.of(
                    new FlexibleAsset(id, id + ".pv", Series.constant(0.0), Series.of(pv), Series.constant(1e-4),
                            Series.constant(0.01)),
                    new FlexibleAsset(id, id + ".load", Series.constant(-120.0), Series.constant(-20.0),
                            Series.constant(0.004), Series.constant(0.40)))));
        }
        return b.tradeGraph(TradeGraph.complete(0.001, List.of()))
                .grid(new HorizonGrid("1", Series.constant(0.30), Series.constant(0.04), Series.constant(Double.POSITIVE_INFINITY),
                        Series.constant(Double.POSITIVE_INFINITY)))
                .network(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())).build();
    }

    /** The data rows of a CSV file, every cell kept, after checking its header (ids here hold no commas: split is enough). */
    static List<String[]> rows(Path file, String header) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(header);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    /**
     * The rows of a table of agents or assets: one per period and item of the JSON's
     * {@code items}, each with the item's {@code p} of its period in its third cell.
     */
    private static List<String[]> rowsPerPeriod(Path file, String header, JsonNode items, int periods) throws Exception {
        List<String[]> rows = rows(file, header);
        assertThat(rows).hasSize(periods * items.size());
        for (String[] row : rows) {
            assertCell(row, 2, byId(items, "id", row[1]), "p", Integer.parseInt(row[0]));
        }
        return rows;
    }

    /** The CSV cell {@code row[column]} is the JSON's {@code item.field[index]}, to the last digit. */
    private static void assertCell(String[] row, int column, JsonNode item, String field, int index) {
        assertThat(Double.parseDouble(row[column])).as("row " + String.join(",", row) + ": " + field + "[" + index + "]")
                .isEqualTo(item.get(field).get(index).asDouble());
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
