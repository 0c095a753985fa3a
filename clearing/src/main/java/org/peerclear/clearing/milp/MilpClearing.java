package org.peerclear.clearing.milp;

import java.util.List;
import java.util.Optional;
import org.peerclear.clearing.Certification;
import org.peerclear.clearing.ClearingMethod;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.formulation.UnifiedFormulation;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.IndexedResults;

/**
 * Method {@code milp}: the unified market with the all-or-nothing decisions of
 * {@link IntegerRules} (block offers, minimum stable output, minimum trade size), solved as a
 * MILP (MIQP when some asset cost is quadratic). A MILP has no duals, so prices come from the
 * continuous problem with the integer decisions fixed at their optimal values; the result says so
 * in a note.
 *
 * <p>What {@code OPTIMAL} certifies here: the integer decisions are the back-end's (SCIP, CBC),
 * optimal to its proven relative gap ({@code SolverParameters.relativeMipGap}, default 1e-9) —
 * no back-end exposes a bound PeerClear could recheck, so that part is the back-end's proof;
 * with them fixed, the continuous problem's KKT certificate and the market certificate (assets
 * and arcs pinned by integer decisions checked for feasibility only) are checked as for
 * {@code qp} ({@link Certification#certify}). A MIP incumbent with a gap stays {@code FEASIBLE},
 * one stopped by the time limit {@code TIME_LIMIT}.
 */
public final class MilpClearing implements ClearingMethod {
    @Override
    public String name() {
        return "milp";
    }

    @Override
    public String description() {
        return "unified market with block offers, minimum stable output and minimum trade size (MILP; prices with integers fixed)";
    }

    private static boolean[] pinnedAssets(MarketIndex index, IntegerRules rules) {
        boolean[] pinned = new boolean[index.numAssets()];
        for (int s = 0; s < pinned.length; s++) {
            String id = index.assetId(s);
            pinned[s] = rules.blockAssets().contains(id) || rules.minStableOutput().containsKey(id);
        }
        return pinned;
    }

    private static boolean[] pinnedArcs(MarketIndex index, IntegerRules rules) {
        boolean[] pinned = new boolean[index.numArcs()];
        java.util.Arrays.fill(pinned, rules.minTradeSize() > 0);
        return pinned;
    }

    @Override
    public ClearingResult clear(Market market, ClearingOptions options) {
        if (market.network().isPresent()) {
            throw new IllegalArgumentException("Market '" + market.name() + "' has a network ('" + market.network().get().feeder()
                    + "'): method 'milp' does not model the feeder. Remove the 'network' entry to clear without it.");
        }
        long start = System.nanoTime();
        IntegerRules rules = options.methodOptions(IntegerRules.class).orElse(IntegerRules.NONE);
        MarketIndex index = MarketIndex.of(market);
        Optional<ClearingResult> refuted = Certification.precheck(market, index, name(), start);
        if (refuted.isPresent()) {
            return refuted.get();
        }
        UnifiedFormulation f = UnifiedFormulation.of(index, List.of(new IntegerRulesExtension(rules)));
        Problem problem = f.problem();
        ProblemClass pc = problem.problemClass();
        SolverBackend backend = options.solver().map(options.registry()::get).orElseGet(() -> options.registry().defaultFor(pc));
        Solution s = backend.solve(problem, options.solverParametersAt(start));
        ClearingResult.Builder rb = IndexedResults.builder(market, index).method(name()).solver(backend.name())
                .iterations(s.iterations()).option("solver", backend.name()).option("problemClass", pc)
                .option("integerRules", rules).option("solverParameters", options.solverParameters())
                .option("timeLimitSeconds", options.timeLimitSeconds());
        if (!s.status().hasSolution()) {
            return rb.status(s.status(), s.message()).seconds((System.nanoTime() - start) * 1e-9).build();
        }
        double[] x = s.x();
        Problem fixed = FixedIntegers.of(problem, x);
        ProblemClass cc = fixed.problemClass();
        SolverBackend pricing = backend.supports(cc) && backend.providesDuals() ? backend : options.registry().defaultFor(cc);
        Solution priced = pricing.solve(fixed, options.solverParametersAt(start));
        rb.status(s.status(), s.message());
        OptimalityCertificate kkt = null;
        if (priced.status() == Status.OPTIMAL && priced.hasDuals()) {
            kkt = OptimalityCertificate.of(fixed, priced);
            // The fixed problem's primal is the MILP's (up to solver accuracy); its duals are the prices.
            IndexedResults.solution(rb, f.assetPower(priced), f.trades(priced), f.agentPrices(priced), f.tradePrices(priced));
            rb.note("prices are the duals of the continuous problem with the integer decisions fixed (solver " + pricing.name() + ")");
        } else {
            double[] nan = new double[index.numAgents()];
            java.util.Arrays.fill(nan, Double.NaN);
            double[] nanArcs = new double[index.numArcs()];
            java.util.Arrays.fill(nanArcs, Double.NaN);
            IndexedResults.solution(rb, f.assetPower(s), f.trades(s), nan, nanArcs);
            rb.note("no prices: the continuous problem with integers fixed ended " + priced.status() + " " + priced.message());
        }
        rb.option("pricingSolver", pricing.name());
        IndexedResults.pinned(rb, pinnedAssets(index, rules), pinnedArcs(index, rules));
        return Certification.certify(rb.seconds((System.nanoTime() - start) * 1e-9).build(), kkt, Status.NUMERICAL_ERROR);
    }
}
