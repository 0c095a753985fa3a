package org.peerclear.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/** The order file of orders.md: read, refused by field, written back. */
class OrdersReaderTest {
    /** The spec's example, with a cancel and an amendment. */
    private static final String SPEC = """
            {"format": "peerclear-orders", "version": 1,
             "units": {"power": "kW", "currency": "EUR", "periodHours": 1.0},
             "orders": [
               {"id": "b0", "agent": "h1", "side": "buy", "quantity": 1.0, "price": 6.0, "bus": "2"},
               {"id": "s0", "agent": "h7", "side": "sell", "quantity": 1.5, "price": 2.0, "time": 3, "bus": "18"}],
             "cancels": [{"order": "b0", "time": 7}],
             "amends": [{"order": "s0", "time": 5, "quantity": 0.5, "price": 2.5}],
             "network": {"case": "case33bw", "vMin": 0.95, "vMax": 1.05}}
            """;

    private static OrderFile read(String json) {
        return new OrdersReader().read(json, Path.of("."));
    }

    @Test
    void readsTheSpecsExampleAndWritesItBack() {
        OrderFile f = read(SPEC);
        assertThat(f.orders()).hasSize(2);
        assertThat(f.order("b0").side()).isEqualTo(Side.BUY);
        assertThat(f.order("b0").time()).as("position in the file").isZero();
        assertThat(f.order("s0").time()).isEqualTo(3);
        assertThat(f.order("s0").bus()).isEqualTo("18");
        assertThat(f.cancels().get(0).time()).isEqualTo(7);
        assertThat(f.amends().get(0).price()).isEqualTo(2.5);
        assertThat(f.network().orElseThrow().feeder()).isEqualTo("case33bw");
        OrderFile again = read(OrdersWriter.toJson(f));
        assertThat(again.orders()).isEqualTo(f.orders());
        assertThat(again.cancels()).isEqualTo(f.cancels());
        assertThat(again.amends()).isEqualTo(f.amends());
        assertThat(OrdersWriter.toJson(again)).isEqualTo(OrdersWriter.toJson(f));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"quantity\": 1.0, \"price\": 6.0|\"quantity\": 0, \"price\": 6.0|orders[b0].quantity",
        "\"quantity\": 1.0, \"price\": 6.0|\"quantity\": -1, \"price\": 6.0|orders[b0].quantity",
        "\"quantity\": 1.0, \"price\": 6.0|\"quantity\": 1.0, \"price\": \"cheap\"|orders[b0].price",
        "\"side\": \"buy\"|\"side\": \"bid\"|orders[b0].side",
        "\"time\": 3|\"time\": -3|orders[s0].time",
        "\"time\": 3|\"time\": 2.5|orders[s0].time",
        "\"id\": \"s0\"|\"id\": \"b0\"|orders[b0].id",
        ", \"bus\": \"2\"}|}|orders[b0].bus",
        "{\"order\": \"b0\", \"time\": 7}|{\"order\": \"b9\", \"time\": 7}|cancels[b9].order",
        "\"quantity\": 0.5, \"price\": 2.5|\"quantity\": 0, \"price\": 2.5|amends[s0].quantity",
        "\"agent\": \"h1\"|\"agent\": \"h1\", \"colour\": \"red\"|orders[b0]",
        "\"peerclear-orders\"|\"peerclear-market\"|format",
        "\"version\": 1|\"version\": 2|version",
    })
    void anInvalidValueIsNamed(String good, String bad, String field) {
        assertThat(SPEC).contains(good);
        assertThatThrownBy(() -> read(SPEC.replace(good, bad))).isInstanceOf(InvalidMarketException.class)
                .satisfies(e -> assertThat(((InvalidMarketException) e).field()).startsWith(field));
    }

    @Test
    void notJsonIsNamedAsSuch() {
        assertThatThrownBy(() -> read("{\"format\": ")).isInstanceOf(InvalidMarketException.class)
                .hasMessageContaining("not valid JSON");
    }
}
