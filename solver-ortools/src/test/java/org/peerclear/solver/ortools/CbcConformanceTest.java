package org.peerclear.solver.ortools;

import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverBackendConformanceTest;

class CbcConformanceTest extends SolverBackendConformanceTest {
    private static final SolverBackend BACKEND = new CbcBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }
}
