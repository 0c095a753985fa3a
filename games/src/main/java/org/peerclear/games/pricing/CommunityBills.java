package org.peerclear.games.pricing;

import java.util.Objects;

/**
 * Every member's bill per period under one pricing rule, with the internal prices the rule set
 * and the grid bill the bills must cover. {@code bill(i, t) > 0} is what member {@code i} pays
 * for period {@code t}; negative, what it is paid.
 *
 * <p>Money is conserved when {@code Σ_i bill(i, t) = gridBill(t)}: what the members pay is what
 * the community (or, for the grid-only baseline, the members one by one) pays the grid.
 * {@link #imbalance()} is the difference over the horizon, zero up to rounding for the
 * community rules, the manager's residual for the optimisation's prices.
 */
public final class CommunityBills {
    private final String rule;
    private final CommunityDispatch dispatch;
    private final double[][] bills;
    private final double[] buyPrice;
    private final double[] sellPrice;
    private final double[] gridBill;
    private final boolean shared;

    /**
     * Collects a rule's bills; the arrays are copied.
     *
     * @param rule      the rule's name
     * @param dispatch  the dispatch it priced
     * @param bills     {@code bills[i][t]}, currency
     * @param buyPrice  the internal price buyers paid per period, currency per unit of power for the period; NaN where the rule has
     *                  none (no buyer, or one price per member)
     * @param sellPrice the internal price sellers were paid per period; NaN likewise
     * @param gridBill  what is owed to the grid per period, currency
     * @param shared    true when the members share energy inside the community (false for the grid-only baseline)
     * @throws IllegalArgumentException if a size does not match the dispatch
     */
    public CommunityBills(String rule, CommunityDispatch dispatch, double[][] bills, double[] buyPrice, double[] sellPrice,
                          double[] gridBill, boolean shared) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        int n = dispatch.members().size();
        int periods = dispatch.periods();
        if (bills.length != n || buyPrice.length != periods || sellPrice.length != periods || gridBill.length != periods) {
            throw new IllegalArgumentException("bills must be members x periods (" + n + " x " + periods
                    + ") and prices and grid bills one per period");
        }
        this.bills = new double[n][];
        for (int i = 0; i < n; i++) {
            if (bills[i].length != periods) {
                throw new IllegalArgumentException("bills[" + i + "] needs " + periods + " periods, got " + bills[i].length);
            }
            this.bills[i] = bills[i].clone();
        }
        this.buyPrice = buyPrice.clone();
        this.sellPrice = sellPrice.clone();
        this.gridBill = gridBill.clone();
        this.shared = shared;
    }

    /** {@return the rule's name} */
    public String rule() {
        return rule;
    }

    /** {@return the dispatch the rule priced} */
    public CommunityDispatch dispatch() {
        return dispatch;
    }

    /**
     * A member's bill in one period.
     *
     * @param i a member's index in the dispatch
     * @param t a period
     * @return currency; negative when it is paid
     */
    public double bill(int i, int t) {
        return bills[i][t];
    }

    /**
     * A member's bill over the horizon.
     *
     * @param i a member's index
     * @return currency
     */
    public double bill(int i) {
        double b = 0;
        for (double v : bills[i]) {
            b += v;
        }
        return b;
    }

    /**
     * A member's bill over the horizon, by id.
     *
     * @param member a member's id
     * @return currency
     * @throws IllegalArgumentException if it is no member
     */
    public double bill(String member) {
        return bill(dispatch.indexOf(member));
    }

    /**
     * A member's cost over the horizon: its assets' cost plus its bill.
     *
     * @param i a member's index
     * @return currency
     */
    public double cost(int i) {
        double c = bill(i);
        for (int t = 0; t < dispatch.periods(); t++) {
            c += dispatch.assetCost(i, t);
        }
        return c;
    }

    /**
     * The gross terms of a member's cost, {@code Σ_t |asset cost| + |bill|}: the scale of its rounding.
     *
     * @param i a member's index
     * @return currency, {@code >= 0}
     */
    public double grossCost(int i) {
        double c = 0;
        for (int t = 0; t < dispatch.periods(); t++) {
            c += Math.abs(dispatch.assetCost(i, t)) + Math.abs(bills[i][t]);
        }
        return c;
    }

    /** {@return the members' costs added up over the horizon: assets' costs plus bills, currency} */
    public double totalCost() {
        double c = 0;
        for (int i = 0; i < bills.length; i++) {
            c += cost(i);
        }
        return c;
    }

    /**
     * The internal price buyers paid.
     *
     * @param t a period
     * @return currency per unit of power for the period; NaN where the rule sets none
     */
    public double buyPrice(int t) {
        return buyPrice[t];
    }

    /**
     * The internal price sellers were paid.
     *
     * @param t a period
     * @return currency per unit of power for the period; NaN where the rule sets none
     */
    public double sellPrice(int t) {
        return sellPrice[t];
    }

    /**
     * What is owed to the grid in a period.
     *
     * @param t a period
     * @return currency; negative when the grid pays
     */
    public double gridBill(int t) {
        return gridBill[t];
    }

    /** {@return what is owed to the grid over the horizon, currency} */
    public double gridBill() {
        double g = 0;
        for (double v : gridBill) {
            g += v;
        }
        return g;
    }

    /**
     * The members' bills in a period minus the grid bill: zero when the period's money is conserved.
     *
     * @param t a period
     * @return currency
     */
    public double imbalance(int t) {
        double s = -gridBill[t];
        for (double[] row : bills) {
            s += row[t];
        }
        return s;
    }

    /** {@return the members' bills over the horizon minus the grid bill, currency: zero when money is conserved} */
    public double imbalance() {
        double s = -gridBill();
        for (int i = 0; i < bills.length; i++) {
            s += bill(i);
        }
        return s;
    }

    /** {@return the gross money moved, {@code Σ |bill| + Σ |grid bill|} over members and periods: the scale of {@link #imbalance()}} */
    public double grossMoney() {
        double g = 0;
        for (double[] row : bills) {
            for (double v : row) {
                g += Math.abs(v);
            }
        }
        for (double v : gridBill) {
            g += Math.abs(v);
        }
        return g;
    }

    /** {@return the share of demand met inside the community: the dispatch's self-consumption when members share, 0 for the grid-only baseline} */
    public double selfConsumption() {
        return shared ? dispatch.selfConsumption() : 0.0;
    }

    /** {@return true when the members share energy inside the community} */
    public boolean shared() {
        return shared;
    }

    @Override
    public String toString() {
        return "CommunityBills[" + rule + " on " + dispatch.source() + ", total bill " + (gridBill() + imbalance()) + "]";
    }
}
