package org.peerclear.clearing.network;

import org.peerclear.options.OptionSpec;

/**
 * Options of network-aware centralised clearing, given through
 * {@code ClearingOptions.withMethodOptions(...)}. The options a user sets by name
 * ({@code network.*}) have their specs here, beside the values they describe. The centralised
 * methods ({@code lp}, {@code qp}, and {@code auto} without ADMM options) run the re-clearing
 * loops; ADMM refuses loss-aware clearing and tightening to AC. Immutable; each {@code with...} returns a
 * validated copy, and a value that breaks its spec's rule is an
 * {@link org.peerclear.options.InvalidOptionException} (an {@link IllegalArgumentException}) with
 * the spec's message, e.g. {@code invalid value '0' for option network.maxTightenings: must be an integer >= 1}.
 *
 * @param lossAware         add linearised losses, priced at the grid's import price, and iterate
 *                          the loss factors around each new operating point ({@code network.lossAware};
 *                          default false)
 * @param maxLossIterations the most re-clearings for losses, {@code >= 1} ({@code network.maxLossIterations};
 *                          default 20)
 * @param lossTolerance     stop when no asset set-point moves more than this (market power units), finite
 *                          and {@code > 0} ({@code network.lossTolerance}; default 1e-6)
 * @param tightenToAc       when the AC voltages of the result violate a limit, tighten that bus's
 *                          limit by the measured violation and clear again ({@code network.tightenToAc};
 *                          default false)
 * @param maxTightenings    the most tightening rounds, {@code >= 1} ({@code network.maxTightenings};
 *                          default 10)
 */
public record NetworkOptions(boolean lossAware, int maxLossIterations, double lossTolerance, boolean tightenToAc,
                             int maxTightenings) {
    /**
     * {@code network.lossAware}: clear with linearised losses priced at the grid's import price and iterate the loss
     * factors, {@code true} or {@code false}; default false. Needs a market with a network and a grid.
     */
    public static final OptionSpec<Boolean> LOSS_AWARE = OptionSpec.bool("network.lossAware", false,
            "add linearised losses priced at the grid's import price and iterate the loss factors (needs a network and a grid)");
    /**
     * {@code network.tightenToAc}: tighten a bus's voltage limit by the AC violation and clear again, {@code true} or
     * {@code false}; default false. Needs a market with a network.
     */
    public static final OptionSpec<Boolean> TIGHTEN_TO_AC = OptionSpec.bool("network.tightenToAc", false,
            "tighten a bus's voltage limit by the AC violation and clear again (needs a network)");

    /**
     * {@code network.maxLossIterations}: the most re-clearings for losses, an integer {@code >= 1}; default 20. Used
     * only with {@code network.lossAware}; a result that reached it says so in a note.
     */
    public static final OptionSpec<Integer> MAX_LOSS_ITERATIONS = OptionSpec.integer("network.maxLossIterations", 20, 1,
            Integer.MAX_VALUE, "", "the most re-clearings for losses (with network.lossAware); at it the result notes it");
    /**
     * {@code network.lossTolerance}: the loss iterations stop when no asset set-point moves more than this, in the
     * market's power unit; a finite number {@code > 0}, default 1e-6. Used only with {@code network.lossAware}.
     */
    public static final OptionSpec<Double> LOSS_TOLERANCE = OptionSpec.number("network.lossTolerance", 1e-6, 0, true,
            Double.POSITIVE_INFINITY, true, "power unit",
            "loss iterations stop when no asset set-point moves more than this (with network.lossAware)");
    /**
     * {@code network.maxTightenings}: the most tightening rounds, an integer {@code >= 1}; default 10. Used only with
     * {@code network.tightenToAc}; the result's note says whether the AC voltages ended within their limits.
     */
    public static final OptionSpec<Integer> MAX_TIGHTENINGS = OptionSpec.integer("network.maxTightenings", 10, 1,
            Integer.MAX_VALUE, "", "the most tightening rounds (with network.tightenToAc); at it the result notes it");

    /** The specs' defaults: neither loss-aware nor tightening to AC; 20 loss iterations at 1e-6, 10 tightenings. */
    public static final NetworkOptions DEFAULT = new NetworkOptions(LOSS_AWARE.defaultValue(), MAX_LOSS_ITERATIONS.defaultValue(),
            LOSS_TOLERANCE.defaultValue(), TIGHTEN_TO_AC.defaultValue(), MAX_TIGHTENINGS.defaultValue());

    /**
     * Validates every value by its spec.
     *
     * @param lossAware         add linearised losses, priced at the grid's import price, and iterate
     *                          the loss factors ({@code network.lossAware})
     * @param maxLossIterations the most re-clearings for losses, {@code >= 1} ({@code network.maxLossIterations})
     * @param lossTolerance     the largest set-point move that ends the loss iterations, market power units, finite
     *                          and {@code > 0} ({@code network.lossTolerance})
     * @param tightenToAc       tighten violated bus limits and clear again ({@code network.tightenToAc})
     * @param maxTightenings    the most tightening rounds, {@code >= 1} ({@code network.maxTightenings})
     * @throws IllegalArgumentException if a value breaks its spec's rule, with that option's message
     */
    public NetworkOptions {
        MAX_LOSS_ITERATIONS.validate(maxLossIterations);
        LOSS_TOLERANCE.validate(lossTolerance);
        MAX_TIGHTENINGS.validate(maxTightenings);
    }

    /**
     * A copy with loss-aware clearing on or off ({@code network.lossAware}).
     *
     * @param v {@code true} to iterate linearised losses (the market needs a network and a grid)
     * @return the copy
     */
    public NetworkOptions withLossAware(boolean v) {
        return new NetworkOptions(v, maxLossIterations, lossTolerance, tightenToAc, maxTightenings);
    }

    /**
     * A copy with tightening to AC on or off ({@code network.tightenToAc}).
     *
     * @param v {@code true} to tighten violated bus limits and clear again (the market needs a network)
     * @return the copy
     */
    public NetworkOptions withTightenToAc(boolean v) {
        return new NetworkOptions(lossAware, maxLossIterations, lossTolerance, v, maxTightenings);
    }

    /**
     * A copy with another limit of re-clearings for losses ({@code network.maxLossIterations}).
     *
     * @param v {@code >= 1}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v < 1}, with {@code network.maxLossIterations}'s message
     */
    public NetworkOptions withMaxLossIterations(int v) {
        return new NetworkOptions(lossAware, v, lossTolerance, tightenToAc, maxTightenings);
    }

    /**
     * A copy with another tolerance of the loss iterations ({@code network.lossTolerance}).
     *
     * @param v the largest set-point move that ends them, market power units: finite and {@code > 0}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v} is not finite and {@code > 0}, with {@code network.lossTolerance}'s
     *         message
     */
    public NetworkOptions withLossTolerance(double v) {
        return new NetworkOptions(lossAware, maxLossIterations, v, tightenToAc, maxTightenings);
    }

    /**
     * A copy with another limit of tightening rounds ({@code network.maxTightenings}).
     *
     * @param v {@code >= 1}
     * @return the validated copy
     * @throws IllegalArgumentException if {@code v < 1}, with {@code network.maxTightenings}'s message
     */
    public NetworkOptions withMaxTightenings(int v) {
        return new NetworkOptions(lossAware, maxLossIterations, lossTolerance, tightenToAc, v);
    }
}
