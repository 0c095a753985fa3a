package org.peerclear.clearing.horizon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.Horizons;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.index.MarketIndex;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.HorizonMarkets;
import org.peerclear.model.Market;
import org.peerclear.opt.OptimalityCertificate;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemBuilder;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.opt.Status;
import org.peerclear.opt.VariableType;
import org.peerclear.result.ResultVerifier;

/**
 * Issue 11's independent checks on one horizon: the centralised LP by a simplex (GLOP) against
 * the QP with a tiny curvature by a first-order method (PDLP), within a bound derived below; the
 * same LP by a branch-and-bound MILP solver (SCIP); and the KKT certificate that HorizonClearing
 * trusts, refusing a point whose storage energy was tampered with.
 *
 * <p>The bound. Let {@code L(x)} be the LP's objective and {@code Q(x) = L(x) + Σ ½·a·p²} the
 * QP's, the sum over every market asset and period, with the same feasible set. For any feasible
 * point {@code 0 ≤ Σ ½·a·p² ≤ B = Σ ½·a·max(pMin², pMax²)}. Hence
 * {@code min L ≤ min Q} (Q ≥ L everywhere) and {@code min Q ≤ Q(x_L) ≤ min L + B}: the optima
 * differ by {@code 0 ≤ Q* − L* ≤ B}. Each solver's objective is certified to its duality gap
 * (at most the certificate's relative gap tolerance times {@code max(1, |objective|)}), which
 * widens the interval by that much on each side.
 */
class HorizonCrossCheckTest {
    /** The QP's curvature on every asset in every period. */
    private static final double CURVATURE = 1e-7;
    /** Agreement of the MILP solver's objective with the simplex's on the same LP (relative). */
    private static final double SAME_LP_AGREEMENT = 1e-7;
    /** The tolerances HorizonClearing certifies with. */
    private static final ResultVerifier.Tolerances CERTIFIED = ResultVerifier.Tolerances.DEFAULT;
    /** How far the corruption moves one storage's energy (kWh). */
    private static final double ENERGY_SHIFT = 0.5;

    private static final SolverRegistry REGISTRY = SolverRegistry.load();

    /** 10 households over 24 hours, 3 with batteries, 2 with EVs, a complete trade graph and the grid. */
    private static HorizonMarket generated() {
        return HouseholdDayGenerator.generate(10, 24, 3, 2, BipartiteMarketGenerator.ALL_PARTNERS, 11);
    }

    @Test
    void theLpBySimplexAndTheQpWithTinyCurvatureByPdlpDifferByAtMostTheCurvatureBoundOnTheGeneratedDay() {
        lpAgainstTinyCurvature(generated());
    }

    @Test
    void theLpBySimplexAndTheQpWithTinyCurvatureByPdlpDifferByAtMostTheCurvatureBoundOnTheAnalyticBattery() {
        lpAgainstTinyCurvature(HorizonMarkets.oneBatteryTwoPrices());
    }

    private static void lpAgainstTinyCurvature(HorizonMarket hm) {
        Horizon lp = withCurvature(hm, 0.0);
        Horizon qp = withCurvature(hm, CURVATURE);
        HorizonResult glop = new HorizonClearing().clear(lp, ClearingOptions.DEFAULT.withSolver("ortools-glop"));
        HorizonResult pdlp = new HorizonClearing().clear(qp, ClearingOptions.DEFAULT.withSolver("ortools-pdlp"));
        assertThat(glop.status()).as(glop.message()).isEqualTo(Status.OPTIMAL);
        assertThat(pdlp.status()).as(pdlp.message()).isEqualTo(Status.OPTIMAL);
        double bound = curvatureBound(qp);
        double slack = CERTIFIED.gap() * (Math.max(1, Math.abs(glop.objective())) + Math.max(1, Math.abs(pdlp.objective())));
        double difference = pdlp.objective() - glop.objective();
        assertThat(bound).as("the bound is positive: the curvature reaches every asset").isPositive();
        assertThat(difference).as(hm.name() + ": Q* − L* against B = " + bound + " (solver slack " + slack + ")")
                .isBetween(-slack, bound + slack);
    }

