package org.peerclear.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerclear.examples.AuctionVsOptimumExample.Comparison;
import org.peerclear.examples.AuctionVsOptimumExample.Row;

/** The auctions against the optimum on a small market: what must hold whatever the mechanisms' details. */
class AuctionVsOptimumExampleTest {
    /** 20 agents: 10 producers, 10 consumers. */
    private static final Comparison SMALL = AuctionVsOptimumExample.compare(AuctionVsOptimumExample.market(20, 1),
            AuctionVsOptimumExample.STEPS, AuctionVsOptimumExample.MECHANISMS);

    @Test
    void noAuctionBeatsTheOptimum() {
        assertThat(SMALL.optimum()).isPositive();
        assertThat(SMALL.rows()).hasSize(AuctionVsOptimumExample.STEPS.length);
        for (Row r : SMALL.rows()) {
            for (String name : AuctionVsOptimumExample.MECHANISMS) {
                // The auction's allocation is one the optimisation could have chosen: it cannot do better.
                assertThat(r.loss().get(name)).as("%s at K = %d", name, r.steps()).isGreaterThanOrEqualTo(-1e-9);
            }
        }
    }

    @Test
    void theUniformAuctionLosesNoMoreWithFinerStepsAndStaysWithinTheMidpointBound() {
        List<Row> rows = SMALL.rows();
        double first = rows.get(0).loss().get("uniform");
        double last = rows.get(rows.size() - 1).loss().get("uniform");
        assertThat(rows.get(0).steps()).isEqualTo(1);
        assertThat(rows.get(rows.size() - 1).steps()).isEqualTo(32);
        assertThat(last).isLessThanOrEqualTo(first);
        for (Row r : rows) {
            // It trades every crossing unit, so it maximises the stepped welfare: CaseOrders' bound holds.
            assertThat(r.loss().get("uniform")).as("K = %d", r.steps()).isLessThanOrEqualTo(r.bound());
        }
    }
}
