package org.peerclear.games.nash;

import java.util.List;
import org.peerclear.model.Asset;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Solution;

/**
 * The Cournot game's potential maximisation as one convex QP on a solver back-end: the second
 * route to the equilibrium of a linear demand {@code P = α − β·Q}, beside the bisection of
 * {@link CournotGame#linearEquilibrium}. One variable per seller asset {@code p_s} within its
 * bounds; with {@code q_i = Σ_{s∈i} p_s} and {@code Q = Σ_i q_i} it minimises
 * <pre>  −Φ = Σ_s (½·a_s·p_s² + b_s·p_s) − α·Q + ½·β·(Q² + Σ_i q_i²),</pre>
 * a convex quadratic (the Hessian is {@code diag(a) + β·(11ᵀ + Σ_i 1_i1_iᵀ)}). The Nash equilibrium
 * is its minimiser (Monderer &amp; Shapley 1996).
 */
public final class CournotPotential {
    private CournotPotential() {
    }

    /**
     * Builds the QP.
     *
     * @param costs the sellers' costs
     * @param alpha the demand's intercept
     * @param beta  its slope, {@code > 0}
     * @return the problem; its variables are the assets in the sellers' order, then each seller's in its order
     */
    public static Problem problem(List<SellerCost> costs, double alpha, double beta) {
        ProblemBuilder b = new ProblemBuilder("cournot-potential");
        int[] owner = new int[costs.stream().mapToInt(c -> c.assets().size()).sum()];
        int v = 0;
        for (int i = 0; i < costs.size(); i++) {
            for (Asset s : costs.get(i).assets()) {
                int j = b.addVariable(s.id(), s.pMin(), s.pMax());
                b.addLinear(j, s.b() - alpha);
                owner[v++] = i;
            }
        }
        v = 0;
        for (SellerCost c : costs) {
            for (Asset s : c.assets()) {
                // ½·a·p² from the cost, ½·β·p² from Q², ½·β·p² from the seller's own q².
                b.addQuadratic(v, v, s.a() + 2 * beta);
                v++;
            }
        }
        for (int j = 0; j < owner.length; j++) {
            for (int k = j + 1; k < owner.length; k++) {
                b.addQuadratic(j, k, owner[j] == owner[k] ? 2 * beta : beta);
            }
        }
        return b.build();
    }

    /**
     * Solves the QP on the registry's default back-end ({@value SolverRegistry#DEFAULT_BACKEND}, which
     * takes a dense Hessian; PDLP takes only a diagonal one) and adds up each seller's output.
     *
     * @param costs the sellers' costs
     * @param alpha the demand's intercept
     * @param beta  its slope, {@code > 0}
     * @return each seller's output
     * @throws IllegalStateException if the back-end finds no optimum
     */
    public static double[] solve(List<SellerCost> costs, double alpha, double beta) {
        return solve(costs, alpha, beta, SolverRegistry.load().get(SolverRegistry.DEFAULT_BACKEND));
    }

    /**
     * Solves the QP on a given back-end and adds up each seller's output.
     *
     * @param costs   the sellers' costs
     * @param alpha   the demand's intercept
     * @param beta    its slope, {@code > 0}
     * @param backend a back-end that solves QPs with a dense Hessian
     * @return each seller's output
     * @throws IllegalStateException if the back-end finds no optimum
     * @throws org.peerclear.opt.UnsupportedProblemException if the back-end cannot take the problem
     */
    public static double[] solve(List<SellerCost> costs, double alpha, double beta, SolverBackend backend) {
        Solution s = backend.solve(problem(costs, alpha, beta), SolverParameters.DEFAULT);
        if (!s.hasPoint()) {
            throw new IllegalStateException("the potential QP has no solution on " + backend.name() + ": " + s.status() + ": "
                    + s.message());
        }
        double[] q = new double[costs.size()];
        int v = 0;
        for (int i = 0; i < costs.size(); i++) {
            for (int k = 0; k < costs.get(i).assets().size(); k++) {
                q[i] += s.x(v++);
            }
        }
        return q;
    }
}
