package org.peerclear.opt.ojalgo;

import org.peerclear.opt.SolverBackend;
import org.peerclear.opt.SolverBackendConformanceTest;

class OjAlgoConformanceTest extends SolverBackendConformanceTest {
    private static final SolverBackend BACKEND = new OjAlgoBackend();

    @Override
    protected SolverBackend backend() {
        return BACKEND;
    }
}
