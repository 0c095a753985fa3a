package org.peerclear.clearing.network;

/**
 * Options of network-aware centralised clearing, given through
 * {@code ClearingOptions.withMethodOptions(...)}.
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
    public static final NetworkOptions DEFAULT = new NetworkOptions(false, 20, 1e-6, false, 10);

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
