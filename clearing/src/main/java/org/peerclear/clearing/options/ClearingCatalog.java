package org.peerclear.clearing.options;

import java.util.List;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.clearing.network.NetworkOptions;
import org.peerclear.opt.SolverParameters;
import org.peerclear.options.OptionCatalog;
import org.peerclear.options.OptionSpec;

/**
 * Every option of a clear that a user can set by name. Each spec lives with the option object
 * it validates ({@link ClearingOptions}, {@link SolverParameters} in core), so that object holds the one rule;
 * {@link ClearingSettings} is the one bridge between the names and the objects. The catalog's order is the order of every listing and recorded result.
 */
public final class ClearingCatalog {
    public static final OptionSpec<Boolean> LOSS_AWARE = OptionSpec.bool("network.lossAware", NetworkOptions.DEFAULT.lossAware(),
            "add linearised losses priced at the grid's import price and iterate the loss factors (needs a network and a grid)");
    public static final OptionSpec<Boolean> TIGHTEN_TO_AC = OptionSpec.bool("network.tightenToAc",
            NetworkOptions.DEFAULT.tightenToAc(), "tighten a bus's voltage limit by the AC violation and clear again (needs a network)");

    /** Every option, grouped solver, ADMM, network. */
    public static final OptionCatalog CATALOG = OptionCatalog.of(List.of(ClearingOptions.TIME_LIMIT, SolverParameters.THREADS,
            SolverParameters.OPTIMALITY_TOLERANCE, SolverParameters.FEASIBILITY_TOLERANCE, SolverParameters.RELATIVE_MIP_GAP,
            AdmmOptions.RHO, AdmmOptions.ALPHA, AdmmOptions.EPS, AdmmOptions.MAX_ITERATIONS, AdmmOptions.STOPPING,
            AdmmOptions.THREADS, AdmmOptions.ADAPTIVE_RHO, AdmmOptions.ASYNC_FRACTION, AdmmOptions.SEED, AdmmOptions.POLISH,
            LOSS_AWARE, TIGHTEN_TO_AC));

    private ClearingCatalog() {
    }
}
