package org.peerclear.clearing.losses;

import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.result.ClearingResult;
import org.peerclear.spi.Named;
import org.peerclear.spi.Registry;

/**
 * A rule that shares the AC losses of a cleared, network-aware dispatch. Implementations are
 * found by {@link #name()}, the case file's {@code network.losses.allocation}, through
 * {@link #registered()}: a new one is one class plus one line naming it in
 * {@code META-INF/services/org.peerclear.clearing.losses.LossAllocator}, as the built-in
 * {@code pro-rata}, {@code marginal} and {@code path} are.
 */
public interface LossAllocator extends Named {
    /**
     * The registered allocators, read anew from the thread's context class loader.
     *
     * @return the registry, sorted by name
     * @throws IllegalStateException when two allocators have one name
     */
    static Registry<LossAllocator> registered() {
        return Registry.load(LossAllocator.class, "loss allocation");
    }

    /**
     * Allocates the result's AC losses.
     *
     * @param result a cleared, network-aware result with a solution; {@code result.network()} must be present
     * @param model  the network model of the result's market, in the result's index
     * @return the shares, in kW, per participant (and, for allocators that see them, per trade), adding up to the
     *         losses
     */
    LossAllocation allocate(ClearingResult result, NetworkModel model);
}
