package org.peerclear.options;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One option: its name ({@code admm.rho}), type, default, rule (range or allowed values), unit
 * and description. It parses its value from text, validates it and prints it, so a command
 * line, a case file and Java all get the same checks and the same messages. Immutable.
 *
 * @param <T> the value's Java type
 */
public final class OptionSpec<T> {
    private final String name;
    private final String type;
    private final T defaultValue;
    private final String rule;
    private final String unit;
    private final String description;
    private final Function<String, T> parser;
    private final Predicate<T> valid;
    private final Function<T, String> printer;

    private OptionSpec(String name, String type, T defaultValue, String rule, String unit, String description,
                       Function<String, T> parser, Predicate<T> valid, Function<T, String> printer) {
        if (name == null || !name.matches("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)+")) {
            // A dotted lower-camel name keeps the namespace readable (admm.rho) and free of quoting.
            throw new IllegalArgumentException("Invalid option name '" + name + "' (group.name, e.g. admm.rho)");
        }
        this.name = name;
        this.type = type;
        this.rule = rule;
        this.unit = unit == null ? "" : unit;
        this.description = Objects.requireNonNull(description, "description");
        this.parser = parser;
        this.valid = valid;
        this.printer = printer;
        this.defaultValue = validate(defaultValue);
    }

    /**
     * A real number in {@code [min, max]} (an open end when {@code minOpen} / {@code maxOpen}).
     * NaN never passes; infinities pass when within the range.
     *
     * @param name         dotted lower-camel name, e.g. {@code admm.rho}
     * @param defaultValue the value when not set; must follow the rule
     * @param min          lower end of the range
     * @param minOpen      {@code true} to exclude {@code min}
     * @param max          upper end of the range; {@code +∞} for none
     * @param maxOpen      {@code true} to exclude {@code max}
     * @param unit         the value's unit as shown in help, e.g. {@code s}; empty or null for none
     * @param description  one sentence for listings and help
     * @return the spec
     * @throws IllegalArgumentException if the name is not dotted lower-camel
     * @throws InvalidOptionException if the default breaks the rule
     */
    public static OptionSpec<Double> number(String name, double defaultValue, double min, boolean minOpen, double max,
                                            boolean maxOpen, String unit, String description) {
        String rule = (minOpen ? "(" : "[") + printNumber(min) + ", " + printNumber(max) + (maxOpen ? ")" : "]");
        Predicate<Double> inRange = v -> !Double.isNaN(v) && (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        return new OptionSpec<>(name, "number", defaultValue, "a number in " + rule, unit, description,
                OptionSpec::parseNumber, inRange, OptionSpec::printNumber);
    }

    /**
     * A real number {@code > 0}, or {@code auto} (empty) for a value the method chooses itself.
     * The default is {@code auto}.
     *
     * @param name         dotted lower-camel name, e.g. {@code admm.rho}
     * @param unit         the value's unit as shown in help, e.g. {@code s}; empty or null for none
     * @param description  one sentence for listings and help
     * @return the spec
     * @throws IllegalArgumentException if the name is not dotted lower-camel
     */
    public static OptionSpec<OptionalDouble> positiveOrAuto(String name, String unit, String description) {
        return new OptionSpec<>(name, "number or auto", OptionalDouble.empty(), "auto, or a finite number > 0", unit,
                description, s -> "auto".equalsIgnoreCase(s) ? OptionalDouble.empty() : OptionalDouble.of(parseNumber(s)),
                v -> v.isEmpty() || (v.getAsDouble() > 0 && Double.isFinite(v.getAsDouble())),
                v -> v.isEmpty() ? "auto" : printNumber(v.getAsDouble()));
    }

    /**
     * An integer in {@code [min, max]}.
     *
     * @param name         dotted lower-camel name, e.g. {@code admm.rho}
     * @param defaultValue the value when not set; in the range
     * @param min          the least value
     * @param max          the largest value; {@link Integer#MAX_VALUE} for no limit
     * @param unit         the value's unit as shown in help, e.g. {@code s}; empty or null for none
     * @param description  one sentence for listings and help
     * @return the spec
     * @throws IllegalArgumentException if the name is not dotted lower-camel
     * @throws InvalidOptionException if the default breaks the rule
     */
    public static OptionSpec<Integer> integer(String name, int defaultValue, int min, int max, String unit, String description) {
        String rule = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
        return new OptionSpec<>(name, "integer", defaultValue, rule, unit, description, Integer::valueOf,
                v -> v >= min && v <= max, String::valueOf);
    }

    /**
     * A 64-bit integer, any value (seeds).
     *
     * @param name         dotted lower-camel name, e.g. {@code admm.rho}
     * @param defaultValue the value when not set
     * @param description  one sentence for listings and help
     * @return the spec
     * @throws IllegalArgumentException if the name is not dotted lower-camel
     */
    public static OptionSpec<Long> anyLong(String name, long defaultValue, String description) {
        return new OptionSpec<>(name, "integer", defaultValue, "an integer", "", description, Long::valueOf,
                v -> true, String::valueOf);
    }

    /**
     * A boolean, written {@code true} or {@code false} in any case.
     *
     * @param name         dotted lower-camel name, e.g. {@code admm.rho}
     * @param defaultValue the value when not set
     * @param description  one sentence for listings and help
     * @return the spec
     * @throws IllegalArgumentException if the name is not dotted lower-camel
     */
    public static OptionSpec<Boolean> bool(String name, boolean defaultValue, String description) {
        return new OptionSpec<>(name, "boolean", defaultValue, "true or false", "", description, s -> {
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.valueOf(s);
            }
            throw new IllegalArgumentException(s);
        }, v -> true, String::valueOf);
    }

