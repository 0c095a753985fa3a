package org.peerclear.sweep;

import java.util.List;
import org.peerclear.spi.Named;
import org.peerclear.spi.Registry;

/**
 * Runs a sweep's scenarios: on this machine ({@code local}, built in) or elsewhere (e.g. {@code spark}, module
 * sweep-spark). Engines are found through {@link java.util.ServiceLoader}: a new engine is one class plus one line
 * naming it in {@code META-INF/services/org.peerclear.sweep.SweepEngine}; the built-in one is registered the same
 * way.
 *
 * <p>Every engine returns one row per scenario, in the scenarios' order whatever the order they finish in, each
 * row as {@link ScenarioRunner#run(Scenario, java.nio.file.Path)} gives it; a failing scenario is a row, not a
 * failed sweep.
 */
public interface SweepEngine extends Named {
    /**
     * The registered engines, read anew from the thread's context class loader.
     *
     * @return the registry, sorted by name; {@code get(name)} names close matches for an unknown name
     * @throws IllegalStateException when two engines have one name
     */
    static Registry<SweepEngine> registered() {
        return Registry.load(SweepEngine.class, "sweep engine");
    }

    /** {@return one line for listings: where and how the engine runs the scenarios} */
    String description();

    /**
     * Runs every scenario.
     *
     * @param scenarios the scenarios, ids distinct
     * @param settings  threads, master URL, where result files go
     * @param progress  told as scenarios finish
     * @return one row per scenario, in the order of {@code scenarios}
     */
    List<ScenarioRow> run(List<Scenario> scenarios, SweepSettings settings, SweepProgress progress);
}
