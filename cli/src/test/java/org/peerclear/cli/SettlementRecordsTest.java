package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.ledger.Kind;
import org.peerclear.ledger.Record;
import org.peerclear.settlement.Bill;
import org.peerclear.settlement.Bills;
import org.peerclear.settlement.Line;

/** Which record each payment line becomes, who signs it, and its exact amount. */
class SettlementRecordsTest {
    private static final SettlementDigest DIGEST = new SettlementDigest("a".repeat(64), "b".repeat(64), "c".repeat(64));

    private static Bills bills(Line... lines) {
        return new Bills("OPTIMAL", 1, List.of(new Bill("h1", "agent", 1, 1, 0)), List.of(lines), 0, 1, List.of());
    }

    @Test
    void eachReasonIsSignedByThePartyThatCharges() {
        List<Record> r = SettlementRecords.of(bills(
                new Line(0, "h1", "h2", 0.1, "trade"),
                new Line(0, "h1", "platform", 0.01, "fee"),
                new Line(0, "h1", "grid", 2.5, "grid"),
                new Line(0, "grid", "h2", 1.25, "grid"),
                new Line(0, "operator", "h1", 0.3, "network"),
                new Line(0, "h2", "operator", 0.2, "network"),
                new Line(0, "h1", "grid", 0.05, "losses"),
                new Line(1, "b0", "auctioneer", 3, "trade"),
                new Line(1, "auctioneer", "x", 0.5, "surplus"),
                new Line(1, "h1", "h2", 0.7, "rebate")), DIGEST, "r.json", "c.json");
        assertThat(r.get(0).kind()).isEqualTo(Kind.RESULT_DIGEST);
        assertThat(r.get(0).signers()).containsExactly("operator");
        assertThat(r.subList(1, r.size())).extracting(Record::kind).containsExactly(Kind.TRADE, Kind.BILL, Kind.BILL, Kind.BILL,
                Kind.BILL, Kind.BILL, Kind.BILL, Kind.TRADE, Kind.BILL, Kind.BILL);
        assertThat(r.subList(1, r.size())).extracting(Record::signers).containsExactly(List.of("h1", "h2"), List.of("platform"),
                List.of("grid"), List.of("grid"), List.of("operator"), List.of("operator"), List.of("grid"),
                List.of("b0", "auctioneer"), List.of("auctioneer"), List.of("h2"));
        assertThat(SettlementPayload.parse(r.get(5).payload()).get("line").asInt()).isEqualTo(4);
        assertThat(SettlementPayload.summary(r.get(5))).isEqualTo("period 0 network, settlement aaaaaaaaaaaa");
        assertThat(SettlementPayload.summary(r.get(0))).isEqualTo("settlement aaaaaaaaaaaa of r.json with c.json status OPTIMAL, 10 payments");
    }

    @Test
    void anAmountIsTheDecimalTheBillsPrint() {
        double a = 0.1 + 0.2; // 0.30000000000000004
        Record r = SettlementRecords.of(bills(new Line(0, "h1", "h2", a, "trade")), DIGEST, "r.json", "c.json").get(1);
        assertThat(r.amount()).isEqualTo(new BigDecimal("0.30000000000000004")).isEqualTo(new BigDecimal(Double.toString(a)));
        assertThatThrownBy(() -> SettlementRecords.of(bills(new Line(0, "h1", "h2", Double.NaN, "fee")), DIGEST, "r.json", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("payment line 0").hasMessageContaining("NaN");
        assertThatThrownBy(() -> SettlementRecords.of(bills(new Line(0, "house 1", "h2", 1, "trade")), DIGEST, "r.json", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad agent id").hasMessageContaining("house 1");
    }
}
