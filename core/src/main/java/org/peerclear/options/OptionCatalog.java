package org.peerclear.options;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a product has, in a fixed order (the order of listings and of recorded results).
 * Looks an option up by name; an unknown name is an error naming the close matches.
 */
public final class OptionCatalog {
    /** Names this many edits away (or fewer) from an unknown one are offered as what was meant. */
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private final Map<String, OptionSpec<?>> specs;

    private OptionCatalog(Map<String, OptionSpec<?>> specs) {
        this.specs = specs;
    }

    /**
     * A catalog of {@code specs} in this order; two with one name are refused.
     *
     * @param specs the options in listing order
     * @return the catalog
     * @throws IllegalArgumentException if two specs have the same name
     */
    public static OptionCatalog of(List<OptionSpec<?>> specs) {
        Map<String, OptionSpec<?>> m = new LinkedHashMap<>();
        for (OptionSpec<?> s : specs) {
            if (m.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("Two options are named " + s.name());
            }
        }
        return new OptionCatalog(m);
    }

    /** {@return every option, in catalog order; a copy} */
    public List<OptionSpec<?>> specs() {
        return List.copyOf(specs.values());
    }

    /**
     * Whether {@code spec} itself (not just one of its name) belongs to this catalog.
     *
     * @param spec an option spec
     * @return {@code true} if the catalog holds this very instance
     */
    public boolean contains(OptionSpec<?> spec) {
        return specs.get(spec.name()) == spec;
    }

    /**
     * The option named {@code name}; an unknown name is an {@link InvalidOptionException} with the close matches.
     *
     * @param name an option name, exactly (case-sensitive)
     * @return the spec
     * @throws InvalidOptionException if no option has that name
     */
    public OptionSpec<?> spec(String name) {
        OptionSpec<?> s = specs.get(name);
        if (s == null) {
            List<String> close = closeMatches(name);
            throw new InvalidOptionException(name, "unknown option '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                    + " (every option: --help)");
        }
        return s;
    }

    /**
     * The names within {@link #MAX_SUGGESTION_DISTANCE} edits of {@code name} (case-insensitive), closest first.
     *
     * @param name a name, typically a mistyped one
     * @return the catalog's names within two edits, closest first; empty when none is close
     */
    public List<String> closeMatches(String name) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> distance = new LinkedHashMap<>();
        for (String known : specs.keySet()) {
            int d = EditDistance.between(name.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
            if (d <= MAX_SUGGESTION_DISTANCE) {
                distance.put(known, d);
                out.add(known);
            }
        }
        out.sort(Comparator.comparingInt(distance::get));
        return out;
    }

    /** {@return every option's {@link OptionSpec#describe()}, one a line, in catalog order} */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (OptionSpec<?> s : specs.values()) {
            b.append(s.describe()).append('\n');
        }
        return b.toString();
    }
}
