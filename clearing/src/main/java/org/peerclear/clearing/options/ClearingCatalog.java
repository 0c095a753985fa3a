package org.peerclear.clearing.options;

import java.util.List;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.opt.SolverParameters;
import org.peerclear.options.OptionCatalog;

/**
 * Every option of a clear that a user can set by name. Each spec lives with the option object
 * it validates ({@link ClearingOptions}, {@link SolverParameters} in core, {@link AdmmOptions},
 * {@link NetworkOptions}), so that object holds the one rule and a value from Java meets the
 * message a named one does; {@link ClearingSettings} is the one bridge between the names and the
 * objects. The catalog's order is the order of every listing and recorded result.
 */
public final class ClearingCatalog {
    /** Every option, grouped solver, ADMM, network. */
    public static final OptionCatalog CATALOG = OptionCatalog.of(List.of(ClearingOptions.TIME_LIMIT, SolverParameters.THREADS,
            SolverParameters.OPTIMALITY_TOLERANCE, SolverParameters.FEASIBILITY_TOLERANCE, SolverParameters.RELATIVE_MIP_GAP,
            AdmmOptions.RHO, AdmmOptions.ALPHA, AdmmOptions.EPS, AdmmOptions.MAX_ITERATIONS, AdmmOptions.STOPPING,
            AdmmOptions.THREADS, AdmmOptions.ADAPTIVE_RHO, AdmmOptions.MU, AdmmOptions.TAU, AdmmOptions.ADAPT_INTERVAL,
            AdmmOptions.ASYNC_FRACTION, AdmmOptions.SEED, AdmmOptions.POLISH, AdmmOptions.REFINEMENTS,
            AdmmOptions.PROGRESS_INTERVAL, NetworkOptions.LOSS_AWARE, NetworkOptions.MAX_LOSS_ITERATIONS,
            NetworkOptions.LOSS_TOLERANCE, NetworkOptions.TIGHTEN_TO_AC, NetworkOptions.MAX_TIGHTENINGS));

    private ClearingCatalog() {
    }
}
