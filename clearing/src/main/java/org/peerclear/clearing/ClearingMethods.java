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

    /** @throws IllegalStateException when two registered methods have the same name */
    public static ClearingMethods load() {
        return new ClearingMethods(Registry.load(ClearingMethod.class, "clearing method"));
    }

    public List<ClearingMethod> methods() {
        return registry.all();
    }

    public List<String> names() {
        return registry.names();
    }

    public Optional<ClearingMethod> find(String name) {
        return registry.find(name);
    }

    /** The method of that name; an unknown name is an error naming the close matches and the available ones. */
    public ClearingMethod get(String name) {
        return registry.get(name);
    }
}
