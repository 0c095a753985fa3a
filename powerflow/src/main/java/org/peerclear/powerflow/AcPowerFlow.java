package org.peerclear.powerflow;

/**
 * Entry point for exact AC power flow. {@link Method#AUTO} uses the backward/forward sweep on radial
 * feeders and Newton-Raphson on meshed ones.
 *
 * <p>Injections are extra powers per bus index on top of the feeder's fixed loads, kW / kvar,
 * positive = generation (the market's convention). Non-convergence is reported in
 * {@link PowerFlowResult#status()}, never thrown.
 *
 * <p>For repeated solves on the same feeder (clearing loops) create a {@link BackwardForwardSweep}
 * or {@link NewtonRaphson} once and reuse it (one per thread).
 */
public final class AcPowerFlow {
    /**
     * Default mismatch tolerance of Newton-Raphson, pu on base MVA (its mismatch has a rounding floor
     * near 1e-10 pu on cases with very different impedance levels, e.g. case141).
     */
    public static final double DEFAULT_TOLERANCE_PU = 1e-9;
    /**
     * Default mismatch tolerance of the backward/forward sweep, pu. Tighter than Newton's because the
     * sweep converges linearly and its mismatch at 1e-9 pu still leaves ~1e-8 pu voltage error on
     * feeders with large per-unit impedances (LV networks on a 100 MVA base, case1197).
     */
    public static final double DEFAULT_SWEEP_TOLERANCE_PU = 1e-12;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    /**
     * The sweep gives up when a voltage magnitude falls below 0.01 pu (this is its square, pu²): a
     * feeder that far down has collapsed, and the next pass would divide by nearly zero. Kept with
     * the tolerances so that the module's numerical judgements are in one place.
     */
    static final double SWEEP_COLLAPSE_V2 = 1e-4;

    /** Solution method. */
    public enum Method {
        /** Sweep if radial, Newton-Raphson otherwise. */
        AUTO,
        /** Backward/forward sweep (radial only). */
        SWEEP,
        /** Newton-Raphson with a sparse Jacobian. */
        NEWTON
    }

    /**
     * Options.
     *
     * @param method        method
     * @param tolerancePu   mismatch tolerance, pu; {@code NaN} = the method's default
     *                      ({@link #DEFAULT_SWEEP_TOLERANCE_PU} or {@link #DEFAULT_TOLERANCE_PU})
     * @param maxIterations iteration limit
     */
    public record Options(Method method, double tolerancePu, int maxIterations) {
        /**
         * Validates.
         *
         * @param method        not null
         * @param tolerancePu   positive and finite, or NaN for the method's default
         * @param maxIterations at least 1
         * @throws IllegalArgumentException if one is out of range
         */
        public Options {
            if (method == null) {
                throw new IllegalArgumentException("method is null");
            }
            if (!Double.isNaN(tolerancePu) && (!(tolerancePu > 0) || !Double.isFinite(tolerancePu))) {
                throw new IllegalArgumentException("tolerancePu must be positive, got " + tolerancePu);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
        }

        /** {@return {@link Method#AUTO} with each method's default tolerance and {@link #DEFAULT_MAX_ITERATIONS}} */
        public static Options defaults() {
            return new Options(Method.AUTO, Double.NaN, DEFAULT_MAX_ITERATIONS);
        }

        /**
         * The tolerance used for a (resolved, non-AUTO) method.
         *
         * @param m the method that will run, {@code SWEEP} or {@code NEWTON}
         * @return {@code tolerancePu} if set, else that method's default, pu
         */
        public double toleranceFor(Method m) {
            if (!Double.isNaN(tolerancePu)) {
                return tolerancePu;
            }
            return m == Method.NEWTON ? DEFAULT_TOLERANCE_PU : DEFAULT_SWEEP_TOLERANCE_PU;
        }

        /**
         * Same options with another method.
         *
         * @param m the method; not null
         * @return new options, tolerance and iteration limit unchanged
         */
        public Options withMethod(Method m) {
            return new Options(m, tolerancePu, maxIterations);
        }
    }

    private AcPowerFlow() {
    }

    /**
     * Solves with the fixed loads only and default options.
     *
     * @param feeder the feeder
     * @return the solution; check {@link PowerFlowResult#converged()}
     */
    public static PowerFlowResult solve(Feeder feeder) {
        return solve(feeder, null, null, Options.defaults());
    }

    /**
     * Solves the AC power flow.
     *
     * @param feeder   the feeder
     * @param pInjKw   extra active injections per bus index, kW (positive = generation), or null
     * @param qInjKvar extra reactive injections per bus index, kvar, or null
     * @param options  method and tolerances
     * @return the solution; non-convergence is its status, not an exception
     * @throws NotRadialException       if {@link Method#SWEEP} is asked for a meshed feeder
     * @throws IllegalArgumentException on NaN / wrongly sized inputs
     */
    public static PowerFlowResult solve(Feeder feeder, double[] pInjKw, double[] qInjKvar, Options options) {
        Method m = options.method();
        if (m == Method.AUTO) {
            m = feeder.isRadial() ? Method.SWEEP : Method.NEWTON;
        }
        if (m == Method.SWEEP) {
            return new BackwardForwardSweep(feeder).solve(pInjKw, qInjKvar, options.toleranceFor(m),
                    options.maxIterations());
        }
        return new NewtonRaphson(feeder).solve(pInjKw, qInjKvar, options.toleranceFor(m), options.maxIterations());
    }

    /**
     * Marginal loss factors at the AC solution for the given injections: {@code [0][i] = dLoss/dp_i},
     * {@code [1][i] = dLoss/dq_i} (kW of total active branch loss per kW / kvar injected at bus index
     * i, slack-balanced; 0 at the slack). Negative values mean injecting at that bus reduces losses.
     *
     * @param feeder   the feeder
     * @param pInjKw   extra active injections per bus index, kW (positive = generation), or null
     * @param qInjKvar extra reactive injections per bus index, kvar, or null
     * @return {@code [2][busCount]}: row 0 per kW, row 1 per kvar; dimensionless
     * @throws IllegalStateException if the AC power flow does not converge
     */
    public static double[][] marginalLossFactors(Feeder feeder, double[] pInjKw, double[] qInjKvar) {
        PowerFlowResult r = solve(feeder, pInjKw, qInjKvar, Options.defaults());
        if (!r.converged()) {
            throw new IllegalStateException("AC power flow on " + feeder.name() + " did not converge (" + r.status()
                    + "), no loss factors");
        }
        return new NewtonRaphson(feeder).marginalLossFactors(r);
    }
}
