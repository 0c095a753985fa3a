package org.peerclear.games.nash;

import java.util.Arrays;
import java.util.Optional;

/**
 * Price competition with capacity limits (Bertrand–Edgeworth): sellers with a common constant
 * marginal cost {@code c} and capacities {@code k_i} name prices; the buyers' linear demand
 * {@code D(p) = (α − p)/β} is served cheapest first under efficient rationing (a seller sells
 * {@code min(k_i, what the cheaper sellers leave of D(p_i))}, ties shared in proportion to
 * capacity).
 *
 * <p><b>Scope: what is exact here.</b> Pure-strategy equilibria exist only in two regimes
 * (Kreps &amp; Scheinkman 1983; Vives, <i>Oligopoly Pricing</i>, 1999, ch. 5), and
 * {@link #pureEquilibrium()} decides which holds in closed form:
 * <ul>
 *   <li>{@link Regime#CAPACITY_CONSTRAINED}: every seller sells its whole capacity at the price
 *       that clears it, {@code p* = P(K)} with {@code K = Σ k}, when {@code P(K) >= c} and each
 *       capacity is at most the seller's monopoly output on the residual demand,
 *       {@code k_i <= (α − c − β·K_{−i}) / (2β)} (its Cournot best response): raising its price
 *       loses more quantity than it gains in price, and it cannot sell more by cutting it;</li>
 *   <li>{@link Regime#COMPETITIVE}: everyone prices at cost, {@code p* = c}, when the others'
 *       capacity alone serves the competitive demand for every seller, {@code K_{−i} >= D(c)}:
 *       whoever raises its price sells nothing.</li>
 * </ul>
 * Between the two no pure equilibrium exists (a seller at {@code P(K)} gains by raising its
 * price; at {@code c} one gains by raising it onto the residual demand, and undercutting
 * unravels any price in between: the Edgeworth cycle); the mixed-strategy equilibrium is not
 * computed, and {@link #pureEquilibrium()} is empty. {@link #bestDeviationGain} checks any price
 * profile by searching a seller's deviations exactly over the residual demand's pieces.
 */
public final class BertrandEdgeworth {
    /** Which pure-strategy equilibrium holds. */
    public enum Regime {
        /** Capacities are small: all sell their capacity at {@code P(K)}. */
        CAPACITY_CONSTRAINED,
        /** Capacities are large: all price at marginal cost. */
        COMPETITIVE
    }

    /**
     * A pure-strategy equilibrium.
     *
     * @param regime which regime holds
     * @param price  the common price
     * @param sales  each seller's sales at it
     */
    public record Equilibrium(Regime regime, double price, double[] sales) {
        /**
         * Copies the sales.
         *
         * @param regime the regime
         * @param price  the price
         * @param sales  each seller's sales
         */
        public Equilibrium {
            sales = sales.clone();
        }
    }

    private final double alpha;
    private final double beta;
    private final double cost;
    private final double[] capacity;

    /**
     * A game.
     *
     * @param alpha      the demand's choke price {@code α > c}
     * @param beta       its slope, {@code > 0}: {@code D(p) = (α − p)/β}
     * @param cost       the common marginal cost {@code c >= 0}
     * @param capacities each seller's capacity, {@code > 0}, at least two sellers
     * @throws IllegalArgumentException if a number is out of range
     */
    public BertrandEdgeworth(double alpha, double beta, double cost, double... capacities) {
        if (!(beta > 0) || !(alpha > cost) || !(cost >= 0) || capacities.length < 2
                || Arrays.stream(capacities).anyMatch(k -> !(k > 0) || !Double.isFinite(k))) {
            throw new IllegalArgumentException("need beta > 0, alpha > cost >= 0 and at least two finite capacities > 0");
        }
        this.alpha = alpha;
        this.beta = beta;
        this.cost = cost;
        this.capacity = capacities.clone();
    }

    /**
     * The buyers' demand at a price.
     *
     * @param p a price
     * @return {@code max(0, (α − p)/β)}
     */
    public double demand(double p) {
        return Math.max(0, (alpha - p) / beta);
    }

