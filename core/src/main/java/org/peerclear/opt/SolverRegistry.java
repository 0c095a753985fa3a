package org.peerclear.opt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerclear.spi.Registry;

/**
 * The back-ends available to a caller. Not a singleton: {@link #load()} reads the service
 * registrations visible from a class loader each time it is called, and {@link #of} builds a
 * registry from explicit instances (tests, embedding applications).
 */
public final class SolverRegistry {
    /** The pure-Java back-end, always present: the default when no preferred one is available. */
    public static final String DEFAULT_BACKEND = "ojalgo";

    /**
     * Back-ends preferred, in order, when none is named and they are available. QPs go to the
     * interior point method (100 households × 24 h on a complete graph, the whole horizon,
     * certified: ipm 2.7 s, PDLP 99 s), then PDLP (case33bw feeder markets, QP with the
     * LinDistFlow rows: 200 peers × 10 PDLP 0.6 s, ojAlgo 6.3 s; 2,000 peers PDLP 7.5 s,
     * ojAlgo over 150 s). LPs go to GLOP's simplex (exact vertex and duals); MILPs to SCIP.
     */
    static final Map<ProblemClass, List<String>> PREFERRED = Map.of(
            ProblemClass.QP, List.of("ipm", "ortools-pdlp", DEFAULT_BACKEND),
            ProblemClass.LP, List.of("ortools-glop", DEFAULT_BACKEND),
            ProblemClass.MILP, List.of("ortools-scip", "ortools-cbc"));

    private static final String KIND = "solver back-end";

    private final Registry<SolverBackend> registry;

    private SolverRegistry(Registry<SolverBackend> registry) {
        this.registry = registry;
    }

    /**
     * The back-ends registered with {@link java.util.ServiceLoader} on the context class path.
     *
     * @return the registry, available or not
     * @throws IllegalStateException when two registered back-ends have the same name
     */
    public static SolverRegistry load() {
        return new SolverRegistry(Registry.load(SolverBackend.class, KIND));
    }

    /**
     * The back-ends registered with {@link java.util.ServiceLoader} in a given class loader.
     *
     * @param classLoader where to look for {@code META-INF/services} entries (plug-in folders, tests)
     * @return the registry, available or not
     * @throws IllegalStateException when two registered back-ends have the same name
     */
    public static SolverRegistry load(ClassLoader classLoader) {
        return new SolverRegistry(Registry.load(SolverBackend.class, KIND, classLoader));
    }

    /**
     * A registry of exactly these back-ends, without the service loader (tests, embedding).
     *
     * @param backends the back-ends, names unique
     * @return the registry
     * @throws IllegalStateException when two of them have the same name
     */
    public static SolverRegistry of(List<? extends SolverBackend> backends) {
        return new SolverRegistry(Registry.of(KIND, backends));
    }

    /** {@return all registered back-ends, sorted by name (including unavailable ones)} */
    public List<SolverBackend> backends() {
        return registry.all();
    }

    /** {@return the names of all registered back-ends, sorted} */
    public List<String> names() {
        return registry.names();
    }

    /**
     * The back-end of that name, if registered.
     *
     * @param name a back-end name as on the command line, e.g. {@code ojalgo}
     * @return the back-end (available or not); empty for an unknown name
     */
    public Optional<SolverBackend> find(String name) {
        return registry.find(name);
    }

    /**
     * The back-end of that name; an unknown name is an error naming the close matches and the available ones.
     *
     * @param name a back-end name as on the command line
     * @return the back-end (available or not)
     * @throws IllegalArgumentException for an unknown name
     */
    public SolverBackend get(String name) {
        return registry.get(name);
    }

    /**
     * The back-end used when none is named: the first of {@link #defaultsFor}.
     *
     * @param problemClass the class of the problem to solve
     * @return an available back-end that solves it
     * @throws IllegalArgumentException when no available back-end solves the class
     */
    public SolverBackend defaultFor(ProblemClass problemClass) {
        List<SolverBackend> all = defaultsFor(problemClass);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("No available solver back-end solves " + problemClass
                    + "; registered: " + String.join(", ", names()));
        }
        return all.get(0);
    }

    /**
     * The available back-ends that solve the class, in the order a caller without a named one
     * should try them: those of {@link #PREFERRED} first, in its order, then the others by name.
     * The tail is what a caller falls back on when the first declines a problem (e.g. ipm's
     * factor over its budget). Empty when none solves the class.
     *
     * @param problemClass the class of the problem to solve
     * @return the available back-ends that solve it, in order of preference
     */
    public List<SolverBackend> defaultsFor(ProblemClass problemClass) {
        List<String> preferred = PREFERRED.getOrDefault(problemClass, List.of());
        List<SolverBackend> out = new ArrayList<>();
        for (String name : preferred) {
            find(name).filter(b -> b.isAvailable() && b.supports(problemClass)).ifPresent(out::add);
        }
        for (SolverBackend b : registry.all()) {
            if (!preferred.contains(b.name()) && b.isAvailable() && b.supports(problemClass)) {
                out.add(b);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