    /**
     * One of an enum's constants, written in lower case (read in any case).
     *
     * @param <E>          the enum
     * @param name         dotted lower-camel name, e.g. {@code admm.rho}
     * @param type         the enum's class; its constants are the allowed words
     * @param defaultValue the value when not set; not null
     * @param description  one sentence for listings and help
     * @return the spec
     * @throws IllegalArgumentException if the name is not dotted lower-camel
     * @throws InvalidOptionException if the default is null
     */
    public static <E extends Enum<E>> OptionSpec<E> choice(String name, Class<E> type, E defaultValue, String description) {
        // A constant PRO_RATA is the word pro-rata: users type words, not Java names.
        List<String> names = Arrays.stream(type.getEnumConstants()).map(OptionSpec::word).toList();
        return new OptionSpec<>(name, String.join("|", names), defaultValue, "one of " + String.join(", ", names), "",
                description, s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_')), v -> true,
                OptionSpec::word);
    }

    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double parseNumber(String s) {
        // Java also reads "1d" and "0x1p3"; a user's number is a plain decimal (or Infinity).
        if (!s.matches("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)")) {
            throw new IllegalArgumentException(s);
        }
        return Double.parseDouble(s);
    }

    private static String printNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** {@return the option's dotted name, e.g. {@code admm.rho}, as on the command line and in case files} */
    public String name() {
        return name;
    }

    /** {@return the type as a user writes it: number, integer, boolean, or the allowed words} */
    public String type() {
        return type;
    }

    /** {@return the value when the option is not set; it follows the rule} */
    public T defaultValue() {
        return defaultValue;
    }

    /** {@return the rule a value must follow, as the error messages state it, e.g. {@code a number in (0, 1)}} */
    public String rule() {
        return rule;
    }

    /** {@return the value's unit as shown in help, empty for none} */
    public String unit() {
        return unit;
    }

    /** {@return one sentence saying what the option does} */
    public String description() {
        return description;
    }

    /**
     * Parses and validates {@code text}; a bad one is an {@link InvalidOptionException} naming this option and its rule.
     *
     * @param text the value as written, surrounding blanks ignored; null reads as empty (and fails)
     * @return the value
     * @throws InvalidOptionException if the text does not parse or breaks the rule
     */
    public T parse(String text) {
        String s = text == null ? "" : text.trim();
        T v;
        try {
            v = parser.apply(s);
        } catch (RuntimeException e) {
            throw invalid(s);
        }
        return validate(v);
    }

    /**
     * {@code value} if it follows this option's rule, else an {@link InvalidOptionException}.
     *
     * @param value a value from Java
     * @return {@code value} itself
     * @throws InvalidOptionException if it is null or breaks the rule
     */
    public T validate(T value) {
        if (value == null || !valid.test(value)) {
            throw invalid(value == null ? "null" : printer.apply(value));
        }
        return value;
    }

    private InvalidOptionException invalid(String value) {
        return new InvalidOptionException(name, "invalid value '" + value + "' for option " + name + ": must be " + rule);
    }

    /**
     * The value as text that {@link #parse(String)} reads back.
     *
     * @param value a valid value
     * @return its text: whole numbers without a decimal point, {@code auto}, lower-case words
     */
    public String print(T value) {
        return printer.apply(value);
    }

    /** {@return one line for help: name, type, default, unit, rule and description} */
    public String describe() {
        return name + " (" + type + ", default " + print(defaultValue) + (unit.isEmpty() ? "" : ", " + unit) + "; "
                + rule + "): " + description;
    }

    @Override
    public String toString() {
        return name;
    }
}
