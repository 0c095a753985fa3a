package org.peerclear.clearing.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.opt.SolverParameters;
import org.peerclear.options.Options;
import org.peerclear.result.ClearingResult;

import static org.peerclear.clearing.options.ClearingCatalog.CATALOG;

/**
 * The bridge between named options ({@link ClearingCatalog}) and the option objects the methods
 * read: {@link #apply} sets them, {@link #read} reads them back, {@link #record} writes them
 * into a result. ADMM's options are handed to the methods only when one of them is set, and
 * likewise the network's: method {@code auto} runs ADMM exactly when it is given ADMM options.
 */
public final class ClearingSettings {
    private ClearingSettings() {
    }

    /**
     * {@code base} with every option of {@code settings} applied, defaults where not set: the time limit and the
     * back-end's parameters always replace {@code base}'s. The {@code admm.*} options are applied, all of them, only
     * when one of them is set, onto {@code base}'s {@link AdmmOptions} (or {@link AdmmOptions#DEFAULT}), keeping
     * its warm start and history recording; likewise the {@code network.*} options onto its {@link NetworkOptions}.
     *
     * @param base     the options to start from; its solver, registry, listener and method options carry over (the
     *                 ADMM and network ones updated as above)
     * @param settings named options of {@link ClearingCatalog#CATALOG}, already validated by their specs
     * @return the options a clear with {@code settings} runs with
     * @throws IllegalArgumentException if {@code settings} are of another catalog
     */
    public static ClearingOptions apply(ClearingOptions base, Options settings) {
        requireCatalog(settings);
        SolverParameters p = base.solverParameters().withThreads(settings.get(SolverParameters.THREADS))
                .withOptimalityTolerance(settings.get(SolverParameters.OPTIMALITY_TOLERANCE))
                .withFeasibilityTolerance(settings.get(SolverParameters.FEASIBILITY_TOLERANCE))
                .withRelativeMipGap(settings.get(SolverParameters.RELATIVE_MIP_GAP));
        ClearingOptions o = base.withSolverParameters(p).withTimeLimitSeconds(settings.get(ClearingOptions.TIME_LIMIT));
        if (settings.anySet("admm.")) {
            AdmmOptions a = base.methodOptions(AdmmOptions.class).orElse(AdmmOptions.DEFAULT);
            OptionalDouble rho = settings.get(AdmmOptions.RHO);
            a = rho.isPresent() ? a.withRho(rho.getAsDouble()) : a.withRhoFromData();
            a = a.withAlpha(settings.get(AdmmOptions.ALPHA)).withEps(settings.get(AdmmOptions.EPS))
                    .withMaxIterations(settings.get(AdmmOptions.MAX_ITERATIONS)).withStopping(settings.get(AdmmOptions.STOPPING))
                    .withThreads(settings.get(AdmmOptions.THREADS))
                    .withAdaptiveRho(settings.get(AdmmOptions.ADAPTIVE_RHO), settings.get(AdmmOptions.MU), settings.get(AdmmOptions.TAU))
                    .withAdaptInterval(settings.get(AdmmOptions.ADAPT_INTERVAL))
                    .withAsync(settings.get(AdmmOptions.ASYNC_FRACTION), settings.get(AdmmOptions.SEED))
                    .withPolish(settings.get(AdmmOptions.POLISH)).withRefinements(settings.get(AdmmOptions.REFINEMENTS))
                    .withProgressInterval(settings.get(AdmmOptions.PROGRESS_INTERVAL));
            o = o.withMethodOptions(a);
        }
        if (settings.anySet("network.")) {
            NetworkOptions n = base.methodOptions(NetworkOptions.class).orElse(NetworkOptions.DEFAULT);
            o = o.withMethodOptions(n.withLossAware(settings.get(NetworkOptions.LOSS_AWARE))
                    .withMaxLossIterations(settings.get(NetworkOptions.MAX_LOSS_ITERATIONS))
                    .withLossTolerance(settings.get(NetworkOptions.LOSS_TOLERANCE))
                    .withTightenToAc(settings.get(NetworkOptions.TIGHTEN_TO_AC))
                    .withMaxTightenings(settings.get(NetworkOptions.MAX_TIGHTENINGS)));
        }
        return o;
    }

