package org.peerclear.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.peerclear.ledger.Entry;

/**
 * {@code ledger show --out FILE.json}. One party: {@code ledger}, {@code party},
 * {@code records[] {sequence, kind, payer, payee, amount, change, signers[], payload, hash}} (the
 * payload as JSON when it is JSON, else as a string), {@code paid}, {@code received},
 * {@code balance}. Every party: {@code ledger}, {@code records} (the ledger's count),
 * {@code parties[] {party, records, paid, received, balance}}. Amounts are JSON numbers written as
 * the ledger's exact decimals.
 */
final class LedgerShowJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private LedgerShowJson() {
    }

    static void party(Writer w, String ledger, PartyAccount account, List<Entry> history) {
        try (JsonGenerator g = generator(w)) {
            g.writeStartObject();
            g.writeStringField("ledger", ledger);
            g.writeStringField("party", account.party());
            g.writeArrayFieldStart("records");
            for (Entry e : history) {
                g.writeStartObject();
                g.writeNumberField("sequence", e.sequence());
                g.writeStringField("kind", e.record().kind().name());
                g.writeStringField("payer", e.record().payer());
                g.writeStringField("payee", e.record().payee());
                g.writeNumberField("amount", e.record().amount());
                g.writeNumberField("change", account.change(e));
                g.writeArrayFieldStart("signers");
                for (String s : e.record().signers()) {
                    g.writeString(s);
                }
                g.writeEndArray();
                JsonNode payload = SettlementPayload.parse(e.record().payload());
                g.writeFieldName("payload");
                if (payload.isMissingNode()) {
                    g.writeString(e.record().payload());
                } else {
                    JSON.writeTree(g, payload);
                }
                g.writeStringField("hash", e.hash());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("paid", account.paid());
            g.writeNumberField("received", account.received());
            g.writeNumberField("balance", account.balance());
            g.writeEndObject();
            g.writeRaw(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void parties(Writer w, String ledger, long size, List<PartyAccount> accounts) {
        try (JsonGenerator g = generator(w)) {
            g.writeStartObject();
            g.writeStringField("ledger", ledger);
            g.writeNumberField("records", size);
            g.writeArrayFieldStart("parties");
            for (PartyAccount a : accounts) {
                g.writeStartObject();
                g.writeStringField("party", a.party());
                g.writeNumberField("records", a.records());
                g.writeNumberField("paid", a.paid());
                g.writeNumberField("received", a.received());
                g.writeNumberField("balance", a.balance());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw(System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator generator(Writer w) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        return g;
    }
}