    @Test
    void theLpByTheMilpSolverEqualsTheSimplexOnTheGeneratedDay() {
        Horizon lp = withCurvature(generated(), 0.0);
        HorizonResult glop = new HorizonClearing().clear(lp, ClearingOptions.DEFAULT.withSolver("ortools-glop"));
        assertThat(glop.status()).as(glop.message()).isEqualTo(Status.OPTIMAL);
        Problem problem = new HorizonFormulation(lp).problem;
        assertThat(problem.problemClass().isQuadratic()).isFalse();
        for (String milp : List.of("ortools-scip", "ortools-cbc")) {
            Solution s = REGISTRY.get(milp).solve(asMilp(problem), SolverParameters.DEFAULT);
            assertThat(s.status()).as(milp + ": " + s.message()).isEqualTo(Status.OPTIMAL);
            // The MILP solvers return no duals: the point's feasibility, as asked of them, is checked with y = 0.
            double[] x = java.util.Arrays.copyOf(s.x(), problem.numVariables());
            double primal = OptimalityCertificate.of(problem, x, new double[problem.numRows()]).primalResidual();
            assertThat(primal).as(milp + " primal residual").isLessThanOrEqualTo(SolverParameters.DEFAULT.feasibilityTolerance());
            assertThat(s.objective()).as(milp).isCloseTo(glop.objective(),
                    within(SAME_LP_AGREEMENT * Math.max(1, Math.abs(glop.objective()))));
        }
    }

    /**
     * HorizonClearing on a back-end that answers GLOP's optimum with the first battery's energy
     * at noon moved by {@link #ENERGY_SHIFT} (inside its bounds, so only the dynamics break): the
     * clearing's own KKT certificate must refuse the point, whatever status the back-end claims.
     */
    @Test
    void horizonClearingsCertificateRefusesAnOptimumWithOneStoragesEnergyShifted() {
        Horizon lp = withCurvature(generated(), 0.0);
        String energy = "E12[" + lp.periods().get(0).assetId(lp.storages().get(0).asset()) + "]";
        SolverBackend glop = REGISTRY.get("ortools-glop");
        SolverBackend tampering = new SolverBackend() {
            @Override
            public String name() {
                return "glop-tampered";
            }

            @Override
            public Set<ProblemClass> problemClasses() {
                return glop.problemClasses();
            }

            @Override
            public boolean providesDuals() {
                return true;
            }

            @Override
            public Solution solve(Problem p, SolverParameters parameters) {
                Solution s = glop.solve(p, parameters);
                double[] x = s.x().clone();
                int e = variable(p, energy);
                x[e] += x[e] + ENERGY_SHIFT <= p.upper(e) ? ENERGY_SHIFT : -ENERGY_SHIFT;
                assertThat(x[e]).isBetween(p.lower(e), p.upper(e));
                return Solution.of(p, s.status(), s.message(), name(), x, s.duals().orElseThrow(), s.iterations(), s.seconds());
            }
        };
        ClearingOptions options = ClearingOptions.DEFAULT.withRegistry(SolverRegistry.of(List.of(glop, tampering)));
        HorizonResult honest = new HorizonClearing().clear(lp, options.withSolver(glop.name()));
        assertThat(honest.status()).as(honest.message()).isEqualTo(Status.OPTIMAL);
        HorizonResult tampered = new HorizonClearing().clear(lp, options.withSolver(tampering.name()));
        assertThat(tampered.status()).as(tampered.message()).isNotEqualTo(Status.OPTIMAL);
        // The shifted energy sits with coefficient ±1 in the two energy rows around it: each is off by the shift.
        assertThat(tampered.message()).contains("problem certificate fails").contains("primal 5.000e-01");
    }

