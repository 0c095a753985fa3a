package org.peerclear.clearing;

import java.util.List;
import java.util.Optional;
import org.peerclear.spi.Registry;

/** The clearing methods visible from a class loader, read anew at each {@link #load()}. */
public final class ClearingMethods {
    private final Registry<ClearingMethod> registry;

    private ClearingMethods(Registry<ClearingMethod> registry) {
        this.registry = registry;
    }

    /**
     * The methods registered in {@code META-INF/services/org.peerclear.clearing.ClearingMethod}, read from the
     * thread's context class loader (or this class's when there is none).
     *
     * @return the methods, sorted by name
     * @throws IllegalStateException when two registered methods have the same name
     */
    public static ClearingMethods load() {
        return new ClearingMethods(Registry.load(ClearingMethod.class, "clearing method"));
    }

    /** {@return every method, sorted by name; unmodifiable} */
    public List<ClearingMethod> methods() {
        return registry.all();
    }

    /** {@return the methods' names as on the command line ({@code --method}), sorted} */
    public List<String> names() {
        return registry.names();
    }

    /**
     * The method of that name, if there is one.
     *
     * @param name a method name, exactly (lower case)
     * @return the method; empty for an unknown name
     */
    public Optional<ClearingMethod> find(String name) {
        return registry.find(name);
    }

    /**
     * The method of that name.
     *
     * @param name a method name, exactly (lower case)
     * @return the method
     * @throws IllegalArgumentException for an unknown name, naming the close matches (if any) and the available
     *         names
     */
    public ClearingMethod get(String name) {
        return registry.get(name);
    }
}
