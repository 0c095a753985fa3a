package org.peerclear.games.stackelberg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.auto.AutoClearing;
import org.peerclear.games.GameTolerances;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Grid;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.Status;
import org.peerclear.result.AssetResult;
import org.peerclear.result.ClearingResult;

/**
 * The equilibrium check of a Stackelberg result, by a method independent of the closed form: the
 * general clearing. At the leader's prices, every follower's best-response problem is exactly the
 * clearing of a market in which it trades with a grid that sells at the buy price and buys at the
 * sell price; one market holds them all, with no trade between followers ({@link TradeGraph#none()}),
 * so that its welfare-optimal clearing (method {@code auto}: the exact {@code flow} solver,
 * certified) is every follower's best response at once. Then each follower's reported response is
 * compared with it: no follower may lower its total cost (assets' cost plus payment to the leader)
 * by more than {@link GameTolerances#STACKELBERG_BEST_RESPONSE} of its scale, every reported power
 * must be within its bounds, and the leader's objective recomputed from the independent responses
 * must match the reported one ({@link GameTolerances#STACKELBERG_OBJECTIVE}).
 *
 * <p>What it does not check: that the leader's prices are optimal. That is the solver's claim
 * (exact by construction for the price search, to its gap for the MILP) and what the cross-checks
 * between the two test.
 */
public final class StackelbergVerifier {
    private static final int MAX_FAILURES = 5;

    private StackelbergVerifier() {
    }

    /**
     * Checks a result with the clearing method {@code auto} and its default options.
     *
     * @param game   the game the result is of
     * @param result a result with a solution
     * @return the check
     * @throws IllegalArgumentException if the result has no solution or its responses are not the game's followers
     */
    public static EquilibriumCheck verify(StackelbergGame game, StackelbergResult result) {
        return verify(game, result, new AutoClearing(), ClearingOptions.DEFAULT);
    }

