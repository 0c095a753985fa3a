package org.peerclear.games.pricing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.peerclear.games.GameTolerances;

/**
 * A pricing rule's outcome against the grid-only baseline: each member's saving (its baseline
 * cost minus its cost under the rule, assets included, so that a rule on another dispatch is
 * compared fairly), the community's total saving, and who loses. A member loses when its saving
 * is below minus {@link GameTolerances#MEMBER_LOSS} of its baseline cost's gross terms.
 */
public final class RuleOutcome {
    private final CommunityBills rule;
    private final CommunityBills baseline;
    private final double[] saving;
    private final List<String> losers;

    private RuleOutcome(CommunityBills rule, CommunityBills baseline) {
        this.rule = rule;
        this.baseline = baseline;
        List<String> members = rule.dispatch().members();
        this.saving = new double[members.size()];
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < saving.length; i++) {
            saving[i] = baseline.cost(i) - rule.cost(i);
            if (saving[i] < -GameTolerances.MEMBER_LOSS * Math.max(1.0, baseline.grossCost(i))) {
                lost.add(members.get(i));
            }
        }
        this.losers = Collections.unmodifiableList(lost);
    }

    /**
     * Compares a rule's bills with the baseline's.
     *
     * @param rule     a rule's bills
     * @param baseline the grid-only baseline's bills (on the standalone dispatch), the same members in the same order
     * @return the outcome
     * @throws IllegalArgumentException if the members differ
     */
    public static RuleOutcome of(CommunityBills rule, CommunityBills baseline) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(baseline, "baseline");
        if (!rule.dispatch().members().equals(baseline.dispatch().members())) {
            throw new IllegalArgumentException("the rule and the baseline must bill the same members in the same order");
        }
        return new RuleOutcome(rule, baseline);
    }

    /** {@return the rule's bills} */
    public CommunityBills bills() {
        return rule;
    }

    /** {@return the baseline's bills} */
    public CommunityBills baseline() {
        return baseline;
    }

    /** {@return the share of demand met inside the community under the rule, in {@code [0, 1]}} */
    public double selfConsumption() {
        return rule.selfConsumption();
    }

    /**
     * A member's saving against the baseline.
     *
     * @param i a member's index
     * @return currency over the horizon; negative when it loses
     */
    public double saving(int i) {
        return saving[i];
    }

    /** {@return the members' savings added up, currency} */
    public double totalSaving() {
        double s = 0;
        for (double v : saving) {
            s += v;
        }
        return s;
    }

    /** {@return the smallest member's saving, currency} */
    public double minSaving() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : saving) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** {@return the largest member's saving, currency} */
    public double maxSaving() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : saving) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** {@return the ids of the members who pay more than in the baseline, in member order; unmodifiable} */
    public List<String> losers() {
        return losers;
    }

    @Override
    public String toString() {
        return "RuleOutcome[" + rule.rule() + " on " + rule.dispatch().source() + ", saving " + totalSaving() + ", losers "
                + losers + "]";
    }
}
