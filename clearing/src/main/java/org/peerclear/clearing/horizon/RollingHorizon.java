package org.peerclear.clearing.horizon;

import java.util.ArrayList;
import java.util.List;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.clearing.Progress;
import org.peerclear.clearing.horizon.model.Horizon;
import org.peerclear.clearing.horizon.model.ShiftableLink;
import org.peerclear.clearing.horizon.model.StorageLink;
import org.peerclear.index.MarketIndex;
import org.peerclear.opt.Status;
import org.peerclear.result.NetworkOutcome;

/**
 * Simulates a long horizon one window at a time ({@code simulate}): clears periods
 * {@code w..w+W−1} ({@link HorizonClearing}), commits the first {@code S}, carries the stores'
 * energy and the shiftable loads' consumption forward, and moves on by {@code S}.
 *
 * <p>Within a window a store starts with the energy committed so far (or its initial energy if
 * it connects later) and must meet its end condition only if its connection ends inside the
 * window; a shiftable load whose own window ends inside takes exactly what it still needs,
 * otherwise at most that; ramps hold inside a window (not across the step between windows).
 * A window without an optimum (say, an EV that cannot be charged in time) is reported, and
 * cleared again with the stores' end conditions dropped and the shiftable loads allowed to take
 * less: what the requirements would have taken then comes from the grid, at its price, or is
 * not served. If even that has no point, the window's periods are not committed (no rows) and
 * the simulation goes on with the energies as they were.
 */
public final class RollingHorizon {
    /**
     * One window's outcome.
     *
     * @param start     the window's first period in the full horizon
     * @param committed how many of its periods were committed: the step (less at the end), 0 without a point
     * @param status    the status of the window's clearing (of the relaxed one when it was cleared again)
     * @param relaxed   {@code true} when the window was cleared again with the requirements relaxed
     * @param message   what the clearing said, and why it was cleared again
     * @param seconds   the window's wall-clock time, both clearings included
     */
    public record Window(int start, int committed, Status status, boolean relaxed, String message, double seconds) {
    }

    /**
     * What was committed, one entry per period {@code from..to−1} (null rows for periods of a
     * window without a point): asset set-points, agent prices, per storage link (in the full
     * horizon's order) the energy at the end of the period, and with a feeder the AC check of
     * the period's dispatch (as its window's clearing computed it; no entries without a feeder).
     * {@code cost} is the horizon problem's objective over the committed periods
     * ({@link HorizonCosts#period}).
     *
     * @param from        the first period simulated
     * @param to          the period after the last one simulated
     * @param windows     each window's outcome, in order
     * @param assetPower  {@code [t − from][asset]}, power unit, {@code > 0} injects; a null row where uncommitted
     * @param agentPrices {@code [t − from][agent]}, currency per unit of power for one period; a null row where uncommitted
     * @param energyAfter {@code [t − from][storage link]}, the energy held at the end of period t, power unit × hours
     * @param network     {@code [t − from]}, the AC check of period t's dispatch; empty without a feeder
     * @param cost        the committed periods' cost, currency
     * @param seconds     the simulation's wall-clock time
     */
    public record Simulation(int from, int to, List<Window> windows, double[][] assetPower, double[][] agentPrices,
                             double[][] energyAfter, NetworkOutcome[] network, double cost, double seconds) {
    }

    private final ClearingOptions options;
    private final boolean warmStart;

    /**
     * A simulator that warm-starts each window from the last ({@link #RollingHorizon(ClearingOptions, boolean)}).
     *
     * @param options the options of every window's clearing ({@link HorizonClearing}); its listener is told of each
     *                window done
     */
    public RollingHorizon(ClearingOptions options) {
        this(options, true);
    }

    /**
     * A simulator.
     *
     * @param options   the options of every window's clearing ({@link HorizonClearing}); its listener is told of
     *                  each window done, and its time limit bounds each clearing, not the simulation
     * @param warmStart whether each window starts from the trading pairs of the last one (the
     *                  windows overlap in time, and so do the pairs that trade); without it each
     *                  window finds them afresh. Only the default solver prices out pairs, so only
     *                  it is warm-started.
     */
    public RollingHorizon(ClearingOptions options, boolean warmStart) {
        this.options = options;
        this.warmStart = warmStart;
    }

