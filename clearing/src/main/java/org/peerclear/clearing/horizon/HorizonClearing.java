package org.peerclear.clearing.horizon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerclear.clearing.Certification;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.exact.FlowSolver;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.network.AcCheck;
import org.peerclear.clearing.network.NetworkModel;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.Status;
import org.peerclear.result.NetworkOutcome;
import org.peerclear.result.ResultVerifier;

/**
 * Clears a {@link Horizon} centrally: one problem over every period ({@link HorizonFormulation})
 * on a solver back-end (the registry's default for its class unless one is named), certified by
 * that problem's KKT certificate with the market tolerances ({@link Certification#judge}): the
 * status is the certificate's, never the back-end's.
 *
 * <p>Without a named solver, a horizon on a dense trade graph is solved on the pairs that trade
 * and the others priced out ({@link PairPricing}); a named back-end gets the whole problem. The
 * exact solver {@code flow} does not take a horizon yet and is refused by name.
 */
public final class HorizonClearing {
    /**
     * Method {@code lp} over a horizon, as over one period: every asset linear in every period.
     * The horizon problem is the same for {@code qp} and {@code lp}; {@code lp} is the promise
     * that it has no quadratic term, and every entry point (clear, simulate, sweep) keeps it here.
     *
     * @param h the horizon
     * @throws IllegalArgumentException naming the first asset with {@code a != 0} and its period
     */
    public static void requireLinear(Horizon h) {
        for (int t = 0; t < h.length(); t++) {
            MarketIndex ix = h.periods().get(t);
            for (int s = 0; s < ix.numAssets(); s++) {
                if (ix.a()[s] != 0.0) {
                    throw new IllegalArgumentException("Method 'lp' needs every asset to have a = 0; asset '" + ix.assetId(s)
                            + "' has a = " + ix.a()[s] + " in period " + t + " (use method qp)");
                }
            }
        }
    }

    /**
     * Clears a horizon centrally.
     *
     * @param h       the horizon
     * @param options the solver (none for the registry's default, with pair pricing), its parameters, the time
     *                limit and the progress listener
     * @return the result with the certificate's status; a failure of the back-end is a status, not an exception
     * @throws IllegalArgumentException if the solver named is {@code flow}, or is not registered
     */
    public HorizonResult clear(Horizon h, ClearingOptions options) {
        return clear(h, options, null);
    }

    /** As {@link #clear(Horizon, ClearingOptions)}, starting from (and leaving) the pairs in {@code memory} when not null. */
    HorizonResult clear(Horizon h, ClearingOptions options, PairPricing.Memory memory) {
        long start = System.nanoTime();
        if (options.solver().map(FlowSolver.NAME::equals).orElse(false)) {
            throw new IllegalArgumentException("Solver '" + FlowSolver.NAME + "' does not take a horizon of several periods yet;"
                    + " name a back-end (ortools-pdlp, ojalgo) or leave the solver out");
        }
        if (options.solver().isEmpty()) {
            return new PairPricing(h, options, start, memory).clear();
        }
        return whole(h, options, start);
    }

    /**
     * The whole horizon in one problem on the named back-end, or the default for its class.
     *
     * <p>Fallback: without a named back-end, one that ends with {@link Status#ERROR} (it declined
     * or failed for an internal reason — ipm does so when its factor exceeds its budget, e.g. on
     * a horizon of a thousand households) is followed by the next of the registry's
     * {@link org.peerclear.opt.SolverRegistry#defaultsFor defaultsFor} the class, within what is
     * left of the time limit; the message says which declined and why. A named back-end is never
     * replaced.
     */
    static HorizonResult whole(Horizon h, ClearingOptions options, long start) {
        HorizonFormulation f = new HorizonFormulation(h);
        Problem problem = f.problem;
        List<SolverBackend> candidates = options.solver().map(name -> List.of(options.registry().get(name)))
                .orElseGet(() -> options.registry().defaultsFor(problem.problemClass()));
        if (candidates.isEmpty()) {
            candidates = List.of(options.registry().defaultFor(problem.problemClass())); // throws, naming the registry
        }
        StringBuilder declined = new StringBuilder();
        SolverBackend backend = candidates.get(0);
        Solution s = backend.solve(problem, options.solverParametersAt(start));
        for (int next = 1; s.status() == Status.ERROR && next < candidates.size(); next++) {
            declined.append(String.format(Locale.ROOT, "; %s ended %s (%s), so it went to the next preferred back-end, %s",
                    backend.name(), s.status(), s.message(), candidates.get(next).name()));
            backend = candidates.get(next);
            s = backend.solve(problem, options.solverParametersAt(start));
        }
        if (!s.status().hasSolution()) {
            return new HorizonResult(s.status(), s.message() + declined, backend.name(), Double.NaN, seconds(start),
                    null, null, null, null, null, null, null, null, List.of());
        }
        OptimalityCertificate kkt = s.hasDuals() ? OptimalityCertificate.of(problem, s) : null;
        Certification.Verdict v = Certification.judge(s.status(), null, kkt, scales(h),
                Math.max(1.0, Math.abs(s.objective())), Status.NUMERICAL_ERROR, ResultVerifier.Tolerances.DEFAULT);
        String message = (v.message().isEmpty() ? s.message() : s.message() + "; " + v.message()) + declined;
        int tEnd = h.length();
        double[][] p = new double[tEnd][];
        double[][] t = new double[tEnd][];
        double[][] mu = new double[tEnd][];
        double[][] lambda = new double[tEnd][];
        double[][] pi = new double[tEnd][];
        List<NetworkOutcome> ac = new ArrayList<>();
        for (int k = 0; k < tEnd; k++) {
            p[k] = f.blocks[k].assetPower(s);
            t[k] = f.blocks[k].trades(s);
            mu[k] = f.blocks[k].agentPrices(s);
            lambda[k] = f.blocks[k].tradePrices(s);
            pi[k] = new double[mu[k].length];
            if (f.network.length > 0) {
                NetworkModel net = h.networks().get(k);
                double[] atBus = f.network[k].agentBusPrices(s);
                for (int n = 0; n < pi[k].length; n++) {
                    pi[k][n] = net.agentBus(n) >= 0 ? atBus[net.agentBus(n)] : 0.0;
                }
                ac.add(AcCheck.evaluate(net, p[k], f.network[k].busPrices(s)));
            }
        }
        return new HorizonResult(v.status(), message, backend.name(), s.objective(), seconds(start), p, t, mu, lambda,
                values(s, f.energy), values(s, f.charge), values(s, f.discharge), pi, ac);
    }

    private static double[][] values(Solution s, int[][] vars) {
        double[][] out = new double[vars.length][];
        for (int k = 0; k < vars.length; k++) {
            out[k] = new double[vars[k].length];
            for (int i = 0; i < vars[k].length; i++) {
                out[k][i] = s.x(vars[k][i]);
            }
        }
        return out;
    }

    /** The largest power and price scales over the periods: one tolerance for the whole problem. */
    static ResultVerifier.Scales scales(Horizon h) {
        double power = 1.0;
        double price = 1.0;
        for (MarketIndex ix : h.periods()) {
            ResultVerifier.Scales s = ResultVerifier.scales(ix);
            power = Math.max(power, s.power());
            price = Math.max(price, s.price());
        }
        return new ResultVerifier.Scales(power, price);
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }
}
