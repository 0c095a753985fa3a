package org.peerclear.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.peerclear.ledger.Record;
import org.peerclear.model.Grid;
import org.peerclear.settlement.Bills;
import org.peerclear.settlement.Line;
import org.peerclear.settlement.Settle;

/**
 * A settlement as ledger records, in order: the result digest, signed by the market
 * {@value Settle#OPERATOR}; then one record per payment line, in BILLS.json's order. A line of
 * reason {@code trade} is a trade confirmation signed by its payer and its payee; any other line is
 * a bill signed by its issuer, the party that charges for the service whichever way the money
 * goes: {@code fee} the {@value Settle#PLATFORM}, {@code grid} and {@code losses} the
 * {@code grid}, {@code network} the {@value Settle#OPERATOR}, {@code surplus} the
 * {@value Settle#AUCTIONEER} (and, should that party not be on the line, its payee). An amount is
 * the line's number as BILLS.json prints it: the shortest decimal that reads back as the same
 * double ({@link BigDecimal#valueOf(double)}), exact from there on.
 */
final class SettlementRecords {
    private SettlementRecords() {
    }

    /**
     * The records of a settlement.
     *
     * @param b the bills
     * @param d the digests of the settled files
     * @param resultFile the result's file name, for the digest's payload
     * @param caseFile the case's file name, or null
     * @return the digest record, then one record per line
     * @throws InvalidInputException when a party's identifier cannot be a ledger identifier, or an amount is not finite
     */
    static List<Record> of(Bills b, SettlementDigest d, String resultFile, String caseFile) {
        List<Record> out = new ArrayList<>(b.lines().size() + 1);
        out.add(Record.resultDigest(SettlementPayload.digest(d, resultFile, caseFile, b, b.lines().size()), Settle.OPERATOR));
        for (int i = 0; i < b.lines().size(); i++) {
            Line l = b.lines().get(i);
            try {
                String payload = SettlementPayload.line(d, i, l);
                out.add("trade".equals(l.reason()) ? Record.trade(l.payer(), l.payee(), amount(l), payload)
                        : Record.bill(l.payer(), l.payee(), amount(l), payload, issuer(l)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cannot record payment line " + i + " (" + l.payer() + " pays " + l.payee()
                        + ", " + l.reason() + ") in the ledger: " + e.getMessage());
            }
        }
        return out;
    }

    /** {@return who signs a bill line} */
    static String issuer(Line l) {
        String charges = switch (l.reason()) {
            case "fee" -> Settle.PLATFORM;
            case "grid", "losses" -> Grid.AGENT_ID;
            case "network" -> Settle.OPERATOR;
            case "surplus" -> Settle.AUCTIONEER;
            default -> l.payee();
        };
        return charges.equals(l.payer()) || charges.equals(l.payee()) ? charges : l.payee();
    }

    private static BigDecimal amount(Line l) {
        if (!Double.isFinite(l.amount())) {
            throw new IllegalArgumentException("the amount is " + l.amount());
        }
        return BigDecimal.valueOf(l.amount());
    }
}
