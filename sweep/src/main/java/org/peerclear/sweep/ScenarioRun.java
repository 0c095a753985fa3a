package org.peerclear.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What to run on a scenario's case: one clearing ({@code clear}, over the whole horizon of a case
 * with periods) or a rolling-horizon {@code simulate}, with a clearing method and named options
 * (those of {@code clear --set}, {@code ClearingCatalog}). Serializable: it travels to an
 * executor with its scenario.
 *
 * @param kind    {@link Kind#CLEAR} or {@link Kind#SIMULATE}
 * @param method  the clearing method's name, e.g. {@code auto}; simulate takes {@code auto}, {@code qp} or {@code lp}
 * @param options named options (name to value as text), over the case's own {@code options} block; in order
 * @param window  simulate: periods cleared together, {@code >= 1} (ignored by clear)
 * @param step    simulate: periods committed per window, {@code 1 <= step <= window} (ignored by clear)
 */
public record ScenarioRun(Kind kind, String method, Map<String, String> options, int window, int step) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Simulate's default window and step, as the {@code simulate} command's: a day of hours. */
    public static final int DEFAULT_WINDOW = 24;

    /** One clearing with the default method and options: what {@code clear CASE.json} does. */
    public static final ScenarioRun DEFAULT = new ScenarioRun(Kind.CLEAR, "auto", Map.of(), DEFAULT_WINDOW, DEFAULT_WINDOW);

    /** What a scenario runs. */
    public enum Kind {
        /** One clearing of the case (over its horizon when it has periods), as {@code clear}. */
        CLEAR,
        /** A rolling horizon over the case's periods, as {@code simulate}. */
        SIMULATE;

        /** {@return the name as a sweep file writes it: {@code clear} or {@code simulate}} */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Copies the options, keeping their order (the copy is serializable).
     *
     * @throws IllegalArgumentException if the kind or method is missing, or window or step is out of range
     */
    public ScenarioRun {
        Objects.requireNonNull(kind, "kind");
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method: missing");
        }
        if (window < 1 || step < 1 || step > window) {
            throw new IllegalArgumentException("window, step: need 1 <= step <= window; got window " + window + ", step " + step);
        }
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * This run with another method.
     *
     * @param name a clearing method's name
     * @return a new run
     */
    public ScenarioRun withMethod(String name) {
        return new ScenarioRun(kind, name, options, window, step);
    }
}
