package org.peerclear.options;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Values of a catalog's options: those set explicitly, every other at its default. Immutable;
 * {@link #with} returns a validated copy. Listings and {@link #toMap()} follow the catalog's
 * order, so what a run records reads the same every time.
 */
public final class Options {
    private final OptionCatalog catalog;
    /** Only the options set explicitly, keyed by name. */
    private final Map<String, Object> set;

    private Options(OptionCatalog catalog, Map<String, Object> set) {
        this.catalog = catalog;
        this.set = set;
    }

    /**
     * Every option of {@code catalog} at its default.
     *
     * @param catalog the options there are; not null
     * @return options with nothing set
     */
    public static Options defaults(OptionCatalog catalog) {
        return new Options(Objects.requireNonNull(catalog, "catalog"), Map.of());
    }

    /** {@return the catalog these are values of} */
    public OptionCatalog catalog() {
        return catalog;
    }

    /**
     * A copy with {@code spec} set to {@code value}, validated by the spec.
     *
     * @param <T>   the value's type
     * @param spec  an option of this catalog
     * @param value its value
     * @return the copy
     * @throws InvalidOptionException if the spec is not in the catalog or the value breaks its rule
     */
    public <T> Options with(OptionSpec<T> spec, T value) {
        if (!catalog.contains(spec)) {
            throw new InvalidOptionException(spec.name(), "option " + spec.name() + " is not in this catalog");
        }
        Map<String, Object> m = new LinkedHashMap<>(set);
        m.put(spec.name(), spec.validate(value));
        return new Options(catalog, Map.copyOf(m));
    }

    /**
     * A copy with the option {@code name} set from text (unknown names and bad values are {@link InvalidOptionException}s).
     *
     * @param name an option name, e.g. {@code admm.rho}
     * @param text its value as written on a command line or in a case file
     * @return the copy
     * @throws InvalidOptionException if the name is unknown or the value does not parse or breaks the rule
     */
    public Options with(String name, String text) {
        return withParsed(catalog.spec(name), text);
    }

    private <T> Options withParsed(OptionSpec<T> spec, String text) {
        return with(spec, spec.parse(text));
    }

    /**
     * A copy with every {@code name → text} of {@code values} set, in their order.
     *
     * @param values option names to values as text, e.g. a case file's {@code options} block
     * @return the copy
     * @throws InvalidOptionException at the first unknown name or bad value
     */
    public Options withAll(Map<String, String> values) {
        Options o = this;
        for (Map.Entry<String, String> e : values.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    /**
     * A copy with what {@code later} set explicitly overriding this (e.g. a command line over a case file).
     *
     * @param later options of the same catalog; only what it set explicitly counts
     * @return the merged options
     */
    public Options overriddenBy(Options later) {
        Map<String, Object> m = new LinkedHashMap<>(set);
        m.putAll(later.set);
        return new Options(catalog, Map.copyOf(m));
    }

    /**
     * The value: as set, else the default.
     *
     * @param <T>  the value's type
     * @param spec an option of this catalog
     * @return its value, never null
     */
    @SuppressWarnings("unchecked")
    public <T> T get(OptionSpec<T> spec) {
        Object v = set.get(spec.name());
        return v != null ? (T) v : spec.defaultValue();
    }

    /**
     * Whether an option was set explicitly (even to its default value).
     *
     * @param spec an option
     * @return {@code true} if set explicitly
     */
    public boolean isSet(OptionSpec<?> spec) {
        return set.containsKey(spec.name());
    }

    /**
     * True when any option whose name starts with {@code prefix} (e.g. {@code "admm."}) is set.
     *
     * @param prefix a name prefix, usually a group with its dot
     * @return {@code true} if at least one such option was set explicitly
     */
    public boolean anySet(String prefix) {
        return set.keySet().stream().anyMatch(n -> n.startsWith(prefix));
    }

    /** {@return every option's name and printed value (set or default), in catalog order} */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (OptionSpec<?> s : catalog.specs()) {
            m.put(s.name(), printed(s));
        }
        return m;
    }

    private <T> String printed(OptionSpec<T> spec) {
        return spec.print(get(spec));
    }

    /** {@return one line per option: {@code name = value}, marked {@code (set)} when set explicitly, in catalog order} */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (OptionSpec<?> s : catalog.specs()) {
            b.append(s.name()).append(" = ").append(printed(s)).append(isSet(s) ? " (set)" : "").append('\n');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Options x && x.catalog == catalog && x.set.equals(set);
    }

    @Override
    public int hashCode() {
        return set.hashCode();
    }

    @Override
    public String toString() {
        return "Options" + toMap();
    }
}
