package org.peerclear.clearing.network;

import org.peerclear.options.OptionSpec;

/**
 * Options of network-aware centralised clearing, given through
 * {@code ClearingOptions.withMethodOptions(...)}. The options a user sets by name
 * ({@code network.*}) have their specs here, beside the values they describe.
 *
 * @param lossAware         add linearised losses, priced at the grid's import price, and iterate
 *                          the loss factors around each new operating point
 * @param maxLossIterations the most re-clearings for losses
 * @param lossTolerance     stop when no asset set-point moves more than this (market power units)
 * @param tightenToAc       when the AC voltages of the result violate a limit, tighten that bus's
 *                          limit by the measured violation and clear again
 * @param maxTightenings    the most tightening rounds
 */
public record NetworkOptions(boolean lossAware, int maxLossIterations, double lossTolerance, boolean tightenToAc,
                             int maxTightenings) {
    public static final OptionSpec<Boolean> LOSS_AWARE = OptionSpec.bool("network.lossAware", false,
            "add linearised losses priced at the grid's import price and iterate the loss factors (needs a network and a grid)");
    public static final OptionSpec<Boolean> TIGHTEN_TO_AC = OptionSpec.bool("network.tightenToAc", false,
            "tighten a bus's voltage limit by the AC violation and clear again (needs a network)");

    public static final NetworkOptions DEFAULT = new NetworkOptions(LOSS_AWARE.defaultValue(), 20, 1e-6,
            TIGHTEN_TO_AC.defaultValue(), 10);

    // Not set by name (fine tuning for library users), so no spec: checked here.
    public NetworkOptions {
        if (maxLossIterations < 1) {
            throw new IllegalArgumentException("Invalid value for parameter maxLossIterations: " + maxLossIterations);
        }
        if (!(lossTolerance > 0) || Double.isInfinite(lossTolerance)) {
            throw new IllegalArgumentException("Invalid value for parameter lossTolerance: " + lossTolerance);
        }
        if (maxTightenings < 1) {
            throw new IllegalArgumentException("Invalid value for parameter maxTightenings: " + maxTightenings);
        }
    }

    public NetworkOptions withLossAware(boolean v) {
        return new NetworkOptions(v, maxLossIterations, lossTolerance, tightenToAc, maxTightenings);
    }

    public NetworkOptions withTightenToAc(boolean v) {
        return new NetworkOptions(lossAware, maxLossIterations, lossTolerance, v, maxTightenings);
    }
}
