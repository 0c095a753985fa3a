package org.peerclear.clearing.admm;

/**
 * The system operator as the ADMM engine sees it: one more agent holding a copy {@code x_n} of
 * the net injection of each agent it covers, with the consensus {@code P_n = x_n} and its dual
 * {@code pi_n}; its step runs between two sweeps ({@link ConsensusAdmm}). One period's feeder is
 * {@link AdmmNetworkOperator}; a horizon's is one of those per period ({@link HorizonOperator}).
 */
interface SystemOperator {
    /** True when agent n's injection is in the operator's consensus. */
    boolean covers(int n);

    /** The local step's target for agent n, in price units: {@code rho·x_n + pi_n}. */
    double target(int n, double rho);

    void reset();

    /** Starts from given injections and network prices per agent. */
    void warmStart(double[] injections, double[] prices);

    /** The operator's step on the agents' new injections; returns {@code Σ_n (P_n − x_n)²}. */
    double step(double[] injection, double rho);

    /** False once a projection found the limits infeasible. */
    boolean feasible();

    /** Σ_n pi_n² (for the relative rule's dual scale). */
    double priceNorm2();
}
