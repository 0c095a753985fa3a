package org.peerclear.sweep;

import java.util.Map;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.options.ClearingCatalog;
import org.peerclear.clearing.options.ClearingSettings;
import org.peerclear.opt.SolverRegistry;
import org.peerclear.options.InvalidOptionException;
import org.peerclear.options.Options;

/** The clearing options of one run: the defaults, the case's {@code options} block, then the sweep's {@code run.options}. */
final class CaseOptions {
    private CaseOptions() {
    }

    /**
     * @param caseBlock the case's {@code options} block
     * @param run       the sweep's run, whose options win
     * @return the named options, validated
     * @throws InvalidSweepException naming {@code options.NAME} or {@code run.options.NAME} for an unknown option or a bad value
     */
    static Options named(Map<String, String> caseBlock, ScenarioRun run) {
        Options o = with(Options.defaults(ClearingCatalog.CATALOG), caseBlock, "options.");
        o = with(o, run.options(), "run.options.");
        if (o.anySet("admm.") && !run.method().equals("admm") && !run.method().equals("auto")) {
            throw new InvalidSweepException("run.options", "admm.* options apply to method admm (or auto) only, not " + run.method());
        }
        return o;
    }

    /**
     * @param named the run's named options
     * @return the clearing options they stand for, with the registered back-ends
     */
    static ClearingOptions of(Options named) {
        return ClearingSettings.apply(ClearingOptions.DEFAULT.withRegistry(SolverRegistry.load()), named);
    }

    private static Options with(Options base, Map<String, String> block, String prefix) {
        Options o = base;
        for (Map.Entry<String, String> e : block.entrySet()) {
            try {
                o = o.with(e.getKey(), e.getValue());
            } catch (InvalidOptionException ex) {
                throw new InvalidSweepException(prefix + e.getKey(), ex.getMessage());
            }
        }
        return o;
    }
}
