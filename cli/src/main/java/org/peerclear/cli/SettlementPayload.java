package org.peerclear.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.peerclear.ledger.Kind;
import org.peerclear.ledger.Record;
import org.peerclear.settlement.Bills;
import org.peerclear.settlement.Line;

/**
 * The payloads (compact JSON) of the records the {@code settle} command appends, and reading them
 * back. A result digest's: {@code settlement}, {@code result}, {@code resultFile}, {@code case} and
 * {@code caseFile} (absent for an auction), {@code status}, {@code periods}, {@code records} (how
 * many payment records follow it) and {@code parties} (every party that pays or receives). A
 * payment's: {@code settlement}, {@code line} (its index in BILLS.json's {@code lines}, from 0),
 * {@code period} and {@code reason}.
 */
final class SettlementPayload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettlementPayload() {
    }

    static String digest(SettlementDigest d, String resultFile, String caseFile, Bills b, int records) {
        ObjectNode o = JSON.createObjectNode();
        o.put("settlement", d.settlement());
        o.put("result", d.result());
        o.put("resultFile", resultFile);
        if (d.caseDigest() != null) {
            o.put("case", d.caseDigest());
            o.put("caseFile", caseFile);
        }
        o.put("status", b.status());
        o.put("periods", b.periods());
        o.put("records", records);
        b.bills().forEach(bill -> o.withArray("parties").add(bill.party()));
        return o.toString();
    }

    static String line(SettlementDigest d, int index, Line l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("settlement", d.settlement());
        o.put("line", index);
        o.put("period", l.period());
        o.put("reason", l.reason());
        return o.toString();
    }

    /** {@return the payload as JSON, or a missing node when it is not JSON (a record another program appended)} */
    static JsonNode parse(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return n == null ? MissingNode.getInstance() : n;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** {@return the settlement a record belongs to, or empty} */
    static String settlementOf(Record r) {
        return parse(r.payload()).path("settlement").asText("");
    }

    /** {@return the parties a result digest lists, or none} */
    static List<String> partiesOf(Record r) {
        List<String> out = new ArrayList<>();
        if (r.kind() == Kind.RESULT_DIGEST) {
            parse(r.payload()).path("parties").forEach(p -> out.add(p.asText()));
        }
        return out;
    }

    /** {@return one line saying what a record is: its period and reason, or the settled files} */
    static String summary(Record r) {
        JsonNode p = parse(r.payload());
        String id = p.path("settlement").asText("");
        String ref = id.length() >= 12 ? "settlement " + id.substring(0, 12) : "";
        if (r.kind() == Kind.RESULT_DIGEST && p.has("result")) {
            return String.join(" ", ref, "of", p.path("resultFile").asText("?"),
                    p.has("caseFile") ? "with " + p.path("caseFile").asText() : "(an auction)",
                    "status", p.path("status").asText("?") + ",", p.path("records").asText("?"), "payments");
        }
        if (p.has("period") && p.has("reason")) {
            return "period " + p.path("period").asText() + " " + p.path("reason").asText() + ", " + ref;
        }
        String raw = r.payload().replaceAll("\\s+", " ");
        return raw.length() <= 60 ? raw : raw.substring(0, 57) + "...";
    }
}
