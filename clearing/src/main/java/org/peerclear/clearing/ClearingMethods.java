package org.peerclear.clearing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The clearing methods visible from a class loader, read anew at each {@link #load()}. */
public final class ClearingMethods {
    private final List<ClearingMethod> methods;

    private ClearingMethods(List<ClearingMethod> methods) {
        methods.sort(Comparator.comparing(ClearingMethod::name));
        this.methods = List.copyOf(methods);
    }

    public static ClearingMethods load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<ClearingMethod> found = new ArrayList<>();
        ServiceLoader.load(ClearingMethod.class, cl != null ? cl : ClearingMethods.class.getClassLoader()).forEach(found::add);
        return new ClearingMethods(found);
    }

    public List<ClearingMethod> methods() {
        return methods;
    }

    public List<String> names() {
        return methods.stream().map(ClearingMethod::name).collect(Collectors.toList());
    }

    public Optional<ClearingMethod> find(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The method of that name; an unknown name is an error listing the available ones. */
    public ClearingMethod get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown clearing method '" + name + "'; available: " + String.join(", ", names())));
    }
}
