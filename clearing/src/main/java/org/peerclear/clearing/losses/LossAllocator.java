package org.peerclear.clearing.losses;

import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.result.ClearingResult;

/** A rule that shares the AC losses of a cleared, network-aware dispatch. */
public interface LossAllocator {
    String name();

    /** Allocates the result's AC losses ({@code result.network()} must be present). */
    LossAllocation allocate(ClearingResult result, NetworkModel model);

    /** The three built-in methods. */
    static java.util.List<LossAllocator> builtIn() {
        return java.util.List.of(new ProRataAllocator(), new MarginalLossFactorAllocator(), new PathBasedAllocator());
    }
}
