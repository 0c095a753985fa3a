package org.peerclear.examples.extending;

import java.util.Set;
import org.peerclear.opt.Problem;
import org.peerclear.opt.ProblemClass;
import org.peerclear.opt.Solution;
import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverParameters;
import org.peerclear.opt.ojalgo.OjAlgoBackend;

/** A back-end of one's own; here it hands the problem to ojAlgo and signs the answer. */
public final class MySolverBackend implements SolverBackend {
    private static final String NAME = "my-solver";
    private static final SolverBackend ENGINE = new OjAlgoBackend();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ProblemClass> problemClasses() {
        return ENGINE.problemClasses();
    }

    @Override
    public boolean providesDuals() {
        return ENGINE.providesDuals();
    }

    @Override
    public Solution solve(Problem problem, SolverParameters parameters) {
        Solution s = ENGINE.solve(problem, parameters);
        if (!s.hasPoint()) {
            return Solution.withoutPoint(s.status(), s.message(), NAME, s.iterations(), s.seconds());
        }
        return Solution.of(problem, s.status(), s.message(), NAME, s.x(), s.duals().orElse(null),
                s.iterations(), s.seconds());
    }
}