    /**
     * The named options {@code options} stands for: what a clear with it runs with. The time limit and the back-end's
     * parameters are always set; the {@code admm.*} and {@code network.*} options only when {@code options} carries
     * {@link AdmmOptions} or {@link NetworkOptions} (else they stay at their defaults, unset), so that
     * {@link #apply} of the result onto {@code options} gives back its named values.
     *
     * @param options the options of a clear
     * @return named options of {@link ClearingCatalog#CATALOG}; the warm start and history recording have no name
     */
    public static Options read(ClearingOptions options) {
        SolverParameters p = options.solverParameters();
        Options s = Options.defaults(CATALOG).with(ClearingOptions.TIME_LIMIT, options.timeLimitSeconds()).with(SolverParameters.THREADS, p.threads())
                .with(SolverParameters.OPTIMALITY_TOLERANCE, p.optimalityTolerance())
                .with(SolverParameters.FEASIBILITY_TOLERANCE, p.feasibilityTolerance())
                .with(SolverParameters.RELATIVE_MIP_GAP, p.relativeMipGap());
        if (options.methodOptions(AdmmOptions.class).isPresent()) {
            AdmmOptions a = options.methodOptions(AdmmOptions.class).get();
            s = s.with(AdmmOptions.RHO, a.rhoFromData() ? OptionalDouble.empty() : OptionalDouble.of(a.rho()))
                    .with(AdmmOptions.ALPHA, a.alpha()).with(AdmmOptions.EPS, a.eps())
                    .with(AdmmOptions.MAX_ITERATIONS, a.maxIterations()).with(AdmmOptions.STOPPING, a.stopping())
                    .with(AdmmOptions.THREADS, a.threads()).with(AdmmOptions.ADAPTIVE_RHO, a.adaptiveRho())
                    .with(AdmmOptions.MU, a.mu()).with(AdmmOptions.TAU, a.tau())
                    .with(AdmmOptions.ADAPT_INTERVAL, a.adaptInterval())
                    .with(AdmmOptions.ASYNC_FRACTION, a.asyncFraction()).with(AdmmOptions.SEED, a.seed())
                    .with(AdmmOptions.POLISH, a.polish()).with(AdmmOptions.REFINEMENTS, a.refinements())
                    .with(AdmmOptions.PROGRESS_INTERVAL, a.progressInterval());
        }
        if (options.methodOptions(NetworkOptions.class).isPresent()) {
            NetworkOptions n = options.methodOptions(NetworkOptions.class).get();
            s = s.with(NetworkOptions.LOSS_AWARE, n.lossAware()).with(NetworkOptions.MAX_LOSS_ITERATIONS, n.maxLossIterations())
                    .with(NetworkOptions.LOSS_TOLERANCE, n.lossTolerance()).with(NetworkOptions.TIGHTEN_TO_AC, n.tightenToAc())
                    .with(NetworkOptions.MAX_TIGHTENINGS, n.maxTightenings());
        }
        return s;
    }

    /**
     * {@code result} with every catalog option {@code options} stands for first in its
     * {@code options} (catalog order, printed as {@link Options#toMap()} prints them), then what the method recorded
     * itself (e.g. the rho it chose from the data), an entry of the same name as a catalog option giving way.
     *
     * @param result  the result of a clear with {@code options}
     * @param options the options it ran with
     * @return a copy of {@code result} with those options
     */
    public static ClearingResult record(ClearingResult result, ClearingOptions options) {
        Map<String, String> m = new LinkedHashMap<>(read(options).toMap());
        result.options().forEach(m::putIfAbsent);
        return result.toBuilder().options(m).build();
    }

    private static void requireCatalog(Options settings) {
        if (settings.catalog() != CATALOG) {
            throw new IllegalArgumentException("Options of another catalog: a clear takes ClearingCatalog.CATALOG's");
        }
    }
}
