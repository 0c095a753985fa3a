package org.peerclear.opt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The back-ends available to a caller. Not a singleton: {@link #load()} reads the service
 * registrations visible from a class loader each time it is called, and {@link #of} builds a
 * registry from explicit instances (tests, embedding applications).
 */
public final class SolverRegistry {
    /** The default back-end when it supports the problem: pure Java, always present. */
    public static final String DEFAULT_BACKEND = "ojalgo";

    private final List<SolverBackend> backends;

    private SolverRegistry(List<SolverBackend> backends) {
        List<SolverBackend> sorted = new ArrayList<>(backends);
        sorted.sort(Comparator.comparing(SolverBackend::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalStateException("Two solver back-ends are named '" + sorted.get(i).name() + "'");
            }
        }
        this.backends = Collections.unmodifiableList(sorted);
    }

    public static SolverRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl != null ? cl : SolverRegistry.class.getClassLoader());
    }

    public static SolverRegistry load(ClassLoader classLoader) {
        List<SolverBackend> found = new ArrayList<>();
        for (SolverBackend b : ServiceLoader.load(SolverBackend.class, classLoader)) {
            found.add(b);
        }
        return new SolverRegistry(found);
    }

    public static SolverRegistry of(List<? extends SolverBackend> backends) {
        return new SolverRegistry(new ArrayList<>(backends));
    }

    /** All registered back-ends, sorted by name (including unavailable ones). */
    public List<SolverBackend> backends() {
        return backends;
    }

    public List<String> names() {
        return backends.stream().map(SolverBackend::name).collect(Collectors.toList());
    }

    public Optional<SolverBackend> find(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The back-end of that name; an unknown name is an error that lists the available ones. */
    public SolverBackend get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown solver back-end '" + name + "'; available: " + String.join(", ", names())));
    }

    /**
     * The back-end used when none is named: {@value #DEFAULT_BACKEND} if it supports the class,
     * otherwise the first available one (by name) that does.
     */
    public SolverBackend defaultFor(ProblemClass problemClass) {
        Optional<SolverBackend> preferred = find(DEFAULT_BACKEND).filter(b -> b.isAvailable() && b.supports(problemClass));
        if (preferred.isPresent()) {
            return preferred.get();
        }
        return backends.stream().filter(b -> b.isAvailable() && b.supports(problemClass)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No available solver back-end solves " + problemClass
                        + "; registered: " + String.join(", ", names())));
    }
}
