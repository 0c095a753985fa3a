package org.peerclear.solver.ortools;

import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverBackendConformanceTest;

class ScipConformanceTest extends SolverBackendConformanceTest {
    private static final SolverBackend BACKEND = new ScipBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }
}
