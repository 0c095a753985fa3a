package org.peerclear.cli;

import java.util.Locale;
import org.peerclear.clearing.admm.AdmmOptions;
import org.peerclear.opt.SolverParameters;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of {@code clear}'s numeric options, taken from the library's own defaults so that
 * {@code --help} shows what a run really uses and cannot drift from it. Whether the user gave an
 * option is asked of the parse result, not read from a null field.
 */
final class ClearDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        AdmmOptions admm = AdmmOptions.DEFAULT;
        return switch (option.longestName()) {
            case "--alpha" -> String.valueOf(admm.alpha());
            case "--eps" -> String.valueOf(admm.eps());
            case "--max-iter" -> String.valueOf(admm.maxIterations());
            case "--stopping" -> admm.stopping().name().toLowerCase(Locale.ROOT);
            case "--threads" -> String.valueOf(SolverParameters.DEFAULT.threads());
            default -> null;
        };
    }
}
