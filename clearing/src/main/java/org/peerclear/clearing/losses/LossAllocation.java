package org.peerclear.clearing.losses;

import java.util.Map;

/**
 * How one method shares the AC losses of a cleared dispatch, in kW: per participant (market
 * agents by id, the feeder's own loads as {@code load@<bus>}) and, for methods that see them,
 * per bilateral trade ({@code seller->buyer}). The shares add up to {@code totalKw}.
 *
 * @param method        the allocator's name
 * @param totalKw       the AC losses allocated, kW
 * @param byParticipant participant to its share, kW (negative: credited for reducing losses)
 * @param byTrade       {@code seller->buyer} to its share, kW; empty for methods that do not see trades
 */
public record LossAllocation(String method, double totalKw, Map<String, Double> byParticipant, Map<String, Double> byTrade) {
    /**
     * Copies the maps, keeping their order.
     *
     * @param method        the allocator's name
     * @param totalKw       the AC losses allocated, kW
     * @param byParticipant participant to its share, kW
     * @param byTrade       {@code seller->buyer} to its share, kW
     */
    public LossAllocation {
        byParticipant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byParticipant));
        byTrade = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byTrade));
    }

    /** {@return Σ of the participant shares, kW; equals {@link #totalKw()} for every method} */
    public double allocatedKw() {
        return byParticipant.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * A participant's share.
     *
     * @param participant an agent id, or {@code load@BUS} for the feeder's own load at a bus
     * @return kW; 0 for a participant without a share
     */
    public double share(String participant) {
        return byParticipant.getOrDefault(participant, 0.0);
    }
}
