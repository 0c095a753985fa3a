package org.peerclear.model;

import java.util.List;

/**
 * A market participant: a prosumer with assets, or a manager / pure trader without any.
 * {@code bus} places it on the feeder (required with a network when it has assets);
 * {@code productClass} labels what it sells (e.g. {@code green}, {@code local}).
 */
public record Agent(String id, String bus, String productClass, List<Asset> assets) {
    /**
     * Validates the ids and copies the assets.
     *
     * @param id           unique agent id, not blank
     * @param bus          the feeder bus it sits on; null when not placed (allowed without a network)
     * @param productClass what it sells, e.g. {@code green}; null for no class
     * @param assets       its assets, copied; null or empty for a manager or pure trader
     * @throws InvalidMarketException if the id is blank or {@code bus} / {@code productClass} is blank but not null
     */
    public Agent {
        Checks.nonBlank("agent.id", id);
        if (bus != null && bus.isBlank()) {
            throw new InvalidMarketException("agents[" + id + "].bus", "must be a non-empty string when present");
        }
        if (productClass != null && productClass.isBlank()) {
            throw new InvalidMarketException("agents[" + id + "].class", "must be a non-empty string when present");
        }
        assets = List.copyOf(assets == null ? List.of() : assets);
    }

    /**
     * An agent with no bus and no product class.
     *
     * @param id     unique agent id, not blank
     * @param assets its assets; null or empty for none
     */
    public Agent(String id, List<Asset> assets) {
        this(id, null, null, assets);
    }

    /** {@return the sum of the assets' upper bounds: the most this agent can inject, in the power unit (negative for a pure consumer)} */
    public double maxInjection() {
        return assets.stream().mapToDouble(Asset::pMax).sum();
    }
}
