package org.peerclear.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerclear.games.pricing.BillSharing;
import org.peerclear.games.pricing.CommunityBills;
import org.peerclear.games.pricing.CommunityDispatch;
import org.peerclear.games.pricing.CommunityDispatches;
import org.peerclear.games.pricing.GridOnly;
import org.peerclear.games.pricing.MidMarketRate;
import org.peerclear.games.pricing.OptimisationPrices;
import org.peerclear.games.pricing.PricingRule;
import org.peerclear.games.pricing.RuleOutcome;
import org.peerclear.games.pricing.SupplyDemandRatio;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.model.HorizonAgent;
import org.peerclear.model.HorizonMarket;

/**
 * One community of ten households over a day of hourly periods (the household-day generator's
 * flexible loads, PV on every other house, no storage; the grid sells at 0.22 EUR/kWh, 0.35 in
 * the evening, and buys at 0.05), billed by each community pricing rule and compared with every
 * household alone with the grid. Each rule is applied to two dispatches: each household's best
 * response to the grid (the rules bill positions chosen without the community) and the
 * community optimisation's dispatch. Prints a Markdown table: rule | dispatch | self-consumption |
 * total saving | members' savings (min / max) | members who lose. Run:
 * {@code mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.peerclear.examples.CommunityPricingExample}
 */
public final class CommunityPricingExample {
    /** Households in the community. */
    static final int HOUSEHOLDS = 10;
    /** Hourly periods of the day. */
    static final int PERIODS = 24;
    /** The generator's seed. */
    static final long SEED = 14;

    private CommunityPricingExample() {
    }

    /**
     * Prints the table.
     *
     * @param args none
     */
    public static void main(String[] args) {
        HorizonMarket day = day();
        List<String> members = members(day);
        CommunityDispatch standalone = CommunityDispatches.standalone(day, members);
        CommunityDispatch optimised = CommunityDispatches.optimised(day, members);
        CommunityBills baseline = new GridOnly().bill(standalone);
        System.out.printf(Locale.ROOT, "Community of %d households over %d hourly periods: grid only, the households pay %.2f EUR"
                + " (assets' utility included: %.2f EUR).%n%n", HOUSEHOLDS, PERIODS, baseline.gridBill(), baseline.totalCost());
        System.out.println("| rule | dispatch | self-consumption | total saving [EUR] | members' savings min / max [EUR]"
                + " | members who lose |");
        System.out.println("|---|---|---|---|---|---|");
        for (RuleOutcome o : outcomes(standalone, optimised, baseline)) {
            System.out.println(row(o));
        }
    }

    /** {@return the day: ten households, hourly, no storage} */
    static HorizonMarket day() {
        return HouseholdDayGenerator.generate(HOUSEHOLDS, PERIODS, 0, 0, BipartiteMarketGenerator.ALL_PARTNERS, SEED);
    }

    /**
     * The members: every household.
     *
     * @param day the day
     * @return the households' ids
     */
    static List<String> members(HorizonMarket day) {
        return day.agents().stream().map(HorizonAgent::id).toList();
    }

    /**
     * Every row of the table: the baseline, each rule on both dispatches, the optimisation's prices.
     *
     * @param standalone each member's best response to the grid
     * @param optimised  the community optimisation's dispatch
     * @param baseline   the grid-only bills on the standalone dispatch
     * @return the outcomes in table order
     */
    static List<RuleOutcome> outcomes(CommunityDispatch standalone, CommunityDispatch optimised, CommunityBills baseline) {
        List<PricingRule> rules = List.of(new SupplyDemandRatio(), new MidMarketRate(), new BillSharing(BillSharing.Scope.PERIOD),
                new BillSharing(BillSharing.Scope.HORIZON));
        List<RuleOutcome> out = new ArrayList<>();
        out.add(RuleOutcome.of(baseline, baseline));
        for (CommunityDispatch d : List.of(standalone, optimised)) {
            for (PricingRule rule : rules) {
                out.add(RuleOutcome.of(rule.bill(d), baseline));
            }
        }
        out.add(RuleOutcome.of(new OptimisationPrices().bill(optimised), baseline));
        return out;
    }

    private static String row(RuleOutcome o) {
        List<String> losers = o.losers();
        return String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.2f | %.2f / %.2f | %s |", o.bills().rule(),
                o.bills().dispatch().source(), 100 * o.selfConsumption(), o.totalSaving(), o.minSaving(), o.maxSaving(),
                losers.isEmpty() ? "none" : losers.size() + " (" + String.join(", ", losers) + ")");
    }
}