    private static int variable(Problem p, String name) {
        for (int j = 0; j < p.numVariables(); j++) {
            if (p.variableName(j).equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException("no variable " + name + " in " + p.name());
    }

    @Test
    void theCommittedCostsOfEveryPeriodSumToTheHorizonsObjective() {
        // The generated day (a QP) with a cycle cost on its batteries, so that the coupling's own cost counts.
        Horizon h = Horizons.of(generated());
        List<StorageLink> stores = new ArrayList<>();
        for (StorageLink b : h.storages()) {
            stores.add(new StorageLink(b.asset(), b.energyMin(), b.energyMax(), b.energyInitial(), b.energyAtEnd(), b.chargeMax(),
                    b.dischargeMax(), b.chargeEfficiency(), b.dischargeEfficiency(), 0.02, b.from(), b.to()));
        }
        Horizon cycled = new Horizon(h.periods(), h.periodHours(), stores, h.shiftables(), h.ramps(), h.networks());
        HorizonResult r = new HorizonClearing().clear(cycled, ClearingOptions.DEFAULT);
        assertThat(r.status()).as(r.message()).isEqualTo(Status.OPTIMAL);
        double sum = 0;
        double delivered = 0;
        for (int t = 0; t < cycled.length(); t++) {
            sum += HorizonCosts.period(cycled, r, t);
        }
        for (double[] d : r.discharge()) {
            for (double v : d) {
                delivered += v;
            }
        }
        assertThat(delivered).as("the stores deliver something: the cycle cost is in play").isPositive();
        assertThat(sum).isCloseTo(r.objective(), within(CERTIFIED.gap() * Math.max(1, Math.abs(r.objective()))));
    }

    /** B = Σ over periods and market assets (not the grid's legs) of ½·a·max(pMin², pMax²). */
    private static double curvatureBound(Horizon h) {
        double bound = 0;
        for (MarketIndex ix : h.periods()) {
            for (int s = 0; s < ix.assetStart()[ix.firstGridLeg()]; s++) {
                double reach = Math.max(ix.pMin()[s] * ix.pMin()[s], ix.pMax()[s] * ix.pMax()[s]);
                bound += 0.5 * ix.a()[s] * reach;
            }
        }
        return bound;
    }

    /**
     * {@code hm}'s horizon with every asset's quadratic coefficient set to {@code a} in every
     * period (storage, EVs and shiftable loads included, whose period assets cost nothing of
     * their own), everything else as it is.
     */
    private static Horizon withCurvature(HorizonMarket hm, double a) {
        Horizon h = Horizons.of(hm);
        List<MarketIndex> periods = new ArrayList<>();
        for (int t = 0; t < hm.periods(); t++) {
            Market m = hm.period(t);
            Market.Builder b = Market.builder(m.name()).units(m.units()).tradeGraph(m.tradeGraph())
                    .grid(m.grid().orElse(null)).network(m.network().orElse(null));
            for (Agent agent : m.agents()) {
                List<Asset> assets = new ArrayList<>();
                for (Asset s : agent.assets()) {
                    assets.add(new Asset(s.id(), s.pMin(), s.pMax(), a, s.b()));
                }
                b.agent(new Agent(agent.id(), agent.bus(), agent.productClass(), assets));
            }
            m.communities().forEach(b::community);
            periods.add(MarketIndex.of(b.build()));
        }
        return new Horizon(periods, h.periodHours(), h.storages(), h.shiftables(), h.ramps(), h.networks());
    }

    /**
     * The same LP with one more variable, integer and fixed at 0, in no row and at no cost: a
     * MILP (so that a MILP back-end takes it) with exactly the LP's optimum.
     */
    private static Problem asMilp(Problem p) {
        ProblemBuilder b = new ProblemBuilder(p.name() + "-as-milp");
        for (int j = 0; j < p.numVariables(); j++) {
            b.addVariable(p.variableName(j), p.lower(j), p.upper(j), p.type(j));
            if (p.linear(j) != 0) {
                b.addLinear(j, p.linear(j));
            }
        }
        b.addConstant(p.constant());
        for (int i = 0; i < p.numRows(); i++) {
            int n = p.rowEnd(i) - p.rowStart(i);
            int[] cols = new int[n];
            double[] vals = new double[n];
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                cols[k - p.rowStart(i)] = p.column(k);
                vals[k - p.rowStart(i)] = p.coefficient(k);
            }
            b.addRow(p.rowName(i), cols, vals, p.sense(i), p.rhs(i));
        }
        b.addVariable("integral", 0, 0, VariableType.INTEGER);
        return b.build();
    }
}