    /**
     * Simulates periods {@code from..to−1} of a horizon, window by window.
     *
     * @param full   the whole horizon; its stores start from their initial energy
     * @param window the periods cleared together, {@code >= 1}; the last windows are cut at {@code to}
     * @param step   the periods committed from each window and the move to the next, {@code 1 <= step <= window}
     * @param from   the first period to simulate
     * @param to     the period after the last one, {@code from < to <= full.length()}
     * @return what was committed, per period, and each window's outcome
     * @throws IllegalArgumentException if the window, step or periods are out of range, or as
     *         {@link HorizonClearing#clear} for the options
     */
    public Simulation run(Horizon full, int window, int step, int from, int to) {
        int tEnd = full.length();
        if (window < 1 || step < 1 || step > window || from < 0 || to > tEnd || from >= to) {
            throw new IllegalArgumentException("simulate needs 1 <= step <= window and 0 <= from < to <= " + tEnd + "; got window "
                    + window + ", step " + step + ", from " + from + ", to " + to);
        }
        long start = System.nanoTime();
        int ns = full.storages().size();
        double[] energy = new double[ns];
        for (int k = 0; k < ns; k++) {
            energy[k] = full.storages().get(k).energyInitial();
        }
        double[] consumed = new double[full.shiftables().size()];
        int len = to - from;
        double[][] p = new double[len][];
        double[][] mu = new double[len][];
        double[][] stored = new double[len][];
        NetworkOutcome[] ac = new NetworkOutcome[full.networks().isEmpty() ? 0 : len];
        List<Window> windows = new ArrayList<>();
        double cost = 0;
        int total = (len + step - 1) / step;
        PairPricing.Memory memory = warmStart ? new PairPricing.Memory() : null;
        for (int w = from, done = 0; w < to; w += step, done++) {
            int wEnd = Math.min(w + window, to);
            int commit = Math.min(step, to - w);
            long t0 = System.nanoTime();
            Horizon h = window(full, w, wEnd, energy, consumed, false);
            HorizonResult r = new HorizonClearing().clear(h, options, memory);
            boolean relaxed = false;
            String message = r.message();
            if (!r.hasSolution() || r.status() == Status.NUMERICAL_ERROR) {
                Horizon loose = window(full, w, wEnd, energy, consumed, true);
                HorizonResult again = new HorizonClearing().clear(loose, options);
                if (again.hasSolution()) {
                    relaxed = true;
                    message = r.status() + " (" + r.message() + "); cleared again with the requirements relaxed: "
                            + again.message();
                    h = loose;
                    r = again;
                }
            }
            windows.add(new Window(w, r.hasSolution() ? commit : 0, r.status(), relaxed, message,
                    (System.nanoTime() - t0) * 1e-9));
            if (r.hasSolution()) {
                cost += commit(full, h, r, w, commit, from, energy, consumed, p, mu, stored);
                for (int i = 0; i < commit && ac.length > 0; i++) {
                    ac[w + i - from] = r.network().get(i);
                }
            }
            double elapsed = (System.nanoTime() - start) * 1e-9;
            int finished = done + 1;
            options.listener().onProgress(new Progress("simulate", finished, 0.0, Double.NaN, Double.NaN, elapsed,
                    total - finished));
        }
        return new Simulation(from, to, windows, p, mu, stored, ac, cost, (System.nanoTime() - start) * 1e-9);
    }

    /** Records the first {@code commit} periods of window {@code w}; returns their cost. */
    private static double commit(Horizon full, Horizon h, HorizonResult r, int w, int commit, int from, double[] energy,
                                 double[] consumed, double[][] p, double[][] mu, double[][] stored) {
        double hours = full.periodHours();
        double cost = 0;
        for (int i = 0; i < commit; i++) {
            int t = w + i;
            p[t - from] = r.assetPower()[i].clone();
            mu[t - from] = r.agentPrices()[i].clone();
            cost += HorizonCosts.period(h, r, i);
        }
        // The stores' energy after each committed period, from the window's links (matched by asset).
        for (int i = 0; i < commit; i++) {
            stored[w + i - from] = new double[energy.length];
        }
        for (int k = 0; k < full.storages().size(); k++) {
            StorageLink link = full.storages().get(k);
            int inWindow = indexOf(h.storages(), link.asset());
            for (int i = 0; i < commit; i++) {
                int t = w + i;
                if (inWindow >= 0) {
                    StorageLink wl = h.storages().get(inWindow);
                    int at = Math.min(Math.max(i + 1 - wl.from(), 0), wl.to() - wl.from());
                    energy[k] = r.energy()[inWindow][at];
                } else if (t + 1 <= link.from()) {
                    energy[k] = link.energyInitial();
                }
                stored[t - from][k] = energy[k];
            }
        }
        for (int j = 0; j < full.shiftables().size(); j++) {
            int s = full.shiftables().get(j).asset();
            for (int i = 0; i < commit; i++) {
                consumed[j] -= r.assetPower()[i][s] * hours;
            }
        }
        return cost;
    }

    private static int indexOf(List<StorageLink> links, int asset) {
        for (int k = 0; k < links.size(); k++) {
            if (links.get(k).asset() == asset) {
                return k;
            }
        }
        return -1;
    }

    /** The horizon of periods {@code w..wEnd−1} with the energies and consumption carried in. */
    static Horizon window(Horizon full, int w, int wEnd, double[] energy, double[] consumed, boolean relaxed) {
        List<StorageLink> storages = new ArrayList<>();
        for (int k = 0; k < full.storages().size(); k++) {
            StorageLink s = full.storages().get(k);
            int a = Math.max(s.from(), w);
            int b = Math.min(s.to(), wEnd);
            if (a >= b) {
                continue;
            }
            double initial = s.from() >= w ? s.energyInitial() : energy[k];
            double atEnd = b == s.to() && !relaxed ? s.energyAtEnd() : Double.NaN;
            storages.add(new StorageLink(s.asset(), Math.min(s.energyMin(), initial), Math.max(s.energyMax(), initial), initial,
                    atEnd, s.chargeMax(), s.dischargeMax(), s.chargeEfficiency(), s.dischargeEfficiency(), s.cycleCost(),
                    a - w, b - w));
        }
        List<ShiftableLink> shiftables = new ArrayList<>();
        for (int j = 0; j < full.shiftables().size(); j++) {
            ShiftableLink s = full.shiftables().get(j);
            int a = Math.max(s.windowStart(), w);
            int b = Math.min(s.windowEnd(), wEnd);
            if (a >= b) {
                continue;
            }
            double left = Math.max(s.energy() - consumed[j], 0.0);
            shiftables.add(new ShiftableLink(s.asset(), left, a - w, b - w, relaxed || b < s.windowEnd()));
        }
        return new Horizon(full.periods().subList(w, wEnd), full.periodHours(), storages, shiftables, full.ramps(),
                full.networks().isEmpty() ? List.of() : full.networks().subList(w, wEnd));
    }
}
