package org.peerclear.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;

/**
 * Settles a result file. Money follows the market-case units: a price is currency per unit of
 * power for one period, so a period's payment is {@code power × price} (the energy is
 * {@code power × periodHours}, but the price already covers the whole period; this differs from
 * clearing's library {@code Settlement}, which multiplies by {@code periodHours}, only when that
 * is not 1).
 *
 * <p>Clearing results ({@code clear}, one period or a horizon, where each number may be an array
 * per period): for a pair with {@code t_ij > 0} the buyer {@code j} pays the seller {@code i}
 * {@code t_ij × λ} at the pair's price {@code λ} (the mean of its two directions' prices, as
 * clearing's settlement does), reason {@code trade}, or {@code grid} when one side is the grid.
 * The payee is credited from the seller's record {@code t_ij} and the payer debited from its
 * own record {@code −t_ji}, so a file whose two sides disagree shows an imbalance (when one
 * side is absent, as a horizon writes only the selling arcs, it is implied: {@code t_ji = −t_ij}). Fees:
 * every arc's owner pays {@code γ_k·|t_k|} (γ from the case) to the {@code platform}. Losses:
 * each participant of the result's {@code lossAllocation.costs} pays its cost to the
 * {@code grid}, which supplies the lost energy at the loss price. Network: with bus prices
 * {@code π_b} in the result, the {@code operator} pays each agent {@code π_b·p} for its
 * injection {@code p} at its bus (the agent pays when that is negative); the operator keeps the
 * congestion and voltage rent {@code −Σ π_b·p} (negative, a support cost, when a lower voltage
 * limit binds), reason {@code network}.
 *
 * <p>Auction results ({@code auction}, one result or {@code periods[]}): each buy fill pays
 * {@code quantity × price} to the {@code auctioneer}, which pays each sell fill
 * {@code quantity × price}; what is left (the auction's budget surplus) is the auctioneer's net.
 */
public final class Settle {
    /** The platform that collects fees. */
    public static final String PLATFORM = "platform";
    /** The network operator. */
    public static final String OPERATOR = "operator";
    /** The auctioneer of a call auction. */
    public static final String AUCTIONEER = "auctioneer";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Settle() {
    }

    /**
     * Settles a clearing result with its case.
     *
     * @param result   a result file written by {@code clear} (one period or a horizon)
     * @param caseFile its market case (version 1 or 2)
     * @return the bills
     * @throws UncheckedIOException     if a file cannot be read
     * @throws IllegalArgumentException if the result has no solution or does not fit the case
     */
    public static Bills of(Path result, Path caseFile) {
        MarketCaseReader.Case c = MarketCaseReader.create().readCase(caseFile);
        return clearing(read(result), c);
    }

