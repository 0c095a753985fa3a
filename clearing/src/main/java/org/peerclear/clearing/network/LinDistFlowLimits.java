package org.peerclear.clearing.network;

import org.peerclear.powerflow.Branch;
import org.peerclear.powerflow.LinDistFlowResult;

/**
 * The feeder's LinDistFlow limits as linear rows on the market's bus injections: the one source
 * of these rows for every method that clears on the feeder (the centralised problem, the exact
 * solver and the ADMM system operator), so that they cannot drift apart. Row r reads
 *
 * <pre>
 *   lower_r ≤ base_r + Σ_q a_rq·P_q ≤ upper_r
 * </pre>
 *
 * over the injection buses {@link #buses()} (P_q in market power units), where {@code a_rq} is
 * the LinDistFlow sensitivity times {@link NetworkModel#kwPerUnit()} and {@code base_r} the
 * quantity with the feeder's own loads only. Rows come in a fixed order: the squared voltage
 * {@code w_j} (pu²) of every non-slack bus, ascending, then the active flow (kW) of every rated
 * branch, ascending. A feeder with no injection bus has no rows: nothing the market does moves
 * them.
 *
 * <p>Margins tighten the voltage bounds for the rounds that tighten LinDistFlow to AC; a method
 * that refuses tightening (ADMM) builds its rows without them.
 */
public final class LinDistFlowLimits {
    /** What a row limits. */
    public enum Kind {
        /** The squared voltage magnitude {@code w_j} of a bus, pu². */
        VOLTAGE,
        /** The active flow on a branch, kW, positive from its from-bus to its to-bus. */
        FLOW
    }

    private final NetworkModel model;
    private final int[] buses;
    private final Kind[] kind;
    private final int[] element;
    private final double[] lower;
    private final double[] upper;
    private final double[] base;

    private LinDistFlowLimits(NetworkModel model, double[] wMaxMargin, double[] wMinMargin) {
        this.model = model;
        this.buses = model.injectionBuses();
        int nb = model.feeder().busCount();
        int rated = 0;
        for (int l = 0; l < model.feeder().branchCount(); l++) {
            rated += Double.isFinite(model.branchLimitKw(l)) ? 1 : 0;
        }
        int n = buses.length == 0 ? 0 : nb - 1 + rated;
        kind = new Kind[n];
        element = new int[n];
        lower = new double[n];
        upper = new double[n];
        base = new double[n];
        double vmin2 = model.spec().vMin() * model.spec().vMin();
        double vmax2 = model.spec().vMax() * model.spec().vMax();
        double[] w0 = model.base().wPu();
        double[] f0 = model.base().pFlowKw();
        int r = 0;
        for (int j = 0; j < nb && n > 0; j++) {
            if (j != model.feeder().slackIndex()) {
                kind[r] = Kind.VOLTAGE;
                element[r] = j;
                lower[r] = vmin2 + (wMinMargin == null ? 0 : wMinMargin[j]);
                upper[r] = vmax2 - (wMaxMargin == null ? 0 : wMaxMargin[j]);
                base[r] = w0[j];
                r++;
            }
        }
        for (int l = 0; l < model.feeder().branchCount() && n > 0; l++) {
            double limit = model.branchLimitKw(l);
            if (Double.isFinite(limit)) {
                kind[r] = Kind.FLOW;
                element[r] = l;
                lower[r] = -limit;
                upper[r] = limit;
                base[r] = f0[l];
                r++;
            }
        }
    }

    /**
     * The limits as the network specification states them.
     *
     * @param model the market on its feeder
     * @return the voltage rows of every non-slack bus and the flow rows of every rated branch; none when no agent
     *         injects at a non-slack bus
     */
    public static LinDistFlowLimits of(NetworkModel model) {
        return new LinDistFlowLimits(model, null, null);
    }

    /**
     * The limits with the voltage bounds moved inwards, per bus, in pu²: {@code wMaxMargin} below
     * vMax², {@code wMinMargin} above vMin² (either may be null for none).
     *
     * @param model      the market on its feeder
     * @param wMaxMargin per feeder bus, how far below vMax² the upper voltage bound moves, pu²; null for none
     * @param wMinMargin per feeder bus, how far above vMin² the lower voltage bound moves, pu²; null for none
     * @return the rows of {@link #of(NetworkModel)} with the moved voltage bounds; the flow rows unchanged
     */
    public static LinDistFlowLimits tightened(NetworkModel model, double[] wMaxMargin, double[] wMinMargin) {
        return new LinDistFlowLimits(model, wMaxMargin, wMinMargin);
    }

