package org.peerclear.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The content of a ledger record, before it is chained and signed.
 *
 * @param kind what the record attests
 * @param payer the party that pays {@code amount} (empty when nobody pays, as in a result digest)
 * @param payee the party that receives {@code amount} (empty when nobody receives)
 * @param amount the money moved from payer to payee, normalised (trailing zeros stripped)
 * @param payload free-form content, typically JSON (the trade's terms, the bill's lines, the result's digest)
 * @param signers the agents whose signatures the record requires, in order; a trade must list its payer and payee
 */
public record Record(Kind kind, String payer, String payee, BigDecimal amount, String payload, List<String> signers) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@#+-]{1,200}");

    /**
     * Checks the fields and normalises the amount.
     *
     * @param kind what the record attests
     * @param payer who pays, or empty
     * @param payee who receives, or empty
     * @param amount the money moved
     * @param payload the content
     * @param signers the required signers
     */
    public Record {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(payload, "payload");
        amount = normalise(Objects.requireNonNull(amount, "amount"));
        signers = List.copyOf(signers);
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("a record needs at least one signer");
        }
        for (String s : signers) {
            checkId(s);
        }
        if (signers.stream().distinct().count() != signers.size()) {
            throw new IllegalArgumentException("a signer is listed twice: " + signers);
        }
        if (!payer.isEmpty()) {
            checkId(payer);
        }
        if (!payee.isEmpty()) {
            checkId(payee);
        }
        if (kind == Kind.TRADE && (!signers.contains(payer) || !signers.contains(payee))) {
            throw new IllegalArgumentException("a trade is signed by both parties: " + payer + " and " + payee);
        }
    }

    /**
     * A trade: the buyer pays the seller; both sign.
     *
     * @param buyer the paying agent
     * @param seller the receiving agent
     * @param amount the payment
     * @param payload the trade's terms (JSON)
     * @return the record
     */
    public static Record trade(String buyer, String seller, BigDecimal amount, String payload) {
        return new Record(Kind.TRADE, buyer, seller, amount, payload, List.of(buyer, seller));
    }

    /**
     * A bill line, signed by the issuer (for example the operator or the platform).
     *
     * @param payer who owes
     * @param payee who is owed
     * @param amount how much
     * @param payload the bill's detail (JSON)
     * @param issuer the signer
     * @return the record
     */
    public static Record bill(String payer, String payee, BigDecimal amount, String payload, String issuer) {
        return new Record(Kind.BILL, payer, payee, amount, payload, List.of(issuer));
    }

    /**
     * A market result's digest, signed by the market operator; moves no money.
     *
     * @param digest the digest (for example hex SHA-256 of the result file, or JSON holding it)
     * @param operator the market operator
     * @return the record
     */
    public static Record resultDigest(String digest, String operator) {
        return new Record(Kind.RESULT_DIGEST, "", "", BigDecimal.ZERO, digest, List.of(operator));
    }

    /**
     * Whether an agent identifier is acceptable: 1 to 200 characters among letters, digits and {@code _.@#+-}.
     *
     * @param id the identifier
     * @return the identifier
     * @throws IllegalArgumentException when it is not acceptable
     */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad agent id (1-200 of [A-Za-z0-9_.@#+-]): " + id);
        }
        return id;
    }

    static BigDecimal normalise(BigDecimal a) {
        BigDecimal s = a.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
