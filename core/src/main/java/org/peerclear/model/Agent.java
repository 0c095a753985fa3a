package org.peerclear.model;

import java.util.List;

/**
 * A market participant: a prosumer with assets, or a manager / pure trader without any.
 * {@code bus} places it on the feeder (required with a network when it has assets);
 * {@code productClass} labels what it sells (e.g. {@code green}, {@code local}).
 */
public record Agent(String id, String bus, String productClass, List<Asset> assets) {
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

    public Agent(String id, List<Asset> assets) {
        this(id, null, null, assets);
    }

    /** Sum of the assets' upper bounds: the most this agent can inject. */
    public double maxInjection() {
        return assets.stream().mapToDouble(Asset::pMax).sum();
    }
}
