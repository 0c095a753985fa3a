package org.peerclear.io;

import static org.peerclear.io.JsonFields.array;
import static org.peerclear.io.JsonFields.kind;
import static org.peerclear.io.JsonFields.number;
import static org.peerclear.io.JsonFields.object;
import static org.peerclear.io.JsonFields.onlyKnown;
import static org.peerclear.io.JsonFields.optionalText;
import static org.peerclear.io.JsonFields.required;
import static org.peerclear.io.JsonFields.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.NetworkSpec;
import org.peerclear.order.Amend;
import org.peerclear.order.Cancel;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/**
 * Reads an order file (orders.md, format {@code peerclear-orders}, version 1). Every invalid
 * value is an {@link InvalidMarketException} naming its field ({@code orders[b0].quantity}), as
 * for a market case. Stateless; one reader serves any number of files and threads.
 */
public final class OrdersReader {
    /** The {@code format} of an order file. */
    public static final String FORMAT = "peerclear-orders";
    /** The version this reader reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Set<String> TOP = Set.of("format", "version", "name", "units", "orders", "cancels", "amends",
            "network");
    private static final Set<String> ORDER = Set.of("id", "agent", "side", "quantity", "price", "time", "bus", "class");
    private static final Set<String> CANCEL = Set.of("order", "time");
    private static final Set<String> AMEND = Set.of("order", "time", "quantity", "price");

    /**
     * Reads a file; a relative network path resolves against its folder.
     *
     * @param file an order file, UTF-8
     * @return the orders
     * @throws InvalidMarketException if the file is missing, not an order file or breaks a rule
     * @throws UncheckedIOException   if it cannot be read
     */
    public OrderFile read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new InvalidMarketException(file.toString(), "no such file");
        } catch (CharacterCodingException e) {
            throw new InvalidMarketException(file.toString(), "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + IoProblems.describe(e, file), e);
        }
        return read(text, file.toAbsolutePath().getParent(), file.toString());
    }

    /**
     * Reads an order document from text.
     *
     * @param json          the document
     * @param baseDirectory the folder a relative network path resolves against; null for the working directory
     * @return the orders
     * @throws InvalidMarketException if it is not an order file or breaks a rule
     */
    public OrderFile read(String json, Path baseDirectory) {
        return read(json, baseDirectory, MarketCaseReader.DOCUMENT);
    }

    private static OrderFile read(String json, Path baseDirectory, String document) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidMarketException(document, "not valid JSON: " + e.getOriginalMessage() + JsonFields.at(e.getLocation()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMarketException(document, "must be a JSON object, got " + (root == null ? "nothing" : kind(root)));
        }
        onlyKnown(root, "", TOP);
        String format = text(root, "format", "");
        if (!FORMAT.equals(format)) {
            throw new InvalidMarketException("format", "must be \"" + FORMAT + "\", got \"" + format + "\"");
        }
        JsonNode v = required(root, "version", "");
        if (!v.isIntegralNumber() || v.asInt() != VERSION) {
            throw new InvalidMarketException("version", "must be " + VERSION + ", got " + v);
        }
        List<JsonNode> list = array(root, "orders", "", true);
        List<Order> orders = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            orders.add(order(list.get(i), i));
        }
        List<Cancel> cancels = new ArrayList<>();
        for (JsonNode c : array(root, "cancels", "", false)) {
            String at = "cancels[" + cancels.size() + "]";
            object(c, at);
            onlyKnown(c, at, CANCEL);
            cancels.add(new Cancel(text(c, "order", at), time(c, at, -1)));
        }
        List<Amend> amends = new ArrayList<>();
        for (JsonNode a : array(root, "amends", "", false)) {
            String at = "amends[" + amends.size() + "]";
            object(a, at);
            onlyKnown(a, at, AMEND);
            amends.add(new Amend(text(a, "order", at), time(a, at, -1), number(a, "quantity", at), number(a, "price", at)));
        }
        Optional<NetworkSpec> network = root.has("network")
                ? Optional.of(CaseParser.network(object(root.get("network"), "network"), baseDirectory)) : Optional.empty();
        String name = optionalText(root, "name", "");
        return new OrderFile(name == null ? "" : name, CaseParser.units(root), orders, cancels, amends,
                network);
    }

    private static Order order(JsonNode o, int position) {
        String at = "orders[" + position + "]";
        object(o, at);
        String id = text(o, "id", at);
        at = "orders[" + id + "]";
        onlyKnown(o, at, ORDER);
        String side = text(o, "side", at);
        if (!side.equals("buy") && !side.equals("sell")) {
            throw new InvalidMarketException(at + ".side", "must be buy or sell, got \"" + side + "\"");
        }
        return new Order(id, text(o, "agent", at), side.equals("buy") ? Side.BUY : Side.SELL, number(o, "quantity", at),
                number(o, "price", at), time(o, at, position), optionalText(o, "bus", at), optionalText(o, "class", at));
    }

    /** The {@code time} field: an integer {@code >= 0}; {@code fallback} when absent ({@code -1}: required). */
    private static long time(JsonNode node, String at, long fallback) {
        JsonNode t = node.get("time");
        if (t == null && fallback >= 0) {
            return fallback;
        }
        JsonNode v = t == null ? required(node, "time", at) : t;
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            throw new InvalidMarketException(at + ".time", "must be an integer >= 0, got " + (v.isNumber() ? v.toString() : kind(v)));
        }
        return v.asLong();
    }
}