    /**
     * Checks a result with a given clearing method.
     *
     * @param game    the game the result is of
     * @param result  a result with a solution
     * @param method  the clearing that recomputes the best responses
     * @param options its options
     * @return the check
     * @throws IllegalArgumentException if the result has no solution or its responses are not the game's followers
     */
    public static EquilibriumCheck verify(StackelbergGame game, StackelbergResult result, ClearingMethod method,
                                          ClearingOptions options) {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(result, "result");
        if (!result.status().hasSolution()) {
            throw new IllegalArgumentException("Result has no solution to check: status " + result.status());
        }
        List<Agent> followers = game.followers();
        if (result.responses().size() != followers.size()) {
            throw new IllegalArgumentException("Result has " + result.responses().size() + " responses, the game "
                    + followers.size() + " followers");
        }
        long t0 = System.nanoTime();
        double buy = result.buyPrice();
        double sell = result.sellPrice();
        Market.Builder b = Market.builder("stackelberg-check").tradeGraph(TradeGraph.none()).grid(new Grid(null, buy, sell));
        for (Agent a : followers) {
            b.agent(new Agent(a.id(), a.assets()));
        }
        ClearingResult cleared = method.clear(b.build(), options);
        String what = "clearing " + cleared.method() + " (" + cleared.solver() + ")";
        List<String> failures = new ArrayList<>();
        if (cleared.status() != Status.OPTIMAL) {
            failures.add("the independent clearing ended " + cleared.status() + ": " + cleared.message());
            return new EquilibriumCheck(what, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN, Double.NaN,
                    GameTolerances.STACKELBERG_BEST_RESPONSE, false, failures, (System.nanoTime() - t0) * 1e-9);
        }
        Map<String, Double> independent = new HashMap<>();
        for (AssetResult r : cleared.assets()) {
            independent.put(r.id(), r.p());
        }
        double maxImprovement = Double.NEGATIVE_INFINITY;
        double maxRelative = Double.NEGATIVE_INFINITY;
        String worst = null;
        double maxDifference = 0;
        double maxInfeasibility = 0;
        double imports = 0;
        double exports = 0;
        double assetCost = 0;
        for (int n = 0; n < followers.size(); n++) {
            Agent a = followers.get(n);
            FollowerResponse reported = result.responses().get(n);
            if (!reported.agentId().equals(a.id())) {
                throw new IllegalArgumentException("Response " + n + " is of '" + reported.agentId() + "', the game's"
                        + " follower " + n + " is '" + a.id() + "'");
            }
            double xr = 0;
            double cr = 0;
            double xi = 0;
            double ci = 0;
            for (Asset s : a.assets()) {
                Double p = reported.assetPower().get(s.id());
                if (p == null) {
                    throw new IllegalArgumentException("Response of '" + a.id() + "' has no power for asset '" + s.id() + "'");
                }
                double q = independent.get(s.id());
                double violation = Math.max(Math.max(s.pMin() - p, 0) / (1 + Math.abs(s.pMin())),
                        Math.max(p - s.pMax(), 0) / (1 + Math.abs(s.pMax())));
                if (violation > GameTolerances.STACKELBERG_FEASIBILITY && failures.size() < MAX_FAILURES) {
                    failures.add(String.format(Locale.ROOT, "asset %s of %s: power %s outside [%s, %s]", s.id(), a.id(),
                            p, s.pMin(), s.pMax()));
                }
                maxInfeasibility = Math.max(maxInfeasibility, violation);
                maxDifference = Math.max(maxDifference, Math.abs(p - q));
                xr += p;
                cr += s.cost(p);
                xi += q;
                ci += s.cost(q);
            }
            double payReported = xr > 0 ? -sell * xr : -buy * xr;
            double payIndependent = xi > 0 ? -sell * xi : -buy * xi;
            double improvement = (cr + payReported) - (ci + payIndependent);
            double relative = improvement / (1 + Math.abs(cr) + Math.abs(payReported));
            if (relative > maxRelative) {
                maxRelative = relative;
                maxImprovement = improvement;
                worst = a.id();
            }
            if (relative > GameTolerances.STACKELBERG_BEST_RESPONSE && failures.size() < MAX_FAILURES) {
                failures.add(String.format(Locale.ROOT, "follower %s can lower its cost by %s (from %s to %s)", a.id(),
                        improvement, cr + payReported, ci + payIndependent));
            }
            if (xi > 0) {
                exports += xi;
            } else {
                imports -= xi;
            }
            assetCost += ci;
        }
        double bill = game.gridBill(exports - imports);
        double recomputed = result.objective() == LeaderObjective.PROFIT ? buy * imports - sell * exports - bill
                : -assetCost - bill;
        double scale = 1 + Math.abs(buy * imports) + Math.abs(sell * exports) + Math.abs(bill)
                + (result.objective() == LeaderObjective.WELFARE ? Math.abs(assetCost) : 0);
        double residual = (recomputed - result.leaderObjective()) / scale;
        if (!(Math.abs(residual) <= GameTolerances.STACKELBERG_OBJECTIVE)) {
            failures.add(String.format(Locale.ROOT, "the leader's %s from the independent responses is %s, reported %s",
                    result.objective().name().toLowerCase(Locale.ROOT), recomputed, result.leaderObjective()));
        }
        boolean passed = maxRelative <= GameTolerances.STACKELBERG_BEST_RESPONSE
                && maxInfeasibility <= GameTolerances.STACKELBERG_FEASIBILITY
                && Math.abs(residual) <= GameTolerances.STACKELBERG_OBJECTIVE;
        return new EquilibriumCheck(what, maxImprovement, maxRelative, worst, maxDifference, maxInfeasibility, residual,
                GameTolerances.STACKELBERG_BEST_RESPONSE, passed, failures, (System.nanoTime() - t0) * 1e-9);
    }
}
