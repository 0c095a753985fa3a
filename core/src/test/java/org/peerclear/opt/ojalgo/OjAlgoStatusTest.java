package org.peerclear.opt.ojalgo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ojalgo.optimisation.Optimisation;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Status;

/** ojAlgo's states as statuses: a point stopped by the time limit is TIME_LIMIT, never OPTIMAL or NOT_CONVERGED. */
class OjAlgoStatusTest {
    @Test
    void aPointAtTheTimeLimitIsTimeLimitAndCarriesThePoint() {
        for (ProblemClass cls : new ProblemClass[] {ProblemClass.LP, ProblemClass.QP, ProblemClass.MILP}) {
            assertThat(OjAlgoBackend.status(Optimisation.State.FEASIBLE, cls, true)).isEqualTo(Status.TIME_LIMIT);
            assertThat(OjAlgoBackend.status(Optimisation.State.APPROXIMATE, cls, true)).isEqualTo(Status.TIME_LIMIT);
            assertThat(OjAlgoBackend.status(Optimisation.State.FEASIBLE, cls, false)).isEqualTo(Status.FEASIBLE);
        }
        assertThat(Status.TIME_LIMIT.hasSolution()).isTrue();
    }

    @Test
    void noPointAtTheTimeLimitIsNotConvergedWithoutASolution() {
        Status s = OjAlgoBackend.status(Optimisation.State.UNEXPLORED, ProblemClass.QP, true);
        assertThat(s).isEqualTo(Status.NOT_CONVERGED);
        assertThat(s.hasSolution()).isFalse();
        assertThat(OjAlgoBackend.status(Optimisation.State.UNEXPLORED, ProblemClass.QP, false)).isEqualTo(Status.ERROR);
    }

    @Test
    void onlyOptimalFeasibleAndTimeLimitCarryAPoint() {
        for (Status s : Status.values()) {
            assertThat(s.hasSolution()).as(s.name())
                    .isEqualTo(s == Status.OPTIMAL || s == Status.FEASIBLE || s == Status.TIME_LIMIT);
        }
    }
}
