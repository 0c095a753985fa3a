package org.peerclear.games.sharing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the grand coalition's savings are divided, as named by the {@code share} command's {@code --method}. */
public enum SharingMethod {
    /** The exact Shapley value over every coalition ({@link Shapley#exact}). */
    SHAPLEY("shapley"),
    /** The Shapley value estimated from antithetic pairs of random permutations, with standard errors ({@link Shapley#sampled}). */
    SHAPLEY_SAMPLED("shapley-sampled"),
    /** The nucleolus, by the sequence of LPs ({@link Nucleolus}). */
    NUCLEOLUS("nucleolus"),
    /** In proportion to each player's energy in the grand coalition's clearing. */
    PROPORTIONAL("proportional"),
    /** Equal shares. */
    EQUAL("equal");

    private final String cliName;

    SharingMethod(String cliName) {
        this.cliName = cliName;
    }

    /** {@return the method's name on the command line and in results} */
    public String cliName() {
        return cliName;
    }

    /**
     * The method of a command-line name.
     *
     * @param name as on the command line, e.g. {@code shapley-sampled}; case-insensitive
     * @return the method
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static SharingMethod fromName(String name) {
        for (SharingMethod m : values()) {
            if (m.cliName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown sharing method '" + name + "'; known: "
                + Arrays.stream(values()).map(SharingMethod::cliName).collect(Collectors.joining(", ")));
    }
}
