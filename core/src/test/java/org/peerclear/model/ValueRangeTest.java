package org.peerclear.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.io.MarketCaseReader;

/** Every numeric field outside the documented range is refused with the field, the ids and the rule. */
class ValueRangeTest {
    private static final double OVER = 2 * ValueRange.MAX;

    @Test
    void assetValuesBeyondTheRangeAreRefusedNamingTheFieldAndTheAsset() {
        assertThatThrownBy(() -> new Asset("h1.pv", 0, 1e300, 0, 0)).isInstanceOf(InvalidMarketException.class)
                .hasMessageContaining("assets[h1.pv].pMax").hasMessageContaining("value range").hasMessageContaining("1.0E300");
        assertThatThrownBy(() -> new Asset("h1.pv", -OVER, 0, 0, 0)).hasMessageContaining("assets[h1.pv].pMin");
        assertThatThrownBy(() -> new Asset("h1.pv", 0, 1, OVER, 0)).hasMessageContaining("assets[h1.pv].a");
        assertThatThrownBy(() -> new Asset("h1.pv", 0, 1, 0, -OVER)).hasMessageContaining("assets[h1.pv].b");
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        Asset s = new Asset("x", -ValueRange.MAX, ValueRange.MAX, ValueRange.MAX, -ValueRange.MAX);
        assertThat(s.pMax()).isEqualTo(ValueRange.MAX);
        assertThat(new Arc("a", "b", ValueRange.MAX).gamma()).isEqualTo(ValueRange.MAX);
        assertThat(new Grid(null, ValueRange.MAX, -ValueRange.MAX, ValueRange.MAX, Double.POSITIVE_INFINITY).exportMax()).isInfinite();
    }

    @Test
    void tradeCoefficientsFeesAndGridValuesBeyondTheRangeAreRefused() {
        assertThatThrownBy(() -> new Arc("h2", "h3", OVER)).hasMessageContaining("arcs[h2->h3].gamma").hasMessageContaining("value range");
        assertThatThrownBy(() -> TradeGraph.complete(OVER, List.of())).hasMessageContaining("trades.fee");
        assertThatThrownBy(() -> new Grid(null, OVER, 0)).hasMessageContaining("grid.importPrice");
        assertThatThrownBy(() -> new Grid(null, 1, 0, OVER, 1)).hasMessageContaining("grid.importMax").hasMessageContaining("absent for no limit");
    }

    @Test
    void theReaderNamesTheAgentAndTheAsset() {
        String json = "{\"format\": \"peerclear-market\", \"version\": 1, \"name\": \"big\","
                + " \"units\": {\"power\": \"kW\", \"currency\": \"EUR\", \"periodHours\": 1.0},"
                + " \"agents\": [{\"id\": \"h1\", \"assets\": [{\"id\": \"h1.pv\", \"pMin\": 0, \"pMax\": 1e300, \"a\": 0, \"b\": 0}]}]}";
        assertThatThrownBy(() -> MarketCaseReader.create().read(json, null)).isInstanceOf(InvalidMarketException.class)
                .hasMessageContaining("agents[h1].assets[h1.pv].pMax").hasMessageContaining("value range");
    }
}
