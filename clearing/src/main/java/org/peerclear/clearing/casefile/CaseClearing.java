package org.peerclear.clearing.casefile;

import java.util.Map;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.charges.NetworkCharges;
import org.peerclear.clearing.losses.LossAllocator;
import org.peerclear.clearing.milp.IntegerRules;
import org.peerclear.clearing.multiclass.MultiClassMethod;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.clearing.preference.ClassPreferences;
import org.peerclear.model.IntegerRuleSpec;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkTariff;
import org.peerclear.model.ProductClasses;
import org.peerclear.result.ClearingResult;

/**
 * Clears a market as its case describes it: the one place that turns a case's integer rules,
 * classes and network tariff into what the library's methods take.
 *
 * <ul>
 *   <li>integer rules: {@link IntegerRules} for method {@code milp}; every other method refuses them;</li>
 *   <li>{@code classMarkets}: method {@code multiclass} (asked for, or {@code auto}); others refuse;</li>
 *   <li>premiums ({@link ClassPreferences}) and network charges ({@link NetworkCharges}) raise the
 *       arcs' gammas before clearing; the market cleared, which the result holds, carries them as
 *       gammas and no longer as premiums or charges;</li>
 *   <li>{@code lossAware} and {@code tightenToAc}: {@link NetworkOptions} of the method;</li>
 *   <li>{@code losses}: allocated and priced after clearing ({@link LossPricing}).</li>
 * </ul>
 */
public final class CaseClearing {
    private CaseClearing() {
    }

    /**
     * Clears {@code market} as its case describes it, with {@code method} or the one its case requires. The loss
     * allocator named by the case is resolved before clearing, so a misspelt name fails before a long clear, not
     * after it; so is the network-charge policy, when the charges become gammas (every method but
     * {@code multiclass}).
     *
     * @param market  the market read from a case, with its integer rules, classes and network tariff
     * @param method  a registered clearing method's name, e.g. {@code auto}; with {@code classMarkets},
     *                {@code auto} or {@code multiclass}
     * @param options the options of the clear; the case's {@code lossAware} and {@code tightenToAc} are set into
     *                their {@link NetworkOptions} (others kept), its integer rules given to {@code milp}
     * @return the method's result; with {@code network.losses}, its {@code lossAllocation} section added
     * @throws IllegalArgumentException if the method is unknown (naming the close matches), does not take the
     *         case's integer rules or class markets (naming the field and the method that does), or refuses the
     *         market or the options
     * @throws InvalidMarketException if the case's loss allocator ({@code network.losses.allocation}) or
     *         network-charge policy ({@code network.charges.kind}) is not registered, naming the field and the close
     *         matches
     */
    public static ClearingResult clear(Market market, String method, ClearingOptions options) {
        ClearingMethods methods = ClearingMethods.load();
        IntegerRuleSpec rules = market.integerRules();
        ProductClasses classes = market.productClasses();
        NetworkTariff tariff = market.networkTariff();
        String name = method;
        if (classes.classMarkets()) {
            if (!name.equals("auto") && !name.equals("multiclass")) {
                throw new IllegalArgumentException("classMarkets: the case clears one market per class (method multiclass);"
                        + " --method " + name + " does not clear class markets (use auto or multiclass)");
            }
            name = "multiclass";
            if (!rules.isEmpty()) {
                throw new IllegalArgumentException(rules.firstField(market) + ": the class markets do not take integer rules");
            }
        }
        if (!rules.isEmpty()) {
            if (!name.equals("milp")) {
                throw new IllegalArgumentException(rules.firstField(market) + ": the case has integer rules (block, minStable,"
                        + " minQuantity), which only --method milp solves; method " + name + " would ignore them");
            }
            options = options.withMethodOptions(new IntegerRules(rules.block(), rules.minStable(), rules.minQuantity()));
        }
        ClearingMethod m = methods.get(name);
        // Resolved before clearing: a misspelt allocator fails now, not after a long clear.
        LossAllocator allocator = tariff.losses() == null ? null : allocator(tariff.losses().allocation());
        Market cleared = pricesArcs(name) ? priced(market) : market;
        if (tariff.lossAware() || tariff.tightenToAc()) {
            NetworkOptions no = options.methodOptions(NetworkOptions.class).orElse(NetworkOptions.DEFAULT);
            options = options.withMethodOptions(no.withLossAware(tariff.lossAware()).withTightenToAc(tariff.tightenToAc()));
        }
        ClearingResult r = m.clear(cleared, options);
        if (tariff.losses() != null) {
            r = LossPricing.add(r, tariff.losses(), allocator);
        }
        return r;
    }

    /**
     * Whether a method clears over the case's arcs, their gammas (fees, premiums, network charges)
     * priced: every method but {@code multiclass}, whose class markets do not use the trade graph.
     * The settlement asks this to charge fees and network charges exactly where the clearing
     * priced them.
     *
     * @param method the clearing method's name as a result names it
     * @return {@code true} when the arcs' gammas were part of the clearing
     */
    public static boolean pricesArcs(String method) {
        return !method.equals("multiclass");
    }

    private static LossAllocator allocator(String name) {
        try {
            return LossAllocator.registered().get(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidMarketException("network.losses.allocation", e.getMessage(), e);
        }
    }

    /** The market with premiums and network charges turned into the arcs' gammas. */
    static Market priced(Market market) {
        ProductClasses classes = market.productClasses();
        NetworkTariff tariff = market.networkTariff();
        Market m = market;
        if (!classes.premiums().isEmpty()) {
            m = ClassPreferences.of(classes.premiums()).apply(m).toBuilder()
                    .productClasses(new ProductClasses(classes.declared(), Map.of(), classes.classMarkets())).build();
        }
        if (tariff.charges() != null) {
            m = NetworkCharges.of(tariff.charges()).apply(m).toBuilder()
                    .networkTariff(new NetworkTariff(null, tariff.losses(), tariff.lossAware(), tariff.tightenToAc())).build();
        }
        return m;
    }
}
