package org.peerclear.clearing.losses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The loss allocators visible from a class loader, by name; two with one name are refused. */
public final class LossAllocators {
    private final List<LossAllocator> allocators;

    private LossAllocators(List<LossAllocator> found) {
        found.sort(Comparator.comparing(LossAllocator::name));
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).name().equals(found.get(i - 1).name())) {
                throw new IllegalStateException("Two loss allocators are named '" + found.get(i).name() + "': "
                        + found.get(i - 1).getClass().getName() + " and " + found.get(i).getClass().getName());
            }
        }
        this.allocators = List.copyOf(found);
    }

    public static LossAllocators load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        List<LossAllocator> found = new ArrayList<>();
        ServiceLoader.load(LossAllocator.class, cl != null ? cl : LossAllocators.class.getClassLoader()).forEach(found::add);
        return new LossAllocators(found);
    }

    /** All of them, by name. */
    public List<LossAllocator> all() {
        return allocators;
    }

    /** The allocator of that name; an unknown name is an error listing the available ones. */
    public LossAllocator get(String name) {
        return allocators.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "Unknown loss allocation '" + name + "'; available: "
                        + allocators.stream().map(LossAllocator::name).collect(Collectors.joining(", "))));
    }
}