    /**
     * Settles an auction result file (fills and prices; no case needed).
     *
     * @param result a result file written by {@code auction}
     * @return the bills
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Bills auction(Path result) {
        return auction(read(result));
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Settles a parsed clearing result with its case. */
    static Bills clearing(JsonNode root, MarketCaseReader.Case c) {
        String status = root.path("status").asText("");
        if (!root.has("agents") || root.path("agents").isEmpty()) {
            throw new IllegalArgumentException("Cannot settle a result without a solution: status " + status);
        }
        int periods = root.path("periods").isInt() ? root.path("periods").asInt() : 1;
        Ledger ledger = new Ledger();
        List<EnergyCheck> energy = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            Map<String, Double> gamma = gammas(c.horizon() != null ? c.horizon().period(t) : c.market());
            Map<String, double[]> trades = new LinkedHashMap<>();
            for (JsonNode tr : root.path("trades")) {
                double q = at(tr.path("quantity"), t);
                if (Math.abs(q) > SettlementTolerances.QUANTITY_REPORTED) {
                    trades.put(key(tr.path("from").asText(), tr.path("to").asText()), new double[] {q, at(tr.path("price"), t)});
                }
            }
            Map<String, Double> tradedBy = new HashMap<>();
            double tradedSum = 0;
            for (Map.Entry<String, double[]> e : trades.entrySet()) {
                String[] ft = e.getKey().split("\u0000");
                double q = e.getValue()[0];
                double price = e.getValue()[1];
                tradedBy.merge(ft[0], q, Double::sum);
                tradedSum += q;
                double g = gamma.getOrDefault(e.getKey(), 0.0);
                if (g != 0) {
                    ledger.pay(t, ft[0], PLATFORM, g * Math.abs(q), "fee");
                }
                if (q <= 0) {
                    continue;
                }
                double[] reverse = trades.get(key(ft[1], ft[0]));
                if (reverse == null) {
                    // A horizon writes only the arcs that sell: the buyer's record is implied, t_ji = −t_ij.
                    tradedBy.merge(ft[1], -q, Double::sum);
                    tradedSum -= q;
                }
                double pairPrice = reverse != null && Double.isFinite(reverse[1]) ? 0.5 * (price + reverse[1]) : price;
                double payerQuantity = reverse != null ? -reverse[0] : q;
                String reason = Grid.AGENT_ID.equals(ft[0]) || Grid.AGENT_ID.equals(ft[1]) ? "grid" : "trade";
                ledger.pay(t, ft[1], ft[0], payerQuantity * pairPrice, q * pairPrice, reason);
            }
            // A buy record without its sell record: the seller's is implied, t_ji = −t_ij.
            for (Map.Entry<String, double[]> e : trades.entrySet()) {
                String[] ft = e.getKey().split("\u0000");
                double q = e.getValue()[0];
                if (q < 0 && !trades.containsKey(key(ft[1], ft[0]))) {
                    tradedBy.merge(ft[1], -q, Double::sum);
                    tradedSum -= q;
                    String reason = Grid.AGENT_ID.equals(ft[0]) || Grid.AGENT_ID.equals(ft[1]) ? "grid" : "trade";
                    ledger.pay(t, ft[0], ft[1], -q * e.getValue()[1], reason);
                }
            }
            networkRent(root, c.horizon() != null ? c.horizon().period(t) : c.market(), t, ledger);
            energy.add(energyOf(root, t, tradedBy, tradedSum));
        }
        JsonNode costs = root.path("lossAllocation").path("costs");
        for (Iterator<Map.Entry<String, JsonNode>> it = costs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            double cost = e.getValue().asDouble();
            if (cost > 0) {
                ledger.pay(0, e.getKey(), Grid.AGENT_ID, cost, "losses");
            } else if (cost < 0) {
                ledger.pay(0, Grid.AGENT_ID, e.getKey(), -cost, "losses");
            }
        }
        return ledger.bills(status, periods, energy);
    }

    /**
     * The network price component: the bus price {@code π_b} is the value of one unit of
     * injection at bus {@code b} (an asset's marginal cost is its agent's price plus
     * {@code π_b}), so the operator pays an agent injecting {@code p} at {@code b} the amount
     * {@code π_b·p} and is paid {@code −π_b·p} when that is positive (the direction the agents'
     * optimality conditions price in); the operator's net, {@code −Σ π_b·p}, is the congestion
     * and voltage rent. It is not sign-definite: a binding lower voltage limit makes it a
     * voltage-support cost to the operator.
     */
    private static void networkRent(JsonNode root, Market m, int t, Ledger ledger) {
        if (!root.has("buses")) {
            return;
        }
        Map<String, Double> busPrice = new HashMap<>();
        for (JsonNode b : root.path("buses")) {
            double pi = at(b.path("price"), t);
            if (Double.isFinite(pi)) {
                busPrice.put(b.path("id").asText(), pi);
            }
        }
        Map<String, String> busOf = new HashMap<>();
        for (Agent a : m.agents()) {
            if (a.bus() != null) {
                busOf.put(a.id(), a.bus());
            }
        }
        for (JsonNode a : root.path("agents")) {
            String id = a.path("id").asText();
            Double pi = busPrice.get(busOf.get(id));
            double p = at(a.path("p"), t);
            if (pi == null || !Double.isFinite(p)) {
                continue;
            }
            double value = pi * p;
            if (value > 0) {
                ledger.pay(t, OPERATOR, id, value, "network");
            } else if (value < 0) {
                ledger.pay(t, id, OPERATOR, -value, "network");
            }
        }
    }

    private static EnergyCheck energyOf(JsonNode root, int t, Map<String, Double> tradedBy, double tradedSum) {
        double generation = 0;
        double consumption = 0;
        double gridP = 0;
        double worst = 0;
        double scale = 0;
        for (JsonNode a : root.path("agents")) {
            String id = a.path("id").asText();
            double p = at(a.path("p"), t);
            scale += Math.abs(p);
            if (Grid.AGENT_ID.equals(id)) {
                gridP = p;
            } else if (p > 0) {
                generation += p;
            } else {
                consumption -= p;
            }
            worst = Math.max(worst, Math.abs(p - tradedBy.getOrDefault(id, 0.0)));
        }
        double grid = -gridP;
        double losses = 0;
        double balance = tradedSum + grid + losses - (generation - consumption);
        return new EnergyCheck(t, generation, consumption, tradedSum, grid, losses, Math.abs(balance) + worst, scale);
    }

    /** Settles a parsed auction result. */
    static Bills auction(JsonNode root) {
        List<JsonNode> periods = new ArrayList<>();
        if (root.has("periods") && root.path("periods").isArray()) {
            root.path("periods").forEach(periods::add);
        } else {
            periods.add(root);
        }
        Ledger ledger = new Ledger();
        List<EnergyCheck> energy = new ArrayList<>();
        String status = periods.isEmpty() ? "" : periods.get(0).path("status").asText("");
        for (int t = 0; t < periods.size(); t++) {
            double bought = 0;
            double sold = 0;
            for (JsonNode f : periods.get(t).path("fills")) {
                double q = f.path("quantity").asDouble();
                double amount = q * f.path("price").asDouble();
                if (q <= SettlementTolerances.QUANTITY_REPORTED) {
                    continue;
                }
                if ("buy".equals(f.path("side").asText())) {
                    bought += q;
                    ledger.pay(t, f.path("agent").asText(), AUCTIONEER, amount, "trade");
                } else {
                    sold += q;
                    ledger.pay(t, AUCTIONEER, f.path("agent").asText(), amount, "trade");
                }
            }
            // The auction's energy statement: what is sold is what is bought (no grid, no losses).
            energy.add(new EnergyCheck(t, sold, bought, 0, 0, 0, Math.abs(sold - bought), sold + bought));
        }
        return ledger.bills(status, periods.size(), energy);
    }

    private static Map<String, Double> gammas(Market m) {
        Map<String, Double> g = new HashMap<>();
        for (Arc a : m.arcs()) {
            g.put(key(a.from(), a.to()), a.gamma());
        }
        return g;
    }

    private static String key(String from, String to) {
        return from + "\u0000" + to;
    }

    /** A number or the {@code t}-th of an array of them; {@code null} is NaN. */
    private static double at(JsonNode n, int t) {
        JsonNode v = n.isArray() ? n.path(t) : n;
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** Collects lines and each party's paid and received. */
    private static final class Ledger {
        private final List<Line> lines = new ArrayList<>();
        private final Map<String, double[]> totals = new LinkedHashMap<>();

        void pay(int t, String payer, String payee, double amount, String reason) {
            pay(t, payer, payee, amount, amount, reason);
        }

        /** A line whose payer's and payee's own records may disagree: each side is booked from its own. */
        void pay(int t, String payer, String payee, double paid, double received, String reason) {
            lines.add(new Line(t, payer, payee, received, reason));
            totals.computeIfAbsent(payer, k -> new double[2])[0] += paid;
            totals.computeIfAbsent(payee, k -> new double[2])[1] += received;
        }

        Bills bills(String status, int periods, List<EnergyCheck> energy) {
            List<Bill> bills = new ArrayList<>();
            double imbalance = 0;
            double gross = 0;
            for (Map.Entry<String, double[]> e : totals.entrySet()) {
                double[] pr = e.getValue();
                bills.add(new Bill(e.getKey(), kind(e.getKey()), pr[0], pr[1], pr[1] - pr[0]));
                imbalance += pr[1] - pr[0];
                gross += pr[0];
            }
            return new Bills(status, periods, bills, lines, imbalance, gross, energy);
        }

        private static String kind(String party) {
            return switch (party) {
                case Grid.AGENT_ID -> "grid";
                case PLATFORM -> "platform";
                case OPERATOR -> "operator";
                case AUCTIONEER -> "auctioneer";
                default -> "agent";
            };
        }
    }
}
