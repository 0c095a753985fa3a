package org.peerclear.games.pricing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The members' net positions of a community over {@code T} periods, what their assets cost at
 * them, and the grid's prices: what a pricing rule bills. A rule prices a given dispatch ex post;
 * it does not change it. Where the dispatch comes from is told by {@link #source()}
 * ({@link CommunityDispatches} builds the two usual ones: each member's best response to the grid
 * alone, or the community optimisation's dispatch).
 *
 * <p>Units, as the market case's: {@code net[i][t]} is member {@code i}'s net injection in period
 * {@code t} in the power unit ({@code > 0}: it supplies the community, {@code < 0}: it draws from
 * it); a price is currency per unit of power for one period, so a period's bill is
 * {@code power × price} whatever the period's length; {@code assetCost[i][t]} is the member's
 * assets' cost {@code Σ ½·a·p² + b·p} in that period, currency (the clearing's per-period
 * objective, in the same money as the bills); a consumer's utility makes it negative.
 */
public final class CommunityDispatch {
    private final String source;
    private final List<String> members;
    private final double[] importPrice;
    private final double[] exportPrice;
    private final double[][] net;
    private final double[][] assetCost;
    private final double[][] memberPrice;

    private CommunityDispatch(String source, List<String> members, double[] importPrice,
                              double[] exportPrice, double[][] net, double[][] assetCost, double[][] memberPrice) {
        this.source = Objects.requireNonNull(source, "source");
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("a community needs at least one member");
        }
        if (this.members.stream().distinct().count() != this.members.size()) {
            throw new IllegalArgumentException("member ids must be unique: " + this.members);
        }
        int periods = importPrice.length;
        if (periods < 1 || exportPrice.length != periods) {
            throw new IllegalArgumentException("need the same number (>= 1) of import and export prices, got "
                    + importPrice.length + " and " + exportPrice.length);
        }
        for (int t = 0; t < periods; t++) {
            if (!Double.isFinite(importPrice[t]) || !Double.isFinite(exportPrice[t]) || importPrice[t] < exportPrice[t]) {
                throw new IllegalArgumentException("period " + t + ": need finite grid prices with import >= export, got "
                        + importPrice[t] + " and " + exportPrice[t]);
            }
        }
        this.importPrice = importPrice.clone();
        this.exportPrice = exportPrice.clone();
        this.net = copy(net, "net", true);
        this.assetCost = copy(assetCost, "assetCost", true);
        this.memberPrice = memberPrice == null ? null : copy(memberPrice, "memberPrice", false);
    }

    private double[][] copy(double[][] m, String what, boolean finite) {
        if (m.length != members.size()) {
            throw new IllegalArgumentException(what + " needs one row per member (" + members.size() + "), got " + m.length);
        }
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != importPrice.length) {
                throw new IllegalArgumentException(what + "[" + members.get(i) + "] needs one value per period ("
                        + importPrice.length + "), got " + m[i].length);
            }
            for (double v : m[i]) {
                if (finite && !Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + "[" + members.get(i) + "] has a value that is not finite: " + v);
                }
            }
            out[i] = m[i].clone();
        }
        return out;
    }

    /**
     * A dispatch from given numbers (e.g. metered net positions).
     *
     * @param source      what the dispatch is, for reports (e.g. {@code metered})
     * @param members     the members' ids, unique, at least one
     * @param importPrice the grid's import price per period (what the community pays), currency per unit of power
     *                    for the period
     * @param exportPrice the grid's export price per period (what it is paid), {@code <= importPrice}
     * @param net         {@code net[i][t]}: member {@code i}'s net injection in period {@code t}, power unit
     * @param assetCost   {@code assetCost[i][t]}: its assets' cost in that period, currency (see class comment)
     * @return the dispatch, without the optimisation's member prices
     * @throws IllegalArgumentException if a size does not match or a number is not finite
     */
    public static CommunityDispatch of(String source, List<String> members, double[] importPrice, double[] exportPrice,
                                       double[][] net, double[][] assetCost) {
        return new CommunityDispatch(source, members, importPrice, exportPrice, net, assetCost, null);
    }

    /**
     * A dispatch with the members' prices of the clearing that produced it ({@link OptimisationPrices} bills at them).
     *
     * @param source      what the dispatch is
     * @param members     the members' ids
     * @param importPrice the grid's import price per period
     * @param exportPrice the grid's export price per period
     * @param net         members' net injections, power unit
     * @param assetCost   members' asset costs, currency
     * @param memberPrice {@code memberPrice[i][t]}: member {@code i}'s price {@code mu} in period {@code t}, currency per
     *                    unit of power for the period; NaN where the clearing has none
     * @return the dispatch
     * @throws IllegalArgumentException if a size does not match or a number is not finite
     */
    public static CommunityDispatch withPrices(String source, List<String> members, double[] importPrice,
                                               double[] exportPrice, double[][] net, double[][] assetCost,
                                               double[][] memberPrice) {
        return new CommunityDispatch(source, members, importPrice, exportPrice, net, assetCost,
                Objects.requireNonNull(memberPrice, "memberPrice"));
    }

    /** {@return what the dispatch is, e.g. {@code standalone} or {@code optimised}} */
    public String source() {
        return source;
    }

    /** {@return the members' ids in their order; unmodifiable} */
    public List<String> members() {
        return members;
    }

    /** {@return the number of periods T, at least 1} */
    public int periods() {
        return importPrice.length;
    }

    /**
     * The grid's import price.
     *
     * @param t a period
     * @return currency per unit of power for the period
     */
    public double importPrice(int t) {
        return importPrice[t];
    }

    /**
     * The grid's export price.
     *
     * @param t a period
     * @return currency per unit of power for the period, {@code <= importPrice(t)}
     */
    public double exportPrice(int t) {
        return exportPrice[t];
    }

    /**
     * A member's net injection.
     *
     * @param i a member's index in {@link #members()}
     * @param t a period
     * @return power unit; {@code > 0} supplies the community
     */
    public double net(int i, int t) {
        return net[i][t];
    }

    /**
     * A member's assets' cost.
     *
     * @param i a member's index
     * @param t a period
     * @return currency (negative for a consumer's utility)
     */
    public double assetCost(int i, int t) {
        return assetCost[i][t];
    }

    /** {@return true when the dispatch carries the optimisation's member prices} */
    public boolean hasMemberPrices() {
        return memberPrice != null;
    }

    /**
     * The optimisation's price of a member.
     *
     * @param i a member's index
     * @param t a period
     * @return currency per unit of power for the period; NaN where the clearing has none
     * @throws IllegalStateException if the dispatch carries no member prices
     */
    public double memberPrice(int i, int t) {
        if (memberPrice == null) {
            throw new IllegalStateException("dispatch '" + source + "' carries no member prices (only an optimised one does)");
        }
        return memberPrice[i][t];
    }

    /**
     * What a member supplies to the community in a period.
     *
     * @param i a member's index
     * @param t a period
     * @return power unit, {@code >= 0}
     */
    public double supplied(int i, int t) {
        return Math.max(net[i][t], 0.0);
    }

    /**
     * What a member draws from the community in a period.
     *
     * @param i a member's index
     * @param t a period
     * @return power unit, {@code >= 0}
     */
    public double drawn(int i, int t) {
        return Math.max(-net[i][t], 0.0);
    }

    /**
     * The community's total supply in a period: what its net sellers inject.
     *
     * @param t a period
     * @return power unit, {@code >= 0}
     */
    public double supply(int t) {
        double s = 0;
        for (int i = 0; i < net.length; i++) {
            s += supplied(i, t);
        }
        return s;
    }

    /**
     * The community's total demand in a period: what its net buyers draw.
     *
     * @param t a period
     * @return power unit, {@code >= 0}
     */
    public double demand(int t) {
        double d = 0;
        for (int i = 0; i < net.length; i++) {
            d += drawn(i, t);
        }
        return d;
    }

    /**
     * The community's bill with the grid in a period: its deficit bought at the import price, its
     * surplus sold at the export price. The members' positions are netted behind the community's
     * meter first, which is what sharing saves.
     *
     * @param t a period
     * @return currency; negative when the community is paid
     */
    public double communityGridBill(int t) {
        double excess = demand(t) - supply(t);
        return excess > 0 ? importPrice[t] * excess : exportPrice[t] * excess;
    }

    /**
     * A member's bill alone with the grid in a period: what it draws at the import price, what it
     * supplies at the export price.
     *
     * @param i a member's index
     * @param t a period
     * @return currency; negative when it is paid
     */
    public double aloneGridBill(int i, int t) {
        return importPrice[t] * drawn(i, t) - exportPrice[t] * supplied(i, t);
    }

    /**
     * The share of the members' demand met inside the community over the horizon:
     * {@code Σ_t min(supply_t, demand_t) / Σ_t demand_t}. Net positions are after each member's
     * own production met its own consumption, so this counts what members share, not what each
     * consumes of its own.
     *
     * @return in {@code [0, 1]}; 0 when no member ever draws
     */
    public double selfConsumption() {
        double shared = 0;
        double demand = 0;
        for (int t = 0; t < periods(); t++) {
            shared += Math.min(supply(t), demand(t));
            demand += demand(t);
        }
        return demand > 0 ? shared / demand : 0.0;
    }

    /** {@return the members' asset costs over the horizon, currency} */
    public double totalAssetCost() {
        double c = 0;
        for (double[] row : assetCost) {
            c += Arrays.stream(row).sum();
        }
        return c;
    }

    /**
     * The index of a member.
     *
     * @param id a member's id
     * @return its index in {@link #members()}
     * @throws IllegalArgumentException if it is no member
     */
    public int indexOf(String id) {
        int i = members.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("'" + id + "' is not a member of the community (members: " + members + ")");
        }
        return i;
    }

    @Override
    public String toString() {
        return "CommunityDispatch[" + source + ", " + members.size() + " members, " + periods() + " periods]";
    }
}
