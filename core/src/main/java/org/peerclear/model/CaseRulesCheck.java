package org.peerclear.model;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rules that tie a market's integer rules, classes and network tariff to its agents and
 * assets: every id they name exists, every class is declared, a tariff has a network.
 */
final class CaseRulesCheck {
    private CaseRulesCheck() {
    }

    static void check(Market m) {
        Map<String, Asset> assets = new java.util.HashMap<>();
        Map<String, String> owner = new java.util.HashMap<>();
        for (Agent a : m.agents()) {
            for (Asset s : a.assets()) {
                assets.put(s.id(), s);
                owner.put(s.id(), a.id());
            }
        }
        IntegerRuleSpec r = m.integerRules();
        Set<String> seen = new HashSet<>();
        for (String id : r.block()) {
            Asset s = asset(assets, id, "block");
            String at = Checks.assetPath(owner.get(id), id) + "block";
            if (s.pMin() != 0.0 && s.pMax() != 0.0) {
                throw new InvalidMarketException(at, "a block offer needs pMin = 0 (a producer) or pMax = 0 (a consumer); the asset has ["
                        + s.pMin() + ", " + s.pMax() + "]");
            }
            seen.add(id);
        }
        for (Map.Entry<String, Double> e : r.minStable().entrySet()) {
            Asset s = asset(assets, e.getKey(), "minStable");
            String at = Checks.assetPath(owner.get(e.getKey()), e.getKey()) + "minStable";
            double x = e.getValue();
            Checks.inRange(at, x);
            if (!(x > 0)) {
                throw new InvalidMarketException(at, "must be > 0, got " + x);
            }
            if (seen.contains(e.getKey())) {
                throw new InvalidMarketException(at, "an asset is a block offer or has a minimum stable output, not both");
            }
            boolean fits = (s.pMin() == 0.0 && s.pMax() >= x) || (s.pMax() == 0.0 && s.pMin() <= -x);
            if (!fits) {
                throw new InvalidMarketException(at, x + " does not fit the asset's bounds [" + s.pMin() + ", " + s.pMax()
                        + "] (needs pMin = 0 and pMax >= minStable, or pMax = 0 and pMin <= -minStable)");
            }
        }
        ProductClasses c = m.productClasses();
        if (!c.isEmpty()) {
            for (Agent a : m.agents()) {
                if (a.productClass() != null && !c.declared().contains(a.productClass())) {
                    throw undeclared("agents[" + a.id() + "].class", a.productClass(), c);
                }
            }
            c.premiums().forEach((agent, byClass) -> {
                if (m.agents().stream().noneMatch(a -> a.id().equals(agent))) {
                    throw new InvalidMarketException("agents[" + agent + "].premiums", "no agent has the id '" + agent + "'");
                }
                byClass.keySet().stream().filter(k -> !c.declared().contains(k)).findFirst()
                        .ifPresent(k -> {
                            throw undeclared("agents[" + agent + "].premiums." + k, k, c);
                        });
            });
        }
        if (!m.networkTariff().isEmpty() && m.network().isEmpty()) {
            throw new InvalidMarketException("network", "network charges, losses, lossAware and tightenToAc need a network");
        }
    }

    private static Asset asset(Map<String, Asset> assets, String id, String rule) {
        Asset s = assets.get(id);
        if (s == null) {
            throw new InvalidMarketException("assets[" + id + "]." + rule, "no asset has the id '" + id + "'");
        }
        return s;
    }

    static InvalidMarketException undeclared(String at, String label, ProductClasses c) {
        return new InvalidMarketException(at, "class '" + label + "' is not declared in the top-level \"classes\" (declared: "
                + (c.declared().isEmpty() ? "none" : String.join(", ", c.declared())) + ")");
    }
}
