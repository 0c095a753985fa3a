package org.peerclear.solver.ortools;

import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverBackendConformanceTest;

class GlopConformanceTest extends SolverBackendConformanceTest {
    private static final SolverBackend BACKEND = new GlopBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }
}
