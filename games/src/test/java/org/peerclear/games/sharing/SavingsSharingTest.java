package org.peerclear.games.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.Community;
import org.peerclear.model.Grid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;
import org.peerclear.model.TradeGraph;
import org.peerclear.opt.SolverRegistry;

class SavingsSharingTest {
    private static final SharingOptions OPTIONS = SharingOptions.DEFAULT.withThreads(2);

    /**
     * Two households and a grid selling at 0.20 and buying at 0.05, every arc at fee 0.01 (so 0.02
     * per unit on a pair): A has free PV up to 2, B a load of up to 1 worth 0.30 per unit.
     * By hand: A alone exports 2: c(A) = −2·0.05 + 2·0.02 = −0.06. B alone imports 1 (0.30 > 0.22):
     * c(B) = −0.30 + 0.20 + 0.02 = −0.08. Together A sells 1 to B and exports 1:
     * c(AB) = −0.30 + 0.02 − 0.05 + 0.02 = −0.31. So v(AB) = −0.06 − 0.08 + 0.31 = 0.17 (B's import
     * price and fee saved, 0.22, and A's export fee, 0.02, less A's lost export price, 0.05, and the
     * new pair's fee, 0.02), and by symmetry of a two-player game each gets 0.085 in every method
     * but proportional (A's energy 2, B's 1: 0.17·2/3 and 0.17/3).
     */
    private static Market twoHouses() {
        return Market.builder("two-houses").tradeGraph(TradeGraph.complete(0.01, List.of()))
                .agent(new Agent("A", List.of(new Asset("A.pv", 0, 2, 0, 0))))
                .agent(new Agent("B", List.of(new Asset("B.load", -1, 0, 0, 0.30))))
                .grid(new Grid(null, 0.20, 0.05)).build();
    }

    @Test
    void twoHousesByHand() {
        for (CommunityGame.Evaluator e : List.of(CommunityGame.Evaluator.POOL, CommunityGame.Evaluator.FLOW,
                CommunityGame.Evaluator.CLEARING)) {
            CommunityGame g = CommunityGame.of(twoHouses(), e);
            assertThat(g.standaloneCost(0)).as("%s", e).isCloseTo(-0.06, within(1e-12));
            assertThat(g.standaloneCost(1)).as("%s", e).isCloseTo(-0.08, within(1e-12));
            assertThat(g.grandCoalitionCost()).as("%s", e).isCloseTo(-0.31, within(1e-12));
            for (SharingMethod m : SharingMethod.values()) {
                Sharing s = SavingsSharing.share(g, m, OPTIONS);
                assertThat(s.grandCoalitionSavings()).isCloseTo(0.17, within(1e-12));
                double a = m == SharingMethod.PROPORTIONAL ? 0.17 * 2 / 3 : 0.085;
                assertThat(s.allocation("A")).as("%s %s", e, m).isCloseTo(a, within(1e-9));
                assertThat(s.allocation("B")).as("%s %s", e, m).isCloseTo(0.17 - a, within(1e-9));
                assertThat(s.inCore()).contains(true);
            }
        }
    }

