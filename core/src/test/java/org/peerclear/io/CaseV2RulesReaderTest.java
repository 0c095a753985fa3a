package org.peerclear.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;

/** Integer rules, classes and the network tariff of a version-2 case: read, refused by field, written back. */
class CaseV2RulesReaderTest {
    private static final String FULL = "{\"format\":\"peerclear-market\",\"version\":2,\"classes\":{\"green\":{}},"
            + "\"agents\":[{\"id\":\"b\",\"bus\":\"18\",\"premiums\":{\"green\":0.05},\"assets\":[{\"id\":\"l\",\"pMin\":-3,\"pMax\":0,"
            + "\"a\":0,\"b\":0.3,\"block\":true}]},{\"id\":\"g\",\"bus\":\"33\",\"class\":\"green\",\"assets\":[{\"id\":\"pv\","
            + "\"pMin\":0,\"pMax\":4,\"a\":0,\"b\":0.1,\"minStable\":1.5}]}],\"trades\":{\"minQuantity\":0.5},"
            + "\"network\":{\"case\":\"case33bw\",\"vMin\":0.9,\"vMax\":1.1,\"charges\":{\"kind\":\"zonal\",\"rates\":{\"A\":0.01},"
            + "\"zones\":{\"18\":\"A\",\"33\":\"A\"}},\"losses\":{\"allocation\":\"path\",\"price\":0.2},\"lossAware\":true,"
            + "\"tightenToAc\":true}}";

    private static Market read(String json) {
        return MarketCaseReader.create().read(json, Path.of("."));
    }

    @Test
    void readsEveryFieldAndWritesItBack() {
        Market m = read(FULL);
        assertEquals(java.util.Set.of("l"), m.integerRules().block());
        assertEquals(1.5, m.integerRules().minStable().get("pv"));
        assertEquals(0.5, m.integerRules().minQuantity());
        assertEquals(0.05, m.productClasses().premiums().get("b").get("green"));
        assertEquals("zonal", m.networkTariff().charges().kind());
        assertEquals("A", m.networkTariff().charges().zones().get("18"));
        assertEquals(0.2, m.networkTariff().losses().price());
        assertTrue(m.networkTariff().lossAware() && m.networkTariff().tightenToAc());
        Market again = read(MarketCaseWriter.toJson(m));
        assertEquals(m.integerRules(), again.integerRules());
        assertEquals(m.productClasses(), again.productClasses());
        assertEquals(m.networkTariff(), again.networkTariff());
        assertEquals(MarketCaseWriter.toJson(m), MarketCaseWriter.toJson(again));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"minStable\":1.5|\"minStable\":-1|agents[g].assets[pv].minStable",
        "\"minStable\":1.5|\"minStable\":9|agents[g].assets[pv].minStable",
        "\"block\":true|\"block\":1|agents[b].assets[l].block",
        "\"minQuantity\":0.5|\"minQuantity\":-2|trades.minQuantity",
        "\"premiums\":{\"green\":0.05}|\"premiums\":{\"blue\":0.05}|agents[b].premiums.blue",
        "\"premiums\":{\"green\":0.05}|\"premiums\":{\"green\":-1}|agents[b].premiums.green",
        "\"class\":\"green\"|\"class\":\"red\"|agents[g].class",
        "\"kind\":\"zonal\"|\"kind\":\"Flat rate\"|network.charges.kind",
        "\"18\":\"A\"|\"18\":\"Z\"|network.charges.zones.18",
        "\"rates\":{\"A\":0.01}|\"rates\":{\"A\":-0.01}|network.charges.rates.A",
        "\"allocation\":\"path\"|\"allocation\":\"by_share\"|network.losses.allocation",
        "\"price\":0.2|\"price\":\"spot\"|network.losses.price",
        "\"lossAware\":true|\"lossAware\":\"yes\"|network.lossAware",
        "\"tightenToAc\":true|\"tightenToAc\":2|network.tightenToAc",
        "\"classes\":{\"green\":{}}|\"classes\":{\"green\":{\"x\":1}}|classes.green",
    })
    void anInvalidValueIsNamed(String good, String bad, String field) {
        assertTrue(FULL.contains(good), good);
        InvalidMarketException e = assertThrows(InvalidMarketException.class, () -> read(FULL.replace(good, bad)));
        assertTrue(e.field().startsWith(field), e.getMessage());
    }

    @Test
    void distanceSideIsChecked() {
        String json = FULL.replace("{\"kind\":\"zonal\",\"rates\":{\"A\":0.01},\"zones\":{\"18\":\"A\",\"33\":\"A\"}}",
                "{\"kind\":\"distance\",\"rate\":0.5,\"side\":\"seller\"}");
        assertEquals("network.charges.side", assertThrows(InvalidMarketException.class, () -> read(json)).field());
    }

    @Test
    void aPlugInsNamesAndFieldsAreKeptForTheClearingToResolve() {
        // Which policies and allocators exist is known where the case is cleared, not here.
        String json = FULL.replace("{\"kind\":\"zonal\",\"rates\":{\"A\":0.01},\"zones\":{\"18\":\"A\",\"33\":\"A\"}}",
                "{\"kind\":\"capacity-tariff\",\"rate\":0.02,\"rates\":{\"A\":0.01},\"side\":\"buyer\"}")
                .replace("\"allocation\":\"path\"", "\"allocation\":\"shapley-losses\"");
        Market m = read(json);
        assertEquals("capacity-tariff", m.networkTariff().charges().kind());
        assertEquals(0.02, m.networkTariff().charges().rate());
        assertEquals("buyer", m.networkTariff().charges().side());
        assertEquals("shapley-losses", m.networkTariff().losses().allocation());
        Market again = read(MarketCaseWriter.toJson(m));
        assertEquals(m.networkTariff(), again.networkTariff());
        // Its fields are still checked: a negative rate, a field no policy takes.
        assertEquals("network.charges.rate", assertThrows(InvalidMarketException.class,
                () -> read(json.replace("\"rate\":0.02", "\"rate\":-0.02"))).field());
        assertTrue(assertThrows(InvalidMarketException.class, () -> read(json.replace("\"side\"", "\"sides\"")))
                .field().startsWith("network.charges"));
    }

    @Test
    void versionOneRefusesThemNamingTheVersion() {
        InvalidMarketException e = assertThrows(InvalidMarketException.class,
                () -> read(FULL.replace("\"version\":2", "\"version\":1")));
        assertTrue(e.getMessage().contains("introduced in version 2"), e.getMessage());
    }
}
