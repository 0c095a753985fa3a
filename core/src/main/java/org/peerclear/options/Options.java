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

    /** Every option of {@code catalog} at its default. */
    public static Options defaults(OptionCatalog catalog) {
        return new Options(Objects.requireNonNull(catalog, "catalog"), Map.of());
    }

    public OptionCatalog catalog() {
        return catalog;
    }

    /** A copy with {@code spec} set to {@code value}, validated by the spec. */
    public <T> Options with(OptionSpec<T> spec, T value) {
        if (!catalog.contains(spec)) {
            throw new InvalidOptionException(spec.name(), "option " + spec.name() + " is not in this catalog");
        }
        Map<String, Object> m = new LinkedHashMap<>(set);
        m.put(spec.name(), spec.validate(value));
        return new Options(catalog, Map.copyOf(m));
    }

    /** A copy with the option {@code name} set from text (unknown names and bad values are {@link InvalidOptionException}s). */
    public Options with(String name, String text) {
        return withParsed(catalog.spec(name), text);
    }

    private <T> Options withParsed(OptionSpec<T> spec, String text) {
        return with(spec, spec.parse(text));
    }

    /** A copy with every {@code name → text} of {@code values} set, in their order. */
    public Options withAll(Map<String, String> values) {
        Options o = this;
        for (Map.Entry<String, String> e : values.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    /** A copy with what {@code later} set explicitly overriding this (e.g. a command line over a case file). */
    public Options overriddenBy(Options later) {
        Map<String, Object> m = new LinkedHashMap<>(set);
        m.putAll(later.set);
        return new Options(catalog, Map.copyOf(m));
    }

    /** The value: as set, else the default. */
    @SuppressWarnings("unchecked")
    public <T> T get(OptionSpec<T> spec) {
        Object v = set.get(spec.name());
        return v != null ? (T) v : spec.defaultValue();
    }

    public boolean isSet(OptionSpec<?> spec) {
        return set.containsKey(spec.name());
    }

    /** True when any option whose name starts with {@code prefix} (e.g. {@code "admm."}) is set. */
    public boolean anySet(String prefix) {
        return set.keySet().stream().anyMatch(n -> n.startsWith(prefix));
    }

    /** Every option's name and printed value (set or default), in catalog order. */
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

    /** One line per option: {@code name = value}, marked {@code (set)} when not the default, in catalog order. */
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
