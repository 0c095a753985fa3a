package org.peerclear.clearing;

import java.util.Locale;
import java.util.Optional;
import org.peerclear.index.MarketFeasibility;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Market;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Status;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.CostAccounting;
import org.peerclear.result.IndexedResults;
import org.peerclear.result.ResultVerifier;
import org.peerclear.result.Verification;

/**
 * The one step that makes a clearing method's status true; every method applies it to what it
 * returns, so no solver's own claim reaches the user unchecked.
 *
 * <ul>
 *   <li>Before solving, {@link #precheck}: the exact infeasibility and unboundedness checks of
 *       {@link MarketFeasibility}, so such markets say so, with the reason, from every method.</li>
 *   <li>After solving, {@link #certify}: a result keeps {@code OPTIMAL} only when its
 *       certificate holds: the market certificate ({@link ResultVerifier}: primal feasibility,
 *       price consistency and the objective gap) and, when the method solved a {@code Problem},
 *       that problem's KKT certificate ({@link OptimalityCertificate}, which also covers the
 *       network rows and so the gap of a network market). Without either gap measure the
 *       result is not certified. Otherwise a point that is primal feasible within tolerance
 *       becomes {@code FEASIBLE}, one that is not gets the method's failure status
 *       ({@code NUMERICAL_ERROR} for a solver, {@code NOT_CONVERGED} for an iterative method),
 *       each with the residuals in the message. A {@code TIME_LIMIT} claim is kept (its best point
 *       need not be feasible), with what fails appended to the message; a certificate only
 *       confirms or refutes a claim, it never promotes one (a {@code FEASIBLE} MILP incumbent
 *       stays {@code FEASIBLE}).</li>
 * </ul>
 * All tolerances are {@link ResultVerifier.Tolerances}, scaled by {@link ResultVerifier#scales}; the
 * problem-level certificate is held to the same ones: primal residual by the primal tolerance
 * (network rows in their own units: pu² for voltages, kW for flows), dual residual by the price
 * tolerance, complementarity by their product, duality gap by the gap tolerance times
 * {@code max(1, gross cost)}, as the market gap.
 */
public final class Certification {
    private Certification() {
    }

    /**
     * A status with the message explaining it.
     *
     * @param status  the status the point deserves
     * @param message why the claimed status was changed or qualified; empty when the claim stands as it is
     */
    public record Verdict(Status status, String message) {
    }

    /**
     * The result for a market that is infeasible or unbounded by {@link MarketFeasibility}, or
     * empty when the market passes (unboundedness is checked only without a network).
     *
     * @param market     the market to clear
     * @param index      its compact index
     * @param method     the clearing method's name, recorded on the result
     * @param startNanos {@link System#nanoTime()} when the clearing started, so that the result's seconds
     *                   include what the method did before the check
     * @return a result with status {@code INFEASIBLE} or {@code UNBOUNDED}, solver {@code none}, and the reason;
     *         empty when the market may be solved
     */
    public static Optional<ClearingResult> precheck(Market market, MarketIndex index, String method, long startNanos) {
        return MarketFeasibility.check(index, market.network().isPresent())
                .map(v -> IndexedResults.builder(market, index).method(method).solver("none")
                        .status(v.status(), v.reason() + " (found before solving)")
                        .seconds((System.nanoTime() - startNanos) * 1e-9).build());
    }

    /**
     * {@link #certify(ClearingResult, OptimalityCertificate, Status, ResultVerifier.Tolerances)} with the default
     * tolerances.
     *
     * @param r                  the method's result, with the status it claims
     * @param problemCertificate the KKT certificate of the problem the method solved; null when it solved none
     * @param whenNotFeasible    the status for a point that is not primal feasible ({@code NUMERICAL_ERROR},
     *                           {@code NOT_CONVERGED})
     * @return {@code r} itself when its claim stands, else a copy with the checked status and why
     */
    public static ClearingResult certify(ClearingResult r, OptimalityCertificate problemCertificate, Status whenNotFeasible) {
        return certify(r, problemCertificate, whenNotFeasible, ResultVerifier.Tolerances.DEFAULT);
    }

