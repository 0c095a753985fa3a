package org.peerclear.games.stackelberg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A follower's answer to the leader's prices.
 *
 * @param agentId       the follower
 * @param assetPower    each asset's power, power unit ({@code > 0} injects), in declaration order; unmodifiable
 * @param net           the follower's net position {@code Σ p}, power unit ({@code > 0} exports)
 * @param imported      {@code max(−net, 0)}: what it buys from the leader
 * @param exported      {@code max(net, 0)}: what it sells to the leader
 * @param marginalValue its marginal value of energy: the sell price if it exports, the buy price if it
 *                      imports, a value in the dead band {@code [sell, buy]} otherwise (currency per unit of power for one period)
 * @param assetCost     its assets' cost {@code Σ ½·a·p² + b·p}, currency per period (negative: a net utility)
 * @param payment       what it pays the leader, {@code buy·imported − sell·exported} (negative when paid)
 */
public record FollowerResponse(String agentId, Map<String, Double> assetPower, double net, double imported,
                               double exported, double marginalValue, double assetCost, double payment) {
    /**
     * Copies the map, keeping its order.
     *
     * @param agentId the follower
     * @param assetPower each asset's power, copied in its order
     * @param net the net position
     * @param imported what it buys
     * @param exported what it sells
     * @param marginalValue its marginal value of energy
     * @param assetCost its assets' cost
     * @param payment what it pays the leader
     */
    public FollowerResponse {
        assetPower = Collections.unmodifiableMap(new LinkedHashMap<>(assetPower));
    }

    /** {@return the follower's total cost, {@code assetCost + payment}: what its best response minimises} */
    public double totalCost() {
        return assetCost + payment;
    }
}
