package org.peerclear.games.stackelberg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peerclear.opt.Status;

/**
 * The target: Stackelberg with 1,000 followers by the scalable method in at most 5 s. The
 * search is {@code O(K log K)}; JMH's numbers are in the benchmarks module ({@code StackelbergBenchmark}).
 */
class StackelbergScaleTest {
    /** The target for 1,000 followers, seconds. */
    private static final double TARGET_SECONDS = 5.0;

    @Test
    void aThousandFollowersWithTwoPricesAreSolvedAndVerifiedWithinTheTarget() {
        StackelbergGame game = Instances.game(1000, 2024, StackelbergOptions.DEFAULT);
        StackelbergResult warm = StackelbergPriceSearch.solve(game); // JIT and class loading, not the method's cost
        StackelbergResult r = StackelbergPriceSearch.solve(game);

        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.seconds()).isLessThanOrEqualTo(TARGET_SECONDS);
        assertThat(r.responses()).hasSize(1000);
        assertThat(r.check().passed()).as("%s", r.check()).isTrue();
        assertThat(r.leaderProfit()).isEqualTo(warm.leaderProfit());
        assertThat(r.buyPrice()).isEqualTo(warm.buyPrice());
    }

    @Test
    void aThousandFollowersWithWelfareAndOnePriceAreSolvedWithinTheTarget() {
        StackelbergOptions o = StackelbergOptions.DEFAULT.withObjective(LeaderObjective.WELFARE)
                .withStructure(PriceStructure.SINGLE).withVerify(false);
        StackelbergGame game = Instances.game(1000, 2025, o);
        StackelbergPriceSearch.solve(game);
        StackelbergResult r = StackelbergPriceSearch.solve(game);
        assertThat(r.status()).isEqualTo(Status.OPTIMAL);
        assertThat(r.seconds()).isLessThanOrEqualTo(TARGET_SECONDS);
        assertThat(r.leaderProfit()).isGreaterThanOrEqualTo(-1e-9 * (1 + Math.abs(r.welfare())));
    }
}
