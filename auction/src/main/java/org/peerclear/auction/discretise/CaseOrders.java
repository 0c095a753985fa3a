package org.peerclear.auction.discretise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.Fill;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * A market case as the orders of a double auction (orders.md: {@code peerclear orders CASE.json
 * --steps K}), and the way back: what an auction's fills are worth at the case's true cost curves.
 * Immutable; built by {@link #of(Market, int)} for one period or {@link #of(HorizonMarket, int)}
 * for every period of a horizon.
 *
 * <h2>From an asset to orders</h2>
 * An asset's cost is {@code f(p) = ½·a·p² + b·p} on {@code p ∈ [pMin, pMax]} ({@code p > 0}
 * injects), so its marginal cost is {@code f'(p) = a·p + b}. Injecting is selling: the least an
 * asset accepts for the unit it injects at {@code p > 0} is {@code f'(p)}. Withdrawing is buying:
 * withdrawing one more unit at {@code p < 0} lowers its cost by {@code f'(p)} (for a consumer with
 * utility {@code U(d) = b·d − ½·a·d²} at demand {@code d = −p} that is {@code U'(d) = b − a·d}),
 * so {@code f'(p)} is the most it pays for that unit. So:
 * <ul>
 *   <li>the part {@code [0, pMax]} of the range (when {@code pMax > 0}) is a <em>sell ladder</em>:
 *       {@code K} blocks of {@code pMax / K}, block {@code j = 1..K} covering
 *       {@code [(j−1)·pMax/K, j·pMax/K]} at the price {@code f'} of its midpoint,
 *       {@code a·(j−½)·pMax/K + b}, rising with {@code j};</li>
 *   <li>the part {@code [pMin, 0]} (when {@code pMin < 0}) is a <em>buy ladder</em>: {@code K}
 *       blocks of {@code −pMin / K}, block {@code j} covering a withdrawal from
 *       {@code (j−1)·(−pMin)/K} to {@code j·(−pMin)/K} at {@code f'} of its midpoint,
 *       {@code b − a·(j−½)·(−pMin)/K}, falling with {@code j};</li>
 *   <li>an asset whose range spans both signs (a flexible prosumer) gets both ladders; its sell
 *       prices are at or above {@code b} and its buy prices at or below, so it never trades with
 *       itself at a gain;</li>
 *   <li>a linear asset ({@code a = 0}) has one price on the whole range, so each ladder is one
 *       block whatever {@code K}: more steps would say nothing more;</li>
 *   <li>an asset with {@code pMin = pMax = 0} (a PV panel at night) has no order.</li>
 * </ul>
 * An asset whose range excludes 0 ({@code pMin > 0} or {@code pMax < 0}, e.g. a fixed load) is
 * refused: it must trade at least {@code min(|pMin|, |pMax|)} whatever the price, which a limit
 * order (it may always trade nothing) cannot say without a price the case does not have.
 *
 * <h2>Why the midpoint</h2>
 * The marginal cost is linear in {@code p}, and the midpoint rule integrates a linear function
 * exactly: a block's {@code quantity × price} is the true cost (or value) of the whole block,
 * {@code f} at its end minus {@code f} at its start. So an allocation in which every asset trades
 * whole blocks has the same welfare at the orders' limit prices as at the true costs. Only a
 * partly traded block is off: trading a share {@code θ} of a block of width {@code w} overstates a
 * seller's cost, and understates a buyer's value, by {@code ½·a·w²·θ(1 − θ) <= a·w²/8}. The stepped
 * welfare {@code Ŵ} is therefore never above the true welfare {@code W} and at most
 * {@code ε = Σ a·w²/8} below it (one partly traded block per ladder, since a ladder trades in
 * price order), with {@code w = range / K}. An auction that finds the allocation {@code x̂}
 * maximising the stepped welfare (the uniform-price call auction trading every crossing unit)
 * thus loses at most {@code W(x*) − W(x̂) <= W(x*) − Ŵ(x̂) <= W(x*) − Ŵ(x*) <= ε =
 * Σ a·range² / (8·K²)} against the true optimum {@code x*}: the loss is {@code O(1/K²)}. Pricing a
 * block at its start instead would make that {@code O(1/K)}. The bound says nothing about
 * mechanisms that do not maximise the stepped welfare: Huang's leaves the marginal orders out
 * (a loss that shrinks with the blocks), the continuous auction trades in arrival order (a loss
 * that need not shrink at all).
 *
 * <h2>The grid</h2>
 * The grid sells at {@code importPrice} up to {@code importMax} (one sell order) and buys at
 * {@code exportPrice} up to {@code exportMax} (one buy order), agent {@value Grid#AGENT_ID}, asset
 * ids {@value Grid#IMPORT_ASSET_ID} and {@value Grid#EXPORT_ASSET_ID}, as the optimisation
 * models it. An order needs a finite quantity: an unlimited side gets the total quantity of the
 * other side's orders (without the grid's), the most it could ever trade with another order, so
 * the cap never binds. A side with nothing to trade against (or a limit of 0) has no order.
 *
 * <h2>Ids, agents, buses, times</h2>
 * Orders are listed agent by agent in declared order, each agent's assets in order, each asset's
 * sell ladder then its buy ladder, the grid's last. An order's id is {@code <asset>.<k>}, {@code k}
 * counting the asset's orders from 1 (a two-sided asset: {@code 1..K} sell, then {@code K+1..2K}
 * buy); its agent is the asset's; its {@code time} is its position in the file (the continuous
 * auction's arrival order is the file's order); a sell order carries its agent's product class.
 * With a network every order has its agent's bus (the grid's: its bus, or the feeder's substation
 * when it names none, where the optimisation connects it) and the file has the case's network.
 *
 * <h2>What orders cannot say</h2>
 * A uniform auction is a pool with one price: trading fees and per-arc gammas, a trade graph that
 * is not complete, communities, product-class premiums, integer rules and network charges are left
 * out of the orders ({@link #notes()} lists those the case has). An auction and the optimisation
 * are compared like for like on a case without them (and, except for the network-aware continuous
 * auction, without a network, whose limits the orders do not carry).
 */
public final class CaseOrders {
    private final Market market;
    private final int steps;
    private final OrderFile orders;
    /** Order id → the asset it trades for. */
    private final Map<String, String> assetOfOrder;
    /** Asset id → {a, b}, every asset of the market and the grid's two, in listing order. */
    private final Map<String, double[]> curves;
    private final List<String> notes;

    private CaseOrders(Market market, int steps, OrderFile orders, Map<String, String> assetOfOrder,
                       Map<String, double[]> curves, List<String> notes) {
        this.market = market;
        this.steps = steps;
        this.orders = orders;
        this.assetOfOrder = assetOfOrder;
        this.curves = curves;
        this.notes = notes;
    }

    /**
     * Discretises a one-period market.
     *
     * @param market the market
     * @param steps  K, the blocks per ladder of an asset with {@code a > 0}; {@code >= 1}
     * @return the orders and the way back to the assets
     * @throws IllegalArgumentException if {@code steps < 1}, or an asset's range excludes 0 (the
     *                                  message names the asset)
     */
    public static CaseOrders of(Market market, int steps) {
        Objects.requireNonNull(market, "market");
        return of(market, steps, market.name() + ", " + steps + (steps == 1 ? " step" : " steps"));
    }

    /**
     * Discretises every period of a horizon, one order file per period: its assets have no memory,
     * so each period's auction is on its own.
     *
     * @param horizon the horizon (a version-1 case read as a horizon is one period)
     * @param steps   K, the blocks per ladder of an asset with {@code a > 0}; {@code >= 1}
     * @return one discretisation per period, in period order
     * @throws IllegalArgumentException if {@code steps < 1}; if an asset has memory (storage, EV,
     *                                  shiftable load) or a ramp limit, which couple the periods; or an
     *                                  asset's range excludes 0 in a period (each message names the asset)
     */
    public static List<CaseOrders> of(HorizonMarket horizon, int steps) {
        requireSteps(steps);
        for (HorizonAgent a : horizon.agents()) {
            for (HorizonAsset s : a.assets()) {
                if (!(s instanceof FlexibleAsset)) {
                    throw new IllegalArgumentException(at(a.id(), s.id()) + ": a " + s.type() + " asset has memory (its"
                            + " energy couples the periods), so it cannot be discretised one period at a time");
                }
            }
        }
        for (Map.Entry<String, Double> r : horizon.rampMax().entrySet()) {
            String agent = horizon.agents().stream().filter(a -> a.assets().stream().anyMatch(s -> s.id().equals(r.getKey())))
                    .map(HorizonAgent::id).findFirst().orElseThrow();
            throw new IllegalArgumentException(at(agent, r.getKey()) + ": a ramp limit (rampMax " + r.getValue()
                    + ") couples the periods, so the asset cannot be discretised one period at a time");
        }
        List<CaseOrders> out = new ArrayList<>(horizon.periods());
        for (int t = 0; t < horizon.periods(); t++) {
            Market m = horizon.period(t);
            String name = horizon.periods() == 1 ? m.name() : m.name() + ", period " + t;
            try {
                out.add(of(m, steps, name + ", " + steps + (steps == 1 ? " step" : " steps")));
            } catch (IllegalArgumentException e) {
                throw horizon.periods() == 1 ? e : new IllegalArgumentException("in period " + t + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static CaseOrders of(Market market, int steps, String name) {
        requireSteps(steps);
        Optional<NetworkSpec> network = market.network();
        List<Order> orders = new ArrayList<>();
        Map<String, String> assetOf = new LinkedHashMap<>();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (Agent agent : market.agents()) {
            String bus = network.isPresent() ? agent.bus() : null;
            for (Asset s : agent.assets()) {
                curves.put(s.id(), new double[] {s.a(), s.b()});
                if (s.pMin() > 0 || s.pMax() < 0) {
                    double must = s.pMin() > 0 ? s.pMin() : -s.pMax();
                    throw new IllegalArgumentException(at(agent.id(), s.id()) + ": its range [" + s.pMin() + ", " + s.pMax()
                            + "] excludes 0, so it must " + (s.pMin() > 0 ? "inject" : "withdraw") + " at least " + must
                            + " whatever the price, which a limit order (it may always trade nothing) cannot say;"
                            + " give it a range that includes 0");
                }
                int blocks = s.a() == 0 ? 1 : steps;
                int k = 0;
                // Sell ladder on [0, pMax]: block j covers [lo, hi], priced at f'((lo + hi) / 2).
                for (int j = 1; s.pMax() > 0 && j <= blocks; j++) {
                    double lo = s.pMax() * (j - 1) / blocks;
                    double hi = s.pMax() * j / blocks;
                    add(orders, assetOf, s.id() + "." + (++k), s.id(), agent.id(), Side.SELL, hi - lo,
                            s.a() * 0.5 * (lo + hi) + s.b(), bus, agent.productClass());
                }
                // Buy ladder on [pMin, 0]: block j withdraws from lo to hi, priced at f'(−(lo + hi) / 2).
                for (int j = 1; s.pMin() < 0 && j <= blocks; j++) {
                    double lo = -s.pMin() * (j - 1) / blocks;
                    double hi = -s.pMin() * j / blocks;
                    add(orders, assetOf, s.id() + "." + (++k), s.id(), agent.id(), Side.BUY, hi - lo,
                            s.b() - s.a() * 0.5 * (lo + hi), bus, null);
                }
            }
        }
        Grid g = market.grid().orElse(null);
        if (g != null) {
            curves.put(Grid.IMPORT_ASSET_ID, new double[] {0, g.importPrice()});
            curves.put(Grid.EXPORT_ASSET_ID, new double[] {0, g.exportPrice()});
            double bought = 0;
            double sold = 0;
            for (Order o : orders) {
                bought += o.buys() ? o.quantity() : 0;
                sold += o.buys() ? 0 : o.quantity();
            }
            String bus = network.map(n -> g.bus() != null ? g.bus() : substation(n)).orElse(null);
            double importQ = Double.isInfinite(g.importMax()) ? bought : g.importMax();
            double exportQ = Double.isInfinite(g.exportMax()) ? sold : g.exportMax();
            if (importQ > 0) {
                add(orders, assetOf, Grid.IMPORT_ASSET_ID + ".1", Grid.IMPORT_ASSET_ID, Grid.AGENT_ID, Side.SELL, importQ,
                        g.importPrice(), bus, null);
            }
            if (exportQ > 0) {
                add(orders, assetOf, Grid.EXPORT_ASSET_ID + ".1", Grid.EXPORT_ASSET_ID, Grid.AGENT_ID, Side.BUY, exportQ,
                        g.exportPrice(), bus, null);
            }
        }
        OrderFile file = new OrderFile(name, market.units(), orders, List.of(), List.of(), network);
        return new CaseOrders(market, steps, file, Collections.unmodifiableMap(assetOf), Collections.unmodifiableMap(curves),
                notes(market));
    }

    private static void add(List<Order> orders, Map<String, String> assetOf, String id, String asset, String agent, Side side,
                            double quantity, double price, String bus, String productClass) {
        orders.add(new Order(id, agent, side, quantity, price, orders.size(), bus, productClass));
        assetOf.put(id, asset);
    }

    /** The bus the optimisation connects a grid without a bus at: the feeder's slack. */
    private static String substation(NetworkSpec n) {
        var feeder = Feeders.load(n.feeder(), n.baseDirectory());
        return feeder.busIds().get(feeder.slackIndex());
    }

    /** What the case has that orders leave out, one line each. */
    private static List<String> notes(Market m) {
        List<String> notes = new ArrayList<>();
        long feeArcs = m.arcs().stream().filter(a -> a.gamma() > 0).count();
        if (feeArcs > 0) {
            double most = m.arcs().stream().mapToDouble(Arc::gamma).max().orElse(0);
            notes.add(String.format(Locale.ROOT, "trading fees are not in the orders (%d arcs have gamma > 0, up to %s):"
                    + " a uniform auction has one price for every pair", feeArcs, most));
        }
        if (m.tradeGraph().kind() != TradeGraph.Kind.COMPLETE) {
            notes.add("the trade graph is not in the orders: every order may trade with every other");
        }
        if (!m.communities().isEmpty()) {
            notes.add("communities are not in the orders: members trade in the pool like everyone else");
        }
        if (!m.productClasses().isEmpty()) {
            notes.add("product-class premiums and class markets are not in the orders (sell orders carry their agent's class)");
        }
        if (!m.integerRules().isEmpty()) {
            notes.add("integer rules are not in the orders");
        }
        if (!m.networkTariff().isEmpty()) {
            notes.add("the network tariff is not in the orders");
        }
        return List.copyOf(notes);
    }

    private static void requireSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
    }

    private static String at(String agent, String asset) {
        return "agents[" + agent + "].assets[" + asset + "]";
    }

    /** {@return the market discretised (for a horizon: its period's market)} */
    public Market market() {
        return market;
    }

    /** {@return K, the blocks per ladder of an asset with {@code a > 0} (a linear asset's ladder has one)} */
    public int steps() {
        return steps;
    }

    /** {@return the orders, in the order described in the class comment} */
    public OrderFile orders() {
        return orders;
    }

    /** {@return what the case has that the orders leave out (fees, trade graph, communities, ...), one line each; empty when nothing} */
    public List<String> notes() {
        return notes;
    }

    /**
     * The asset an order trades for.
     *
     * @param orderId an order id of {@link #orders()}
     * @return the asset's id ({@value Grid#IMPORT_ASSET_ID} or {@value Grid#EXPORT_ASSET_ID} for the grid's)
     * @throws IllegalArgumentException for an id that is not one of these orders
     */
    public String asset(String orderId) {
        String asset = assetOfOrder.get(orderId);
        if (asset == null) {
            throw new IllegalArgumentException("Order '" + orderId + "' is not an order of " + orders.name());
        }
        return asset;
    }

    /**
     * Each asset's power after an auction on these orders: what its sell orders sold minus what its
     * buy orders bought ({@code > 0} injects, as in the market).
     *
     * @param result an auction's result on {@link #orders()}
     * @return power unit, for every asset of the market in declared order (0 for one that did not
     *         trade), then the grid's {@value Grid#IMPORT_ASSET_ID} ({@code >= 0}) and
     *         {@value Grid#EXPORT_ASSET_ID} ({@code <= 0}) when there is a grid; unmodifiable
     * @throws IllegalArgumentException if a fill names an order that is not one of these
     */
    public Map<String, Double> assetPower(AuctionResult result) {
        Map<String, Double> power = new LinkedHashMap<>();
        for (String asset : curves.keySet()) {
            power.put(asset, 0.0);
        }
        for (Fill f : result.fills()) {
            double q = f.side() == Side.SELL ? f.quantity() : -f.quantity();
            power.merge(asset(f.order()), q, Double::sum);
        }
        return Collections.unmodifiableMap(power);
    }

    /**
     * The welfare of an auction's outcome at the case's true cost curves: {@code −Σ f(p)} over the
     * assets and the grid at the powers of {@link #assetPower}, what the optimisation's
     * {@code ClearingResult.welfare()} is on a case without fees (the negative of its objective).
     * It is the whole system's: the traders' true surplus (money received minus money paid minus
     * their assets' costs) plus the auctioneer's surplus, which is only a transfer from the traders
     * and cancels out; it does not depend on the prices, only on who produces and consumes what.
     * Unlike {@link AuctionResult#welfare()} it prices a partly traded block on the true curve, not
     * at its step.
     *
     * @param result an auction's result on {@link #orders()}
     * @return currency for the period
     * @throws IllegalArgumentException if a fill names an order that is not one of these
     */
    public double welfare(AuctionResult result) {
        double cost = 0;
        for (Map.Entry<String, Double> e : assetPower(result).entrySet()) {
            double[] ab = curves.get(e.getKey());
            double p = e.getValue();
            cost += (0.5 * ab[0] * p + ab[1]) * p;
        }
        return -cost;
    }

    @Override
    public String toString() {
        return "CaseOrders[" + orders.name() + ", " + orders.orders().size() + " orders]";
    }
}
