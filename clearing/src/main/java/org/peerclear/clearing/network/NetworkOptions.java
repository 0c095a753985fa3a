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

    public static final OptionSpec<Integer> MAX_LOSS_ITERATIONS = OptionSpec.integer("network.maxLossIterations", 20, 1,
            Integer.MAX_VALUE, "", "the most re-clearings for losses (with network.lossAware); at it the result notes it");
    public static final OptionSpec<Double> LOSS_TOLERANCE = OptionSpec.number("network.lossTolerance", 1e-6, 0, true,
            Double.POSITIVE_INFINITY, true, "power unit",
            "loss iterations stop when no asset set-point moves more than this (with network.lossAware)");
    public static final OptionSpec<Integer> MAX_TIGHTENINGS = OptionSpec.integer("network.maxTightenings", 10, 1,
            Integer.MAX_VALUE, "", "the most tightening rounds (with network.tightenToAc); at it the result notes it");

    public static final NetworkOptions DEFAULT = new NetworkOptions(LOSS_AWARE.defaultValue(), MAX_LOSS_ITERATIONS.defaultValue(),
            LOSS_TOLERANCE.defaultValue(), TIGHTEN_TO_AC.defaultValue(), MAX_TIGHTENINGS.defaultValue());

    /** Validates every value by its spec. */
    public NetworkOptions {
        MAX_LOSS_ITERATIONS.validate(maxLossIterations);
        LOSS_TOLERANCE.validate(lossTolerance);
        MAX_TIGHTENINGS.validate(maxTightenings);
    }

    public NetworkOptions withLossAware(boolean v) {
        return new NetworkOptions(v, maxLossIterations, lossTolerance, tightenToAc, maxTightenings);
    }

    public NetworkOptions withTightenToAc(boolean v) {
        return new NetworkOptions(lossAware, maxLossIterations, lossTolerance, v, maxTightenings);
    }

    public NetworkOptions withMaxLossIterations(int v) {
        return new NetworkOptions(lossAware, v, lossTolerance, tightenToAc, maxTightenings);
    }

    public NetworkOptions withLossTolerance(double v) {
        return new NetworkOptions(lossAware, maxLossIterations, v, tightenToAc, maxTightenings);
    }

    public NetworkOptions withMaxTightenings(int v) {
        return new NetworkOptions(lossAware, maxLossIterations, lossTolerance, tightenToAc, v);
    }
}