    /** {@return the market on its feeder whose limits these are} */
    public NetworkModel model() {
        return model;
    }

    /** {@return the columns of every row: the feeder's injection buses, ascending; a copy} */
    public int[] buses() {
        return buses.clone();
    }

    /** {@return the number of rows: the voltage rows, then the flow rows} */
    public int size() {
        return kind.length;
    }

    /**
     * What row r limits.
     *
     * @param r a row, {@code 0 <= r < size()}
     * @return {@link Kind#VOLTAGE} or {@link Kind#FLOW}
     */
    public Kind kind(int r) {
        return kind[r];
    }

    /**
     * The feeder element row r limits.
     *
     * @param r a row, {@code 0 <= r < size()}
     * @return the feeder bus index ({@link Kind#VOLTAGE}) or branch index ({@link Kind#FLOW})
     */
    public int element(int r) {
        return element[r];
    }

    /**
     * The absolute lower bound on row r's quantity (not relative to its base).
     *
     * @param r a row, {@code 0 <= r < size()}
     * @return vMin² plus its margin, pu², for a voltage row; minus the rating, kW, for a flow row
     */
    public double lower(int r) {
        return lower[r];
    }

    /**
     * The absolute upper bound on row r's quantity (not relative to its base).
     *
     * @param r a row, {@code 0 <= r < size()}
     * @return vMax² minus its margin, pu², for a voltage row; the rating, kW, for a flow row
     */
    public double upper(int r) {
        return upper[r];
    }

    /**
     * Row r's quantity without market injections (the feeder's own loads only).
     *
     * @param r a row, {@code 0 <= r < size()}
     * @return pu² for a voltage row, kW for a flow row
     */
    public double base(int r) {
        return base[r];
    }

    /**
     * Row r's coefficients over {@link #buses()}: {@code out[q] = a_rq}.
     *
     * @param r   a row, {@code 0 <= r < size()}
     * @param out filled with one coefficient per injection bus, pu² or kW per market power unit injected
     */
    public void coefficients(int r, double[] out) {
        coefficients(r, buses, out);
    }

    /**
     * Row r's coefficients over any feeder buses {@code at} (what an injection there would move
     * it by, per market power unit), e.g. every bus when pricing the whole feeder.
     *
     * @param r   a row, {@code 0 <= r < size()}
     * @param at  feeder bus indexes
     * @param out filled with one coefficient per bus of {@code at}, pu² or kW per market power unit injected
     */
    public void coefficients(int r, int[] at, double[] out) {
        if (kind[r] == Kind.VOLTAGE) {
            model.linDistFlow().voltageSensitivityRow(element[r], at, out, null);
        } else {
            model.linDistFlow().ptdfRow(element[r], at, out);
        }
        double k = model.kwPerUnit();
        for (int q = 0; q < at.length; q++) {
            out[q] *= k;
        }
    }

    /**
     * Row r's quantity in a LinDistFlow state: the same affine map as {@link #base(int)} plus the coefficients
     * times the state's injections.
     *
     * @param state a LinDistFlow solution on this feeder
     * @param r     a row, {@code 0 <= r < size()}
     * @return the bus's squared voltage, pu², or the branch's active flow, kW
     */
    public double value(LinDistFlowResult state, int r) {
        return kind[r] == Kind.VOLTAGE ? state.wPu()[element[r]] : state.pFlowKw()[element[r]];
    }

    /**
     * The element of row r as the feeder names it.
     *
     * @param r a row, {@code 0 <= r < size()}
     * @return the bus id ({@code "18"}) or the branch's ends ({@code "6-26"})
     */
    public String elementId(int r) {
        if (kind[r] == Kind.VOLTAGE) {
            return model.feeder().busIds().get(element[r]);
        }
        Branch b = model.feeder().branches().get(element[r]);
        return b.fromBus() + "-" + b.toBus();
    }

    /**
     * Row r for messages.
     *
     * @param r a row, {@code 0 <= r < size()}
     * @return e.g. {@code "voltage at bus 18"}, {@code "flow on branch 6-26"}
     */
    public String name(int r) {
        return (kind[r] == Kind.VOLTAGE ? "voltage at bus " : "flow on branch ") + elementId(r);
    }
}
