package org.peerclear.clearing.losses;

import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.result.ClearingResult;

/**
 * A rule that shares the AC losses of a cleared, network-aware dispatch. Implementations are
 * found by {@link #name()} through {@link LossAllocators} (ServiceLoader: list the class in
 * {@code META-INF/services/org.peerclear.clearing.losses.LossAllocator}).
 */
public interface LossAllocator {
    String name();

    /** Allocates the result's AC losses ({@code result.network()} must be present). */
    LossAllocation allocate(ClearingResult result, NetworkModel model);

    /** The three built-in methods, as {@link LossAllocators} finds them. */
    static java.util.List<LossAllocator> builtIn() {
        return LossAllocators.load().all();
    }
}