    /**
     * The result with its status checked (see class comment). A result without a solution is
     * returned as it is: there is no point to check.
     *
     * @param r                  the method's result, with the status it claims
     * @param problemCertificate the KKT certificate of the problem the method solved; null when it solved none
     * @param whenNotFeasible    the status for a point that is not primal feasible ({@code NUMERICAL_ERROR},
     *                           {@code NOT_CONVERGED})
     * @param tol                the tolerances, relative to the market's scales
     * @return {@code r} itself when its claim stands, else a copy with the checked status, the reasons appended
     *         to its message and the checking time added to its seconds
     */
    public static ClearingResult certify(ClearingResult r, OptimalityCertificate problemCertificate, Status whenNotFeasible,
                                         ResultVerifier.Tolerances tol) {
        if (!r.hasSolution()) {
            return r;
        }
        long start = System.nanoTime();
        Verification v = r.verify(tol);
        ResultVerifier.Scales scales = ResultVerifier.scales(r);
        double objectiveScale = Math.max(1.0, CostAccounting.grossCost(r));
        Verdict verdict = judge(r.status(), v, problemCertificate, scales, objectiveScale, whenNotFeasible, tol);
        if (verdict.status() == r.status() && verdict.message().isEmpty()) {
            return r;
        }
        String message = r.message().isEmpty() ? verdict.message() : r.message() + "; " + verdict.message();
        return r.toBuilder().status(verdict.status(), message)
                .seconds(r.seconds() + (System.nanoTime() - start) * 1e-9).build();
    }

    /**
     * The checked status of a point whose method claimed {@code claimed}: the decision of
     * {@link #certify}, also for methods whose results are not a {@link ClearingResult}
     * ({@code market} null: only the problem certificate is judged). The message is empty when
     * the claim stands as it is. {@code objectiveScale} is what the problem's duality gap is
     * measured against ({@code max(1, gross cost)} for a market, see {@code DualityGap}).
     *
     * @param claimed         the status the method claims
     * @param market          the market certificate of the point; null when there is no market result
     * @param problem         the KKT certificate of the problem solved; null when there is none
     * @param scales          the market's power and price scales, which the tolerances are relative to
     * @param objectiveScale  the scale of the duality gap, currency per period; {@code >= 1}
     * @param whenNotFeasible the status for a point that is not primal feasible
     * @param tol             the tolerances, relative to {@code scales}
     * @return the claim when both certificates hold and the gap is checked; else {@code FEASIBLE} for a primal
     *         feasible point, {@code whenNotFeasible} for another, a {@code TIME_LIMIT} claim kept; with the
     *         failed checks in the message
     */
    public static Verdict judge(Status claimed, Verification market, OptimalityCertificate problem,
                                ResultVerifier.Scales scales, double objectiveScale, Status whenNotFeasible,
                                ResultVerifier.Tolerances tol) {
        double tp = tol.primal(scales);
        double tl = tol.price(scales);
        boolean kktHolds = problem == null || (problem.holds(tp, tl, tl * scales.power(), Double.POSITIVE_INFINITY)
                && Math.abs(problem.dualityGap()) <= tol.gap() * objectiveScale);
        boolean gapCovered = problem != null || (market != null && market.gapChecked());
        boolean marketHolds = market == null || market.passes();
        boolean primal = (market == null || market.primalFeasible()) && (problem == null || problem.primalResidual() <= tp);
        if (marketHolds && kktHolds && gapCovered) {
            return new Verdict(claimed, "");
        }
        StringBuilder why = new StringBuilder();
        if (!marketHolds) {
            why.append("market certificate fails: ").append(market);
        }
        if (!kktHolds) {
            why.append(why.length() == 0 ? "" : "; ").append("problem certificate fails: ").append(problem)
                    .append(String.format(Locale.ROOT, " (tolerances: primal %.1e, dual %.1e, complementarity %.1e, gap %.1e)",
                            tp, tl, tl * scales.power(), tol.gap() * objectiveScale));
        }
        if (!gapCovered) {
            why.append(why.length() == 0 ? "" : "; ").append("objective gap not checked: ")
                    .append(market == null ? "no certificate" : market.gapNotChecked());
        }
        if (claimed == Status.TIME_LIMIT) {
            return new Verdict(claimed, (primal ? "not certified: " : "not feasible within tolerance: ") + why);
        }
        return primal ? new Verdict(Status.FEASIBLE, "feasible, optimality not certified: " + why)
                : new Verdict(whenNotFeasible, "not feasible within tolerance: " + why);
    }
}
