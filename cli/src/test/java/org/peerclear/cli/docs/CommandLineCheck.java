package org.peerclear.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Parses a documented command line with the real command tree, without running it.
 *
 * <p>Docs quote synopses as well as concrete lines, so the notation of a synopsis is read too:
 * {@code [...]} marks optional words (checked as if given), {@code a|b} alternatives (each one
 * checked), {@code ...} more arguments (dropped), and a placeholder ({@code N},
 * {@code CASE.json}, {@code SECONDS}: upper case, perhaps with an extension) given to a
 * numeric or enumerated option stands for a valid value of the option's type. A concrete value
 * is parsed as it is written.
 */
final class CommandLineCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Za-z0-9]+)?");

    private final Supplier<CommandLine> tree;

    /** @param tree a fresh command tree for each parse (a parse leaves its values in the tree) */
    CommandLineCheck(Supplier<CommandLine> tree) {
        this.tree = tree;
    }

    /** Whether {@code name} is a command of the tree. */
    boolean hasCommand(String name) {
        return tree.get().getSubcommands().containsKey(name);
    }

    /** The parse error of the first variant that does not parse, if any. */
    Optional<String> check(List<String> args) {
        for (List<String> variant : variants(words(args))) {
            CommandLine cl = tree.get();
            try {
                cl.parseArgs(withSamples(cl, variant).toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                String shown = String.join(" ", variant);
                return Optional.of(e.getMessage() + (variant.equals(args) ? "" : " (as `" + shown + "`)"));
            }
        }
        return Optional.empty();
    }

    /** The words without the synopsis brackets and ellipses. */
    private static List<String> words(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            String w = a.replaceAll("^\\[+|\\]+$", "");
            if (!w.isEmpty() && !w.equals("...")) {
                out.add(w);
            }
        }
        return out;
    }

    /** One line per alternative of every {@code a|b} word, the other words at their first alternative. */
    private static List<List<String>> variants(List<String> words) {
        List<String> first = new ArrayList<>();
        for (String w : words) {
            first.add(w.split("\\|", -1)[0]);
        }
        List<List<String>> out = new ArrayList<>();
        out.add(first);
        for (int i = 0; i < words.size(); i++) {
            String[] alternatives = words.get(i).split("\\|", -1);
            for (int k = 1; k < alternatives.length; k++) {
                List<String> v = new ArrayList<>(first);
                v.set(i, alternatives[k]);
                out.add(v);
            }
        }
        return out;
    }

    /** The words with every placeholder value of a typed option or parameter replaced by a sample. */
    private static List<String> withSamples(CommandLine root, List<String> words) {
        List<String> out = new ArrayList<>(words);
        CommandSpec spec = root.getCommandSpec();
        int positional = 0;
        for (int i = 0; i < out.size(); i++) {
            String w = out.get(i);
            CommandLine sub = spec.subcommands().get(w);
            if (sub != null && positional == 0) {
                spec = sub.getCommandSpec();
                continue;
            }
            OptionSpec option = w.startsWith("-") ? spec.findOption(w) : null;
            if (option != null) {
                if (option.arity().max() > 0 && i + 1 < out.size()) {
                    out.set(i + 1, sample(option, out.get(i + 1)));
                    i++;
                }
            } else if (!w.startsWith("-")) {
                for (var p : spec.positionalParameters()) {
                    if (p.index().contains(positional)) {
                        out.set(i, sample(p, w));
                        break;
                    }
                }
                positional++;
            }
        }
        return out;
    }

    private static String sample(ArgSpec arg, String value) {
        if (!PLACEHOLDER.matcher(value).matches()) {
            return value;
        }
        Class<?> type = arg.type();
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "1";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "1.0";
        }
        return value;
    }
}
