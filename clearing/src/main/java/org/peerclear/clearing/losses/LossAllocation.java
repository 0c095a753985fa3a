package org.peerclear.clearing.losses;

import java.util.Map;

/**
 * How one method shares the AC losses of a cleared dispatch, in kW: per participant (market
 * agents by id, the feeder's own loads as {@code load@<bus>}) and, for methods that see them,
 * per bilateral trade ({@code seller->buyer}). The shares add up to {@code totalKw}.
 */
public record LossAllocation(String method, double totalKw, Map<String, Double> byParticipant, Map<String, Double> byTrade) {
    public LossAllocation {
        byParticipant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byParticipant));
        byTrade = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byTrade));
    }

    /** Σ of the participant shares; equals {@link #totalKw()} for every method. */
    public double allocatedKw() {
        return byParticipant.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double share(String participant) {
        return byParticipant.getOrDefault(participant, 0.0);
    }
}