    /**
     * What each seller sells at a price profile, under efficient rationing.
     *
     * @param prices each seller's price
     * @return each seller's sales
     */
    public double[] sales(double[] prices) {
        int n = capacity.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(prices[x], prices[y]));
        double[] sold = new double[n];
        double served = 0;
        for (int a = 0; a < n; ) {
            int b = a;
            double tied = 0;
            while (b < n && prices[order[b]] == prices[order[a]]) {
                tied += capacity[order[b]];
                b++;
            }
            // The buyers who value the good most are served first: what is left at this price.
            double left = Math.max(0, demand(prices[order[a]]) - served);
            double take = Math.min(left, tied);
            for (int j = a; j < b; j++) {
                sold[order[j]] = take * capacity[order[j]] / tied;
            }
            served += take;
            a = b;
        }
        return sold;
    }

    /**
     * A seller's profit at a price profile.
     *
     * @param i      a seller
     * @param prices each seller's price
     * @return {@code (p_i − c)·sales_i}
     */
    public double profit(int i, double[] prices) {
        return (prices[i] - cost) * sales(prices)[i];
    }

    /**
     * The most seller {@code i} gains by changing its price alone. Its residual demand is linear
     * between the others' prices, so the best deviation is among: each piece's residual
     * monopoly price, the others' prices (a tie), the supremum just below each of them (undercut,
     * taken as the limit), and the price that sells exactly its capacity on each piece.
     *
     * @param i      a seller
     * @param prices each seller's price
     * @return the best deviation's profit minus the current profit, {@code >= 0} up to rounding
     */
    public double bestDeviationGain(int i, double[] prices) {
        double now = profit(i, prices);
        double best = now;
        double[] others = new double[prices.length - 1];
        for (int j = 0, k = 0; j < prices.length; j++) {
            if (j != i) {
                others[k++] = prices[j];
            }
        }
        double[] cuts = Arrays.copyOf(others, others.length + 2);
        cuts[others.length] = cost;
        cuts[others.length + 1] = alpha;
        Arrays.sort(cuts);
        double[] trial = prices.clone();
        for (int a = 0; a + 1 < cuts.length; a++) {
            double lo = cuts[a];
            double hi = cuts[a + 1];
            if (hi <= lo) {
                continue;
            }
            // On (lo, hi) the cheaper sellers' capacity is fixed: residual demand D(p) − K_cheaper.
            double cheaper = 0;
            for (int j = 0; j < prices.length; j++) {
                if (j != i && prices[j] <= lo) {
                    cheaper += capacity[j];
                }
            }
            double monopoly = 0.5 * (alpha - beta * cheaper + cost);
            double atCapacity = alpha - beta * (cheaper + capacity[i]);
            for (double p : new double[] {monopoly, atCapacity, hi}) {
                if (p > lo && p <= hi) {
                    trial[i] = p;
                    best = Math.max(best, profit(i, trial));
                }
            }
            // Undercutting the price hi: the supremum, not attained, of the profit as p rises to hi.
            best = Math.max(best, (hi - cost) * Math.min(capacity[i], Math.max(0, demand(hi) - cheaper)));
        }
        return best - now;
    }

    /** {@return the price that sells all capacity, {@code P(K) = α − β·K}} */
    public double capacityPrice() {
        return alpha - beta * Arrays.stream(capacity).sum();
    }

    /**
     * The pure-strategy equilibrium, when one of the two regimes holds (see the class comment).
     *
     * @return the equilibrium; empty when capacities are in between and only a mixed equilibrium exists
     */
    public Optional<Equilibrium> pureEquilibrium() {
        double total = Arrays.stream(capacity).sum();
        boolean small = capacityPrice() >= cost;
        boolean large = true;
        for (double k : capacity) {
            double others = total - k;
            small &= k <= (alpha - cost - beta * others) / (2 * beta);
            large &= others >= demand(cost);
        }
        int n = capacity.length;
        if (small) {
            double[] p = new double[n];
            Arrays.fill(p, capacityPrice());
            return Optional.of(new Equilibrium(Regime.CAPACITY_CONSTRAINED, capacityPrice(), sales(p)));
        }
        if (large) {
            double[] p = new double[n];
            Arrays.fill(p, cost);
            return Optional.of(new Equilibrium(Regime.COMPETITIVE, cost, sales(p)));
        }
        return Optional.empty();
    }
}