    @Test
    void everyMethodIsEfficientAndReportsWhatTheContractAsks() {
        CommunityGame g = CommunityGame.of(Communities.asCommunity(Communities.householdsAtNoon(8, 2), 0.002));
        for (SharingMethod m : SharingMethod.values()) {
            Sharing s = SavingsSharing.share(g, m, OPTIONS.withSamples(400));
            double sum = s.allocations().values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).as("%s", m).isCloseTo(s.grandCoalitionSavings(), within(1e-9 * s.grandCoalitionSavings()));
            assertThat(s.players()).isEqualTo(g.playerIds());
            assertThat(s.allocations().keySet()).containsExactlyElementsOf(g.playerIds());
            assertThat(s.method()).isEqualTo(m);
            // 8 players: the core is checked exactly, so inCore is present.
            assertThat(s.inCore()).as("%s", m).isPresent();
            assertThat(s.core().exact()).isTrue();
            boolean sampled = m == SharingMethod.SHAPLEY_SAMPLED;
            assertThat(s.samples().isPresent()).isEqualTo(sampled);
            assertThat(s.standardErrors().isEmpty()).isEqualTo(!sampled);
            assertThat(s.notes()).isNotEmpty();
        }
        // The nucleolus is in the core whenever the core is not empty.
        Sharing n = SavingsSharing.share(g, SharingMethod.NUCLEOLUS, OPTIONS);
        assertThat(n.inCore()).contains(true);
    }

    @Test
    void sampledShapleyOfACommunityIsCloseToItsExactValue() {
        CommunityGame g = CommunityGame.of(Communities.householdsAtNoon(12, 4));
        Sharing exact = SavingsSharing.share(g, SharingMethod.SHAPLEY, OPTIONS);
        Sharing sampled = SavingsSharing.share(g, SharingMethod.SHAPLEY_SAMPLED, OPTIONS.withSamples(4000));
        assertThat(sampled.samples()).hasValue(4000);
        for (String id : g.playerIds()) {
            assertThat(Math.abs(sampled.allocation(id) - exact.allocation(id))).as(id)
                    .isLessThanOrEqualTo(4.5 * sampled.standardErrors().get(id));
        }
    }

    @Test
    void proportionalFollowsTheEnergyOfTheGrandCoalitionsClearing() {
        CommunityGame g = CommunityGame.of(Communities.householdsAtNoon(6, 8));
        double[] energy = g.grandCoalitionEnergy();
        Sharing s = SavingsSharing.share(g, SharingMethod.PROPORTIONAL, OPTIONS);
        double total = Arrays.stream(energy).sum();
        for (int i = 0; i < 6; i++) {
            assertThat(s.allocationArray()[i]).isCloseTo(s.grandCoalitionSavings() * energy[i] / total, within(1e-12));
        }
        Sharing equal = SavingsSharing.share(g, SharingMethod.EQUAL, OPTIONS);
        for (double x : equal.allocationArray()) {
            assertThat(x).isCloseTo(equal.grandCoalitionSavings() / 6, within(1e-15));
        }
    }

    @Test
    void nucleolusOfACommunityIsLexicographicallyBestNearby() {
        CommunityGame g = CommunityGame.of(Communities.variedCommunity(4, 3, true));
        double[] v = CoalitionValues.of(g, 1);
        for (var lp : NucleolusTest.backendList()) {
            double[] x = Nucleolus.fromValues(g.players(), v, lp).allocation();
            NucleolusTest.assertLocallyLexMax(g.players(), v, x, 17);
        }
    }

    @Test
    void exactMethodsRefuseLargeGamesWithTheLimit() {
        CommunityGame g = CommunityGame.of(Communities.householdsAtNoon(30, 1));
        assertThatThrownBy(() -> SavingsSharing.share(g, SharingMethod.SHAPLEY, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 24 players")
                .hasMessageContaining("shapley-sampled");
        assertThatThrownBy(() -> SavingsSharing.share(g, SharingMethod.NUCLEOLUS, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 20 players");
        // Above the exact core limit, the core is searched: present only if a blocking coalition is found.
        Sharing equal = SavingsSharing.share(g, SharingMethod.EQUAL, OPTIONS);
        assertThat(equal.core().exact()).isFalse();
        assertThat(equal.inCore().orElse(false)).isFalse();
        assertThat(equal.notes()).anyMatch(n -> n.startsWith("core:"));
    }

    @Test
    void largeCommunityStopsAtTheTargetStandardError() {
        CommunityGame g = CommunityGame.of(Communities.householdsAtNoon(200, 3));
        Sharing s = SavingsSharing.share(g, SharingMethod.SHAPLEY_SAMPLED,
                OPTIONS.withSamples(100_000).withTargetRelativeError(0.02));
        double mean = s.grandCoalitionSavings() / 200;
        assertThat(s.standardErrors().values()).allSatisfy(se -> assertThat(se).isLessThanOrEqualTo(0.02 * mean));
        assertThat(s.samples().getAsLong()).isLessThan(100_000);
        assertThat(s.notes()).anyMatch(n -> n.contains("reached the target"));
    }

    @Test
    void independentPeriodsAddUp() {
        HorizonMarket day = HouseholdDayGenerator.generate(6, 4, 0, 0, BipartiteMarketGenerator.ALL_PARTNERS, 5);
        CommunityGame whole = CommunityGame.of(day);
        assertThat(whole.periods()).isEqualTo(4);
        assertThat(whole.evaluator()).isEqualTo(CommunityGame.Evaluator.POOL);
        double[] v = CoalitionValues.of(whole, 1);
        double[] sum = new double[v.length];
        for (int t = 0; t < 4; t++) {
            double[] vt = CoalitionValues.of(CommunityGame.of(day.period(t)), 1);
            for (int s = 0; s < v.length; s++) {
                sum[s] += vt[s];
            }
        }
        for (int s = 0; s < v.length; s++) {
            assertThat(v[s]).isCloseTo(sum[s], within(1e-12));
        }
        // Energy over the periods: the sum of each period's grand clearing.
        double[] e = whole.grandCoalitionEnergy();
        double[] e0 = CommunityGame.of(day.period(0)).grandCoalitionEnergy();
        double[] e2 = CommunityGame.of(day.period(2)).grandCoalitionEnergy();
        assertThat(e[0]).isGreaterThanOrEqualTo(e0[0] + e2[0] - 1e-9);
    }

    @Test
    void periodsCoupledByStorageAreClearedOverTheHorizon() {
        // Four households over 4 periods of 6 h, the first with a battery: the periods are coupled.
        HorizonMarket day = HouseholdDayGenerator.generate(4, 4, 1, 0, BipartiteMarketGenerator.ALL_PARTNERS, 5);
        CommunityGame g = CommunityGame.of(day);
        assertThat(g.evaluator()).isEqualTo(CommunityGame.Evaluator.CLEARING);
        assertThat(g.notes().get(0)).contains("h0.bat").contains("couple");
        assertThatThrownBy(() -> CommunityGame.of(day, CommunityGame.Evaluator.POOL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("couple the periods");
        double[] v = CoalitionValues.of(g, 1);
        // Without the battery's owner (player 0) a coalition's market has no memory: its cost is the sum of its
        // periods' costs, which the closed form computes period by period. (The battery's periods are those of
        // the day's markets with the battery idle: its owner is not in these coalitions.)
        double[] separable = new double[v.length];
        for (int t = 0; t < 4; t++) {
            double[] vt = CoalitionValues.of(CommunityGame.of(day.period(t)), 1);
            for (int s = 0; s < v.length; s++) {
                separable[s] += vt[s];
            }
        }
        // The horizon clearing is certified to its back-end's gap (relative 1e-6 of the gross cost, a few EUR here);
        // the closed form is exact.
        for (int s = 2; s < v.length; s += 2) {
            assertThat(v[s]).as("v(%s)", Integer.toBinaryString(s)).isCloseTo(separable[s], within(1e-6));
        }
        Sharing sh = SavingsSharing.share(g, SharingMethod.SHAPLEY, OPTIONS);
        assertThat(sh.allocations().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(sh.grandCoalitionSavings(), within(1e-9 * Math.abs(sh.grandCoalitionSavings())));
        assertThat(g.grandCoalitionEnergy()[0]).isGreaterThan(0.0);
    }

    /**
     * The spec's three-houses example on the case33bw feeder: a network, so coalitions are cleared by qp.
     * With the example's voltage band [0.95, 1.05] a coalition without h3's generation is infeasible (the
     * feeder's base load alone takes bus 18 to 0.916 pu), so the game is undefined there and says so; with
     * [0.90, 1.05] every coalition clears.
     */
    @Test
    void aCaseWithANetworkIsClearedCoalitionByCoalition() {
        Market.Builder b = Market.builder("three-houses")
                .agent(new Agent("h1", "18", null, List.of(new Asset("h1.pv", 0, 4, 0, 0), new Asset("h1.load", -3, -1, 0.05, 0.3))))
                .agent(new Agent("h2", "25", null, List.of(new Asset("h2.load", -5, 0, 0.04, 0.28))))
                .agent(new Agent("h3", "33", null, List.of(new Asset("h3.gen", 0, 6, 0.02, 0.1))))
                .agent(new Agent("m1", List.of()))
                .tradeGraph(TradeGraph.complete(0.01, List.of(new Arc("h2", "h3", 0.03))))
                .community(new Community("C1", "m1", List.of("h1", "h2")))
                .grid(new Grid("1", 0.35, 0.05));
        Market example = b.network(new NetworkSpec("case33bw", null, 0.95, 1.05, List.of())).build();
        assertThatThrownBy(() -> CommunityGame.of(example)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("player 'h1'").hasMessageContaining("INFEASIBLE");
        Market withNetwork = b.network(new NetworkSpec("case33bw", null, 0.90, 1.05, List.of())).build();
        CommunityGame g = CommunityGame.of(withNetwork);
        assertThat(g.evaluator()).isEqualTo(CommunityGame.Evaluator.CLEARING);
        assertThat(g.playerIds()).containsExactly("h1", "h2", "h3");
        Sharing s = SavingsSharing.share(g, SharingMethod.SHAPLEY, OPTIONS);
        assertThat(s.allocations().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(s.grandCoalitionSavings(), within(1e-9 * Math.abs(s.grandCoalitionSavings())));
        assertThat(s.grandCoalitionSavings()).isGreaterThan(0.0);
        // Without the feeder the same case is no pool (a community beside an independent player): the engine.
        Market flat = b.network(null).build();
        CommunityGame f = CommunityGame.of(flat);
        assertThat(f.evaluator()).isEqualTo(CommunityGame.Evaluator.FLOW);
        assertThat(f.cost(Set.of("h1", "h3"))).isCloseTo(CommunityGame.of(flat, CommunityGame.Evaluator.CLEARING)
                .cost(Set.of("h1", "h3")), within(1e-9));
    }

    @Test
    void abstractGamesTakeWeightsForTheProportionalSplit() {
        Game g = TextbookGames.glove();
        Sharing s = SavingsSharing.share(g, SharingMethod.PROPORTIONAL, OPTIONS, new double[] {2, 1, 1});
        assertThat(s.allocationArray()).containsExactly(new double[] {0.5, 0.25, 0.25}, within(1e-15));
        assertThat(s.inCore()).contains(false);
        assertThat(s.players()).containsExactly("p0", "p1", "p2");
        assertThatThrownBy(() -> SavingsSharing.share(g, SharingMethod.PROPORTIONAL, OPTIONS, null))
                .isInstanceOf(IllegalArgumentException.class);
        Sharing n = SavingsSharing.share(g, SharingMethod.NUCLEOLUS, OPTIONS.withLpBackend(SolverRegistry.load().get("ojalgo")), null);
        assertThat(n.allocationArray()).containsExactly(new double[] {1, 0, 0}, within(1e-7));
        assertThat(n.inCore()).contains(true);
        Map<String, Double> m = n.allocations();
        assertThat(m).containsOnlyKeys("p0", "p1", "p2");
    }

    @Test
    void methodNamesAreTheCommandLines() {
        assertThat(Arrays.stream(SharingMethod.values()).map(SharingMethod::cliName))
                .containsExactly("shapley", "shapley-sampled", "nucleolus", "proportional", "equal");
        assertThat(SharingMethod.fromName("Shapley-Sampled")).isEqualTo(SharingMethod.SHAPLEY_SAMPLED);
        assertThatThrownBy(() -> SharingMethod.fromName("banzhaf")).hasMessageContaining("known: shapley");
    }
}
