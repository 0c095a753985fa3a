package org.peerclear.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.peerclear.clearing.options.ClearingCatalog;
import org.peerclear.options.InvalidOptionException;
import org.peerclear.options.OptionCatalog;
import org.peerclear.options.OptionSpec;
import org.peerclear.options.Options;
import picocli.CommandLine;

/**
 * The named options of {@code clear} and {@code simulate}: a case's {@code options} block, then
 * the command line over it ({@code --set NAME=VALUE} and the common flags, which map onto the
 * same options). Every problem names where the option came from.
 */
final class CliSettings {
    private CliSettings() {
    }

    /** The case's {@code options} block; a problem names the file and the field {@code options.NAME}. */
    static Options fromCase(Options base, Map<String, String> block, Path file) {
        Options o = base;
        for (Map.Entry<String, String> e : block.entrySet()) {
            try {
                o = o.with(e.getKey(), e.getValue());
            } catch (InvalidOptionException ex) {
                throw new InvalidInputException("invalid market case " + file + ": options." + e.getKey() + ": " + ex.getMessage());
            }
        }
        return o;
    }

    /** {@code --set NAME=VALUE} over {@code base}, in the order given (a repeated name: the last wins). */
    static Options fromSet(Options base, Map<String, String> set) {
        Options o = base;
        for (Map.Entry<String, String> e : set.entrySet()) {
            try {
                o = o.with(e.getKey(), e.getValue());
            } catch (InvalidOptionException ex) {
                throw new InvalidInputException("--set " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
            }
        }
        return o;
    }

    /** {@code value} of a common flag, validated by its option's rule and named by the flag. */
    static <T> Options flag(Options base, String flag, OptionSpec<T> spec, T value) {
        try {
            return base.with(spec, value);
        } catch (InvalidOptionException ex) {
            throw new InvalidInputException(flag + ": " + ex.getMessage());
        }
    }

    /** A common flag's text, parsed and validated by the option {@code name}, named by the flag. */
    static Options flag(Options base, String flag, String name, String text) {
        try {
            return base.with(name, text);
        } catch (InvalidOptionException ex) {
            throw new InvalidInputException(flag + ": " + ex.getMessage());
        }
    }

    /** Refuses options of the groups in {@code prefixes} (e.g. {@code "admm."}) with {@code why}. */
    static void refuse(Options o, List<String> prefixes, String why) {
        for (String prefix : prefixes) {
            for (OptionSpec<?> s : o.catalog().specs()) {
                if (s.name().startsWith(prefix) && o.isSet(s)) {
                    throw new InvalidInputException("option " + s.name() + " " + why);
                }
            }
        }
    }

    /** Lists every clearing option (type, default, rule, description) at the end of {@code command}'s help. */
    static void listInHelp(CommandLine command) {
        listInHelp(command, ClearingCatalog.CATALOG,
                "%nNamed options (--set NAME=VALUE, or a case's \"options\" block; the command line wins):%n");
    }

    /** Lists every option of {@code catalog} at the end of {@code command}'s help, under {@code heading}. */
    static void listInHelp(CommandLine command, OptionCatalog catalog, String heading) {
        StringBuilder b = new StringBuilder(heading);
        for (OptionSpec<?> s : catalog.specs()) {
            // picocli formats footers: a literal percent sign must be doubled.
            b.append("  ").append(s.describe().replace("%", "%%")).append("%n");
        }
        command.getCommandSpec().usageMessage().footer(b.toString());
    }
}
