package org.peerclear.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The plug-ins of one kind visible from a class loader, by name. A new plug-in is one class and
 * one line naming it in {@code META-INF/services/<the kind's interface>}; the built-in ones are
 * registered the same way. Not a singleton: {@link #load} reads the registrations each time it
 * is called, and {@link #of} builds a registry from explicit instances (tests, embedding
 * applications), so no state is shared between callers.
 *
 * <p>Two plug-ins with one name are refused when the registry is built (which one would win
 * would depend on the class path order). An unknown name is an error that names the close
 * matches and lists the available names.
 *
 * @param <T> the kind of plug-in
 */
public final class Registry<T extends Named> {
    private final String kind;
    private final List<T> entries;

    private Registry(String kind, List<? extends T> entries) {
        this.kind = Objects.requireNonNull(kind, "kind");
        List<T> sorted = new ArrayList<>(entries);
        for (T t : sorted) {
            String name = Objects.requireNonNull(t, kind + " is null").name();
            if (name == null || name.isBlank()) {
                throw new IllegalStateException("The " + kind + " " + t.getClass().getName() + " has no name");
            }
        }
        sorted.sort(Comparator.comparing(Named::name));
        for (int i = 1; i < sorted.size(); i++) {
            T a = sorted.get(i - 1);
            T b = sorted.get(i);
            if (a.name().equals(b.name())) {
                throw new IllegalStateException(plural(kind) + " must have distinct names, but " + a.getClass().getName()
                        + " and " + b.getClass().getName() + " are both named '" + a.name() + "'");
            }
        }
        this.entries = List.copyOf(sorted);
    }

    /**
     * The plug-ins registered for {@code type} through {@link ServiceLoader}, from the thread's
     * context class loader (or this class's when there is none).
     *
     * @param <T>  the plug-in interface
     * @param type the plug-in interface, as named in {@code META-INF/services}
     * @param kind what a plug-in is called in messages, e.g. "clearing method"
     * @return the registry, sorted by name
     * @throws IllegalStateException when two have the same name
     */
    public static <T extends Named> Registry<T> load(Class<T> type, String kind) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(type, kind, cl != null ? cl : Registry.class.getClassLoader());
    }

    /**
     * As {@link #load(Class, String)}, from the given class loader.
     *
     * @param <T>         the plug-in interface
     * @param type        the plug-in interface, as named in {@code META-INF/services}
     * @param kind        what a plug-in is called in messages
     * @param classLoader where to look for the service entries
     * @return the registry, sorted by name
     * @throws IllegalStateException when two have the same name
     */
    public static <T extends Named> Registry<T> load(Class<T> type, String kind, ClassLoader classLoader) {
        List<T> found = new ArrayList<>();
        ServiceLoader.load(type, classLoader).forEach(found::add);
        return new Registry<>(kind, found);
    }

    /**
     * A registry of exactly these plug-ins.
     *
     * @param <T>     the plug-in interface
     * @param kind    what a plug-in is called in messages
     * @param entries the plug-ins, in any order
     * @return the registry, sorted by name
     * @throws IllegalStateException when two have the same name
     */
    public static <T extends Named> Registry<T> of(String kind, List<? extends T> entries) {
        return new Registry<>(kind, entries);
    }

    /** {@return what a plug-in of this registry is called in messages, e.g. {@code solver back-end}} */
    public String kind() {
        return kind;
    }

    /** {@return every plug-in, sorted by name; unmodifiable} */
    public List<T> all() {
        return entries;
    }

    /** {@return the plug-ins' names, sorted} */
    public List<String> names() {
        return entries.stream().map(Named::name).collect(Collectors.toList());
    }

    /**
     * The plug-in of that name, if there is one.
     *
     * @param name a plug-in name, exactly
     * @return the plug-in; empty for an unknown name
     */
    public Optional<T> find(String name) {
        return entries.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The plug-in of that name.
     *
     * @param name a plug-in name, exactly
     * @return the plug-in
     * @throws IllegalArgumentException for an unknown name, naming the close matches (if any)
     *         and the available names
     */
    public T get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
    }

    private String unknown(String name) {
        List<String> close = CloseMatches.of(String.valueOf(name), names());
        String hint = close.isEmpty() ? ""
                : "; did you mean " + close.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or ")) + "?";
        return "Unknown " + kind + " '" + name + "'" + hint + "; available: " + String.join(", ", names());
    }

    private static String plural(String kind) {
        String k = kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
        return k.endsWith("s") ? k + "es" : k + "s";
    }
}
