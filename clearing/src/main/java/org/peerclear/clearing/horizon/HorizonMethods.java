package org.peerclear.clearing.horizon;

import java.util.List;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.horizon.model.Horizon;

/**
 * The clearing methods that take a case with several periods, by the names {@code clear} and a
 * sweep give them: {@code auto}, {@code qp} and {@code lp} (one centralised problem over the
 * horizon, {@link HorizonClearing}; {@code lp} only for linear assets) and {@code admm}
 * ({@link HorizonAdmm}). One place, so that the command line and the sweep clear a horizon alike.
 */
public final class HorizonMethods {
    /** The names, in the order messages list them. */
    public static final List<String> NAMES = List.of("auto", "qp", "lp", "admm");

    private HorizonMethods() {
    }

    /**
     * Clears a horizon with a named method.
     *
     * @param h       the horizon
     * @param method  one of {@link #NAMES}
     * @param options the options
     * @return the result
     * @throws IllegalArgumentException for another name, for {@code lp} with a curved asset, or
     *                                  for options the method refuses
     */
    public static HorizonResult clear(Horizon h, String method, ClearingOptions options) {
        return switch (method) {
            case "auto", "qp" -> new HorizonClearing().clear(h, options);
            case "lp" -> {
                HorizonClearing.requireLinear(h);
                yield new HorizonClearing().clear(h, options);
            }
            case "admm" -> new HorizonAdmm().clear(h, options);
            default -> throw new IllegalArgumentException("method " + method
                    + " does not clear a case with several periods yet; use auto, qp, lp or admm");
        };
    }
}
