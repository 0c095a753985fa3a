package org.peerclear.model;

import java.util.List;

/**
 * A community: each member trades only with the manager; the manager trades with other
 * managers, independent agents and the grid along the trade graph. A pool is one community
 * holding every agent with assets.
 */
public record Community(String id, String manager, List<String> members) {
    /**
     * Validates the ids and copies the members; that they are agents of the market is checked by {@link Market}.
     *
     * @param id      unique community id, not blank
     * @param manager the id of the agent that trades for the community, not blank
     * @param members the member agent ids, copied; at least one
     * @throws InvalidMarketException if an id is blank or there are no members
     */
    public Community {
        Checks.nonBlank("communities[].id", id);
        Checks.nonBlank("communities[" + id + "].manager", manager);
        members = List.copyOf(members == null ? List.of() : members);
        if (members.isEmpty()) {
            throw new InvalidMarketException("communities[" + id + "].members", "must list at least one agent");
        }
    }
}
