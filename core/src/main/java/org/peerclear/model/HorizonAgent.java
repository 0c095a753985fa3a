package org.peerclear.model;

import java.util.List;

/**
 * An agent of a {@link HorizonMarket}: as {@link Agent}, with assets that may vary by period or
 * have memory. The assets keep their declared order, which is their order in every period's
 * {@link Market}.
 */
public record HorizonAgent(String id, String bus, String productClass, List<HorizonAsset> assets) {
    /**
     * Validates the id and copies the assets.
     *
     * @param id           unique agent id, not blank
     * @param bus          the feeder bus it sits on; null when not placed
     * @param productClass what it sells; null for no class
     * @param assets       its assets in declared order, each naming this agent; null or empty for none
     * @throws InvalidMarketException if the id is blank or an asset names another agent
     */
    public HorizonAgent {
        Checks.nonBlank("agent.id", id);
        assets = List.copyOf(assets == null ? List.of() : assets);
        for (HorizonAsset s : assets) {
            if (!s.agentId().equals(id)) {
                throw new InvalidMarketException("agents[" + id + "].assets[" + s.id() + "]",
                        "belongs to agent '" + s.agentId() + "', not '" + id + "'");
            }
        }
    }

    /**
     * The agent in period {@code t}.
     *
     * @param t a period, {@code 0..T-1}
     * @return the agent with each asset's {@link HorizonAsset#inPeriod(int)}, built anew
     */
    public Agent inPeriod(int t) {
        return new Agent(id, bus, productClass, assets.stream().map(s -> s.inPeriod(t)).toList());
    }
}
