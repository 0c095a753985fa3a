package org.peerclear.auction.cda;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.AuctionTolerances;
import org.peerclear.auction.Fill;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.Units;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.powerflow.Branch;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.LinDistFlow;
import org.peerclear.powerflow.LinDistFlowResult;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * The feeder's limits as the network-aware continuous auction checks them, match by match
 * (in the spirit of Guerrero, Chapman &amp; Verbič, "Decentralized P2P energy trading under network
 * constraints in a low-voltage network", IEEE Trans. Smart Grid 2019).
 *
 * <h2>Model</h2>
 * Squared-voltage LinDistFlow on the radial feeder, which is linear in the injections: a trade of
 * {@code q} from a seller at bus {@code s} to a buyer at bus {@code b} (the seller injects
 * {@code q}, the buyer withdraws it; active power only) changes every squared voltage by
 * {@code Δw_j = q·(S_js − S_jb)}, {@code S} the sensitivity of {@code w} to injections
 * ({@link LinDistFlow#voltageSensitivityRow}), and every branch flow by
 * {@code q·(PTDF_ls − PTDF_lb)} ({@link LinDistFlow#ptdfRow}). The state starts at the feeder's
 * base LinDistFlow solution (its own loads, no trades) and accumulates every accepted trade, so
 * the state after {@code k} trades is exactly LinDistFlow of the base loads plus those trades.
 *
 * <h2>Cost, and why it is cheap</h2>
 * The sensitivity columns of the buses orders sit at ({@code terminals}) are computed once, when
 * the check is built. A check is then one pass over the buses ({@code Δw_j} is a difference of two
 * stored columns) and over the rated branches: no power flow per match, and no allocation. On
 * case33bw that is 33 multiply-adds.
 *
 * <h2>Limits</h2>
 * {@code vMin² ≤ w_j ≤ vMax²} at every bus, and {@code |P_l| ≤ rating} on every branch with a
 * rating (the smaller of the feeder's {@code rateA} and the network's {@code ratings}). Each bound
 * is linear in {@code q}, so the largest feasible quantity is the smallest of the per-bound
 * maxima. A bound already broken before the match (the base state of a loaded feeder may sit below
 * vMin) refuses only matches that would break it further: a trade that eases it is allowed.
 *
 * <p>Quantities are in the order file's power unit; the sensitivities are converted once with its
 * kW per unit ({@code W}, {@code kW}, {@code MW}, as the network-aware clearing does). Not
 * thread-safe: one instance per auction run.
 */
public final class NetworkCheck {
    /** Kinds of bound, for {@link #reason()}. */
    private static final int NO_BOUND = 0;
    private static final int V_MAX = 1;
    private static final int V_MIN = 2;
    private static final int RATING = 3;

    private final Feeder feeder;
    private final NetworkSpec spec;
    private final String unit;
    private final double kwPerUnit;
    private final int n;
    private final int[] terminalBus;
    /** {@code sens[t·n + j] = ∂w_j / ∂(injection at terminal t)}, pu² per power unit. */
    private final double[] sens;
    private final double[] baseW;
    private final double[] w;
    private final double wMin;
    private final double wMax;
    private final int[] ratedBranch;
    /** {@code ptdf[r·m + t]}: change of rated branch r's flow per unit injected at terminal t. */
    private final double[] ptdf;
    private final double[] limit;
    private final double[] baseFlow;
    private final double[] flow;

    private int boundKind = NO_BOUND;
    private int boundIndex = -1;
    private boolean boundBrokenBefore;
    private long checks;

    private NetworkCheck(Feeder feeder, NetworkSpec spec, Units units, List<String> terminals) {
        if (!feeder.isRadial()) {
            throw new IllegalArgumentException("Network '" + spec.feeder() + "' is not radial: the network-aware continuous"
                    + " auction needs a radial feeder for LinDistFlow");
        }
        this.feeder = feeder;
        this.spec = spec;
        this.unit = units.power();
        this.kwPerUnit = units.kilowattsPerUnit();
        this.n = feeder.busCount();
        int m = terminals.size();
        terminalBus = new int[m];
        for (int t = 0; t < m; t++) {
            terminalBus[t] = busIndex(feeder, spec, terminals.get(t), "terminal " + t);
        }
        LinDistFlow lin = new LinDistFlow(feeder);
        sens = new double[m * n];
        double[] row = new double[m];
        for (int j = 0; j < n; j++) {
            lin.voltageSensitivityRow(j, terminalBus, row, null);
            for (int t = 0; t < m; t++) {
                sens[t * n + j] = row[t] * kwPerUnit;
            }
        }
        LinDistFlowResult base = lin.solve(null, null);
        baseW = base.wPu().clone();
        w = baseW.clone();
        wMin = spec.vMin() * spec.vMin();
        wMax = spec.vMax() * spec.vMax();

        double[] limitKw = new double[feeder.branchCount()];
        Arrays.fill(limitKw, Double.POSITIVE_INFINITY);
        Map<String, Integer> byEnds = new HashMap<>();
        for (int l = 0; l < feeder.branchCount(); l++) {
            Branch br = feeder.branches().get(l);
            if (br.hasRating()) {
                limitKw[l] = br.rateMva() * 1000.0; // MATPOWER rateA is MVA; the feeder's flows are kW
            }
            byEnds.put(br.fromBus() + "|" + br.toBus(), l);
            byEnds.put(br.toBus() + "|" + br.fromBus(), l);
        }
        for (int k = 0; k < spec.ratings().size(); k++) {
            NetworkSpec.BranchRating r = spec.ratings().get(k);
            Integer l = byEnds.get(r.from() + "|" + r.to());
            if (l == null) {
                throw new InvalidMarketException("network.ratings[" + k + "]", "no branch between buses '" + r.from()
                        + "' and '" + r.to() + "' in network '" + spec.feeder() + "'");
            }
            limitKw[l] = Math.min(limitKw[l], r.pMax() * kwPerUnit);
        }
        int rated = 0;
        for (double v : limitKw) {
            rated += Double.isFinite(v) ? 1 : 0;
        }
        ratedBranch = new int[rated];
        limit = new double[rated];
        baseFlow = new double[rated];
        ptdf = new double[rated * m];
        for (int l = 0, r = 0; l < limitKw.length; l++) {
            if (!Double.isFinite(limitKw[l])) {
                continue;
            }
            ratedBranch[r] = l;
            limit[r] = limitKw[l] / kwPerUnit;
            baseFlow[r] = base.pFlowKw()[l] / kwPerUnit;
            lin.ptdfRow(l, terminalBus, row);
            System.arraycopy(row, 0, ptdf, r * m, m);
            r++;
        }
        flow = baseFlow.clone();
    }

    /**
     * Loads the network of an order file and prepares the check for the buses its orders sit at.
     *
     * @param orders an order file with a network
     * @return the check and, per order (in file order), its terminal number
     * @throws IllegalArgumentException if the file has no network, its feeder cannot be loaded or is
     *                                  not radial, an order's bus is not on it, or the power unit is
     *                                  not W, kW or MW
     */
    public static Placed of(OrderFile orders) {
        NetworkSpec spec = orders.network().orElseThrow(() -> new IllegalArgumentException(
                "The network-aware continuous auction (cda-network) needs the order file's network (orders.md,"
                        + " \"network\": the feeder and its voltage limits), and "
                        + (orders.name().isEmpty() ? "this file" : "'" + orders.name() + "'") + " has none"));
        Feeder feeder = Feeders.load(spec.feeder(), spec.baseDirectory());
        Map<String, Integer> terminalOf = new HashMap<>();
        List<String> terminals = new java.util.ArrayList<>();
        int[] terminal = new int[orders.orders().size()];
        for (int i = 0; i < terminal.length; i++) {
            Order o = orders.orders().get(i);
            if (o.bus() == null) {
                throw new InvalidMarketException("orders[" + o.id() + "].bus",
                        "is required by the network-aware continuous auction");
            }
            busIndex(feeder, spec, o.bus(), "orders[" + o.id() + "]");
            terminal[i] = terminalOf.computeIfAbsent(o.bus(), b -> {
                terminals.add(b);
                return terminals.size() - 1;
            });
        }
        return new Placed(new NetworkCheck(feeder, spec, orders.units(), terminals), terminal);
    }

    /**
     * A check for a feeder and a fixed list of buses, for callers that number buses themselves
     * (benchmarks, embedding applications).
     *
     * @param feeder    a radial feeder
     * @param spec      the voltage limits and ratings (its feeder name is only used in messages)
     * @param units     the units quantities are given in (power {@code W}, {@code kW} or {@code MW})
     * @param buses     bus ids; terminal {@code t} in {@link #allowed} and {@link #accept} is {@code buses.get(t)}
     * @return the check, at the feeder's base state
     * @throws IllegalArgumentException if the feeder is not radial, a bus is not on it or the unit is unknown
     */
    public static NetworkCheck of(Feeder feeder, NetworkSpec spec, Units units, List<String> buses) {
        return new NetworkCheck(feeder, spec, units, buses);
    }

    /**
     * A check placed on an order file: the check and each order's terminal.
     *
     * @param check    the check, at the feeder's base state
     * @param terminal per order (file order), its terminal number in {@code check}
     */
    public record Placed(NetworkCheck check, int[] terminal) {
    }

    /**
     * The largest quantity of a trade the limits allow, given every trade accepted so far. Also
     * remembers which bound bound, for {@link #reason()}.
     *
     * @param seller   the seller's terminal
     * @param buyer    the buyer's terminal
     * @param quantity what the orders would trade, {@code > 0}, power unit
     * @return {@code quantity} when no bound binds (or binds only by rounding,
     *         {@link AuctionTolerances#CDA_NETWORK_WHOLE_FRACTION}); 0 when the feasible part is dust
     *         ({@link AuctionTolerances#CDA_NETWORK_DUST_FRACTION}) or none; the feasible part otherwise
     */
    public double allowed(int seller, int buyer, double quantity) {
        checks++;
        final double[] sv = sens;
        final double[] wv = w;
        final int so = seller * n;
        final int bo = buyer * n;
        double q = quantity;
        int kind = NO_BOUND;
        int at = -1;
        // Each bound is linear in q: shrink q to the bound only where the current q would break it.
        for (int j = 0; j < n; j++) {
            double d = sv[so + j] - sv[bo + j];
            double after = wv[j] + q * d;
            if (after > wMax && d > 0) {
                q = Math.max(0, (wMax - wv[j]) / d);
                kind = V_MAX;
                at = j;
            } else if (after < wMin && d < 0) {
                q = Math.max(0, (wv[j] - wMin) / -d);
                kind = V_MIN;
                at = j;
            }
        }
        final int m = terminalBus.length;
        for (int r = 0; r < limit.length; r++) {
            double d = ptdf[r * m + seller] - ptdf[r * m + buyer];
            double after = flow[r] + q * d;
            if (after > limit[r] && d > 0) {
                q = Math.max(0, (limit[r] - flow[r]) / d);
                kind = RATING;
                at = r;
            } else if (after < -limit[r] && d < 0) {
                q = Math.max(0, (flow[r] + limit[r]) / -d);
                kind = RATING;
                at = r;
            }
        }
        boundKind = kind;
        boundIndex = at;
        if (kind == NO_BOUND || q >= quantity * (1 - AuctionTolerances.CDA_NETWORK_WHOLE_FRACTION)) {
            boundKind = NO_BOUND;
            return quantity;
        }
        boundBrokenBefore = kind == V_MAX ? wv[at] > wMax : kind == V_MIN ? wv[at] < wMin
                : Math.abs(flow[at]) > limit[at];
        return q < quantity * AuctionTolerances.CDA_NETWORK_DUST_FRACTION ? 0 : q;
    }

    /**
     * Records an accepted trade: the state moves by its effect.
     *
     * @param seller   the seller's terminal
     * @param buyer    the buyer's terminal
     * @param quantity the quantity traded, power unit
     */
    public void accept(int seller, int buyer, double quantity) {
        final double[] sv = sens;
        final double[] wv = w;
        final int so = seller * n;
        final int bo = buyer * n;
        for (int j = 0; j < n; j++) {
            wv[j] += quantity * (sv[so + j] - sv[bo + j]);
        }
        final int m = terminalBus.length;
        for (int r = 0; r < limit.length; r++) {
            flow[r] += quantity * (ptdf[r * m + seller] - ptdf[r * m + buyer]);
        }
    }

    /**
     * Why the last {@link #allowed} call cut its match.
     *
     * @return the bound that bound, naming the bus or branch, e.g. {@code voltage at bus 18 above
     *         vMax 1.05}; empty when it did not cut
     */
    public String reason() {
        String already = boundBrokenBefore ? " (already beyond it before this match)" : "";
        switch (boundKind) {
            case V_MAX:
                return "voltage at bus " + feeder.busIds().get(boundIndex) + " above vMax " + spec.vMax() + already;
            case V_MIN:
                return "voltage at bus " + feeder.busIds().get(boundIndex) + " below vMin " + spec.vMin() + already;
            case RATING:
                Branch br = feeder.branches().get(ratedBranch[boundIndex]);
                return String.format(Locale.ROOT, "flow on branch %s-%s above its rating %s %s%s", br.fromBus(), br.toBus(),
                        fmt(limit[boundIndex]), unit, already);
            default:
                return "";
        }
    }

    /** Back to the feeder's base state, as before any trade. */
    public void reset() {
        System.arraycopy(baseW, 0, w, 0, n);
        System.arraycopy(baseFlow, 0, flow, 0, flow.length);
        boundKind = NO_BOUND;
        checks = 0;
    }

    /** {@return how many matches {@link #allowed} checked since this check was built or reset} */
    public long checks() {
        return checks;
    }

    /** {@return the feeder} */
    public Feeder feeder() {
        return feeder;
    }

    /** {@return kW per unit of the orders' power} */
    public double kwPerUnit() {
        return kwPerUnit;
    }

    /** {@return the LinDistFlow voltage magnitudes of the current state, pu, by feeder bus index; a copy} */
    public double[] voltagesPu() {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = Math.sqrt(w[j]);
        }
        return v;
    }

    /** {@return the LinDistFlow voltage magnitudes of the base state (no trades), pu, by feeder bus index} */
    public double[] baseVoltagesPu() {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = Math.sqrt(baseW[j]);
        }
        return v;
    }

    /** {@return the number of buses whose base-state voltage is outside [vMin, vMax]} */
    public int baseViolations() {
        int k = 0;
        for (double x : baseW) {
            k += x < wMin || x > wMax ? 1 : 0;
        }
        return k;
    }

    /**
     * What a result's fills inject into the feeder: sellers inject, buyers withdraw, at their buses.
     *
     * @param orders the order file the result came from (for the orders' buses and units)
     * @param result an auction result on it
     * @param feeder the feeder the buses are on
     * @return per feeder bus index, the net injection of the fills there, kW ({@code > 0} injects)
     * @throws IllegalArgumentException if an order that traded has no bus on the feeder, or the unit is unknown
     */
    public static double[] injectionsKw(OrderFile orders, AuctionResult result, Feeder feeder) {
        double kw = orders.units().kilowattsPerUnit();
        double[] inj = new double[feeder.busCount()];
        for (Fill f : result.fills()) {
            Order o = orders.order(f.order());
            if (o.bus() == null) {
                throw new IllegalArgumentException("Order '" + o.id() + "' has no bus");
            }
            int b = feeder.busIndex(o.bus());
            inj[b] += (o.buys() ? -1 : 1) * f.quantity() * kw;
        }
        return inj;
    }


    private static int busIndex(Feeder feeder, NetworkSpec spec, String bus, String who) {
        try {
            return feeder.busIndex(bus);
        } catch (IllegalArgumentException e) {
            throw new InvalidMarketException(who + ".bus", "bus '" + bus + "' is not a bus of network '" + spec.feeder() + "'");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
