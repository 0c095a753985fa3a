package org.peerclear.clearing.options;

import java.util.List;
import java.util.OptionalDouble;
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
    public static final OptionSpec<OptionalDouble> RHO = OptionSpec.positiveOrAuto("admm.rho", "price per energy squared",
            "ADMM penalty; auto: a third of the median asset curvature");
    public static final OptionSpec<Double> ALPHA = OptionSpec.number("admm.alpha", AdmmOptions.DEFAULT.alpha(), 0, true, 2, true, "",
            "ADMM over-relaxation (1: the published algorithm)");
    public static final OptionSpec<Double> EPS = OptionSpec.number("admm.eps", AdmmOptions.DEFAULT.eps(), 0, true,
            Double.POSITIVE_INFINITY, true, "", "ADMM stopping tolerance (see admm.stopping)");
    public static final OptionSpec<Integer> MAX_ITER = OptionSpec.integer("admm.maxIter", AdmmOptions.DEFAULT.maxIterations(), 1,
            Integer.MAX_VALUE, "", "ADMM iteration limit; at it the run ends NOT_CONVERGED");
    public static final OptionSpec<AdmmOptions.Stopping> STOPPING = OptionSpec.choice("admm.stopping", AdmmOptions.Stopping.class,
            AdmmOptions.DEFAULT.stopping(), "ADMM stopping rule: paper (sums of squared residuals <= eps) or relative (scaled"
                    + " root-mean-square residuals and price dispersion <= eps)");
    public static final OptionSpec<Integer> ADMM_THREADS = OptionSpec.integer("admm.threads", AdmmOptions.DEFAULT.threads(), 1,
            Integer.MAX_VALUE, "", "threads of ADMM's local steps");
    public static final OptionSpec<Boolean> ADAPTIVE_RHO = OptionSpec.bool("admm.adaptiveRho", AdmmOptions.DEFAULT.adaptiveRho(),
            "residual balancing: multiply or divide rho when one residual dominates the other");
    public static final OptionSpec<Double> ASYNC_FRACTION = OptionSpec.number("admm.asyncFraction",
            AdmmOptions.DEFAULT.asyncFraction(), 0, true, 1, false, "",
            "share of agents updating at each round (1: synchronous), drawn with admm.seed");
    public static final OptionSpec<Long> SEED = OptionSpec.anyLong("admm.seed", AdmmOptions.DEFAULT.seed(),
            "seed of the asynchronous draws");
    public static final OptionSpec<Boolean> POLISH = OptionSpec.bool("admm.polish", AdmmOptions.DEFAULT.polish(),
            "recompute a converged point exactly from its active set");

    public static final OptionSpec<Boolean> LOSS_AWARE = OptionSpec.bool("network.lossAware", NetworkOptions.DEFAULT.lossAware(),
            "add linearised losses priced at the grid's import price and iterate the loss factors (needs a network and a grid)");
    public static final OptionSpec<Boolean> TIGHTEN_TO_AC = OptionSpec.bool("network.tightenToAc",
            NetworkOptions.DEFAULT.tightenToAc(), "tighten a bus's voltage limit by the AC violation and clear again (needs a network)");

    /** Every option, grouped solver, ADMM, network. */
    public static final OptionCatalog CATALOG = OptionCatalog.of(List.of(ClearingOptions.TIME_LIMIT, SolverParameters.THREADS,
            SolverParameters.OPTIMALITY_TOLERANCE, SolverParameters.FEASIBILITY_TOLERANCE, SolverParameters.RELATIVE_MIP_GAP, RHO, ALPHA, EPS, MAX_ITER, STOPPING, ADMM_THREADS, ADAPTIVE_RHO, ASYNC_FRACTION, SEED,
            POLISH, LOSS_AWARE, TIGHTEN_TO_AC));

    private ClearingCatalog() {
    }
}
