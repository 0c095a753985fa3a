package org.peerclear.games.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverRegistry;

/** The nucleolus on both LP back-ends of the test class path: ojAlgo (pure Java) and GLOP (OR-Tools). */
class NucleolusTest {
    private static final double TOL = 1e-7;

    static Stream<SolverBackend> backends() {
        SolverRegistry r = SolverRegistry.load();
        return Stream.of(r.get("ojalgo"), r.get("ortools-glop"));
    }

    private static double[] nucleolus(Game g, SolverBackend lp) {
        return Nucleolus.of(g, 1, lp).allocation();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gloveGame(SolverBackend lp) {
        // The core is the single point (1, 0, 0): the coalitions {0,1} and {0,2} are worth 1 each, so
        // x0 + x1 >= 1 and x0 + x2 >= 1 with x0 + x1 + x2 = 1 and x >= 0 force x1 = x2 = 0. The
        // nucleolus lies in a non-empty core, so it is (1, 0, 0).
        double[] x = nucleolus(TextbookGames.glove(), lp);
        assertThat(x[0]).isCloseTo(1.0, within(TOL));
        assertThat(x[1]).isCloseTo(0.0, within(TOL));
        assertThat(x[2]).isCloseTo(0.0, within(TOL));
    }

    /**
     * The Talmud's estate division (Mishna, Ketubot 93a) for claims 100, 200, 300: estates of 100,
     * 200 and 300 are divided (33⅓, 33⅓, 33⅓), (50, 75, 75) and (50, 100, 150), which Aumann &amp;
     * Maschler (1985, J. Econ. Theory 36) showed are the nucleoli of the bankruptcy games. By hand for
     * the estate 200: v is 0 except v({1,2}) = 100 and v(N) = 200. The smallest excesses are the
     * singletons' x_i and x1 + x2 − 100; maximising min(x0, x1, x2, x1 + x2 − 100) on x0 + x1 + x2 =
     * 200 gives x0 = 50 with x1 + x2 = 150 (raising x0 further lowers x1 + x2 − 100 below x0); then
     * x1 = x2 = 75 maximises the next smallest of x1, x2.
     */
    @ParameterizedTest
    @MethodSource("backends")
    void talmudEstates(SolverBackend lp) {
        assertThat(nucleolus(TextbookGames.bankruptcy(100, 100, 200, 300), lp))
                .containsExactly(new double[] {100.0 / 3, 100.0 / 3, 100.0 / 3}, within(1e-6));
        assertThat(nucleolus(TextbookGames.bankruptcy(200, 100, 200, 300), lp))
                .containsExactly(new double[] {50, 75, 75}, within(1e-6));
        assertThat(nucleolus(TextbookGames.bankruptcy(300, 100, 200, 300), lp))
                .containsExactly(new double[] {50, 100, 150}, within(1e-6));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void symmetricGameSplitsEqually(SolverBackend lp) {
        // Every coalition of size k is worth k^2: all players symmetric, so the nucleolus (unique, and
        // invariant under permutations of the players) is the equal split. Highly degenerate: at the first
        // stage every coalition of a size is tight at once.
        double[] x = nucleolus(Game.of(6, s -> Math.pow(Long.bitCount(s), 2)), lp);
        for (double xi : x) {
            assertThat(xi).isCloseTo(6.0, within(TOL));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void efficientAndLexicographicallyBestNearby(SolverBackend lp) {
        // Random games, superadditive or not: no efficient imputation near the result has a lexicographically
        // larger sorted excess vector. A coalition fixed wrongly at a degenerate stage would leave a direction
        // that improves it.
        for (long seed = 1; seed <= 4; seed++) {
            Game g = seed % 2 == 0 ? TextbookGames.random(4, seed) : TextbookGames.convex(4, seed);
            double[] v = CoalitionValues.of(g, 1);
            double[] x = Nucleolus.fromValues(4, v, lp).allocation();
            assertThat(Arrays.stream(x).sum()).isCloseTo(v[15], within(1e-12 * Math.max(1, Math.abs(v[15]))));
            assertLocallyLexMax(4, v, x, seed);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void largerGamesNeedFewStagesAndStayEfficient(SolverBackend lp) {
        Game g = TextbookGames.convex(12, 21);
        Nucleolus.Result r = Nucleolus.of(g, 2, lp);
        double[] v = CoalitionValues.of(g, 1);
        assertThat(r.levels().length).isBetween(1, 11);
        for (int k = 1; k < r.levels().length; k++) {
            assertThat(r.levels()[k]).isGreaterThanOrEqualTo(r.levels()[k - 1] - TOL * v[v.length - 1]);
        }
        assertThat(Arrays.stream(r.allocation()).sum()).isCloseTo(v[v.length - 1], within(1e-9 * v[v.length - 1]));
        // A convex game's core is non-empty and the nucleolus is in it.
        assertThat(CoreCheck.exact(12, v, r.allocation()).status()).isEqualTo(CoreCheck.Status.IN_CORE);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void withoutImputationsItIsThePrenucleolus(SolverBackend lp) {
        // v(N) = 1 is below v({0}) + v({1}) = 2: no imputation. The prenucleolus of two players splits the
        // surplus v(N) − v(0) − v(1) = −1 equally: (0.5, 0.5).
        Game g = Game.of(2, s -> s == 3 ? 1.0 : 1.0);
        Nucleolus.Result r = Nucleolus.of(g, 1, lp);
        assertThat(r.allocation()).containsExactly(new double[] {0.5, 0.5}, within(TOL));
        assertThat(r.notes()).anyMatch(n -> n.contains("prenucleolus"));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void provingFixingsByTestLpsGivesTheSameNucleolusAsByDuals(SolverBackend lp) {
        // The two ways of deciding which coalitions a stage fixes: a positive dual (complementary slackness), or
        // an LP per tight coalition that maximises its excess over the stage's optima. Degenerate games included
        // (the symmetric one: every coalition of a size is tight at once).
        List<Game> games = List.of(TextbookGames.glove(), TextbookGames.bankruptcy(200, 100, 200, 300),
                Game.of(5, s -> Math.pow(Long.bitCount(s), 2)), TextbookGames.random(5, 3), TextbookGames.convex(6, 4));
        for (Game g : games) {
            double[] v = CoalitionValues.of(g, 1);
            Nucleolus.Result byDuals = Nucleolus.fromValues(g.players(), v, lp, true);
            Nucleolus.Result byTests = Nucleolus.fromValues(g.players(), v, lp, false);
            double scale = Arrays.stream(v).map(Math::abs).max().orElse(1.0);
            assertThat(byTests.allocation()).containsExactly(byDuals.allocation(), within(TOL * scale));
            assertThat(byTests.lpSolves()).isGreaterThan(byDuals.lpSolves());
            assertThat(byDuals.notes()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void refusesMoreThanTheLimit() {
        assertThatThrownBy(() -> Nucleolus.of(Game.of(Nucleolus.MAX_PLAYERS + 1, s -> 0.0), 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + Nucleolus.MAX_PLAYERS);
    }

    /** Random efficient directions at several step sizes never improve the sorted excesses lexicographically. */
    static void assertLocallyLexMax(int n, double[] v, double[] x, long seed) {
        double scale = Arrays.stream(v).map(Math::abs).max().orElse(1.0);
        double[] base = sortedExcesses(n, v, x);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 3000; trial++) {
            double[] d = new double[n];
            double mean = 0.0;
            for (int i = 0; i < n; i++) {
                d[i] = rnd.nextDouble() - 0.5;
                mean += d[i] / n;
            }
            double step = scale * Math.pow(10, -1 - 3 * rnd.nextDouble());
            double[] y = new double[n];
            boolean imputation = true;
            for (int i = 0; i < n; i++) {
                y[i] = x[i] + step * (d[i] - mean);
                imputation &= y[i] >= v[1 << i] - 1e-12 || v[(1 << n) - 1] < singles(n, v);
            }
            if (!imputation) {
                continue;
            }
            double[] other = sortedExcesses(n, v, y);
            assertThat(compare(other, base, 1e-9 * scale)).as("direction %s step %g", Arrays.toString(d), step)
                    .isLessThanOrEqualTo(0);
        }
    }

    private static double singles(int n, double[] v) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += v[1 << i];
        }
        return s;
    }

    private static double[] sortedExcesses(int n, double[] v, double[] x) {
        int full = (1 << n) - 1;
        double[] e = new double[full - 1];
        for (int s = 1; s < full; s++) {
            double xs = 0.0;
            for (int i = 0; i < n; i++) {
                if ((s & (1 << i)) != 0) {
                    xs += x[i];
                }
            }
            e[s - 1] = xs - v[s];
        }
        Arrays.sort(e);
        return e;
    }

    /** Lexicographic comparison with a tolerance: positive when a is larger. */
    private static int compare(double[] a, double[] b, double tol) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k] + tol) {
                return 1;
            }
            if (a[k] < b[k] - tol) {
                return -1;
            }
        }
        return 0;
    }

    static List<SolverBackend> backendList() {
        return backends().toList();
    }
}
