package org.peerclear.model;

import java.util.List;

/**
 * Small horizons with known answers, for the tests of this module and of the clearing over a
 * horizon (this class is in core's test-jar).
 */
public final class HorizonMarkets {
    /** {@link #oneBatteryTwoPrices()}: what the battery charges in period 0 (its charging limit). */
    public static final double CHARGE = 2.0;
    /** What it discharges in period 1: all it holds after both efficiency losses, 0.9 · 0.9 · 2. */
    public static final double DISCHARGE = 1.62;
    /** Its energy E_0, E_1, E_2 at the optimum. */
    public static final double[] ENERGY = {0.0, 1.8, 0.0};
    /** The optimum's cost: 0.10 · 2 − 0.30 · 1.62. */
    public static final double OBJECTIVE = -0.286;

    /** {@link #householdDay()}: the PV output of {@code home.pv} per hour (kW, peak 4.5 at noon). */
    public static final double[] PV = {0, 0, 0, 0, 0, 0, 0, 0.4, 1.3, 2.5, 3.5, 4.2, 4.5, 4.2, 3.5, 2.5, 1.3, 0.4,
        0, 0, 0, 0, 0, 0};
    /** The fixed load of {@code home.load} per hour (kW, withdrawn). */
    public static final double[] LOAD = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.8, 1.0, 1.0, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6,
        0.8, 1.2, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0};
    /** The grid's time-of-use import price per hour (EUR/kWh): night 0.20, day 0.25, evening peak 0.35. */
    public static final double[] IMPORT_PRICE = {0.20, 0.20, 0.20, 0.20, 0.20, 0.20, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25,
        0.25, 0.25, 0.25, 0.25, 0.25, 0.35, 0.35, 0.35, 0.35, 0.25, 0.20, 0.20};
    /** The grid's export price, the same all day. */
    public static final double EXPORT_PRICE = 0.05;

    private HorizonMarkets() {
    }

    /**
     * Issue 11's analytic case: one battery, a grid with two prices, two periods of one hour.
     * <pre>
     *   period        0                          1
     *   grid import   0.10                       0.40
     *   grid export   0.05                       0.30
     *
     *   h1: bat  energy [0, 10] kWh, starts empty, charge ≤ 2 kW, discharge ≤ 3 kW, η = 0.9 each way
     *   h1 ── grid
     * </pre>
     * A kWh bought at 0.10 returns 0.81 kWh sold at 0.30 (0.243), so the battery charges its
     * limit of 2 kW in period 0 (E_1 = 0.9 · 2 = 1.8) and discharges all of it in period 1,
     * 1.8 · 0.9 = 1.62 kW (below its 3 kW limit; E_2 = 0): cost 0.2 − 0.486 = −0.286. No other
     * point has that cost: charging less loses 0.143 per kW, and nothing can be sold in period 0
     * or bought back in period 1 at a profit.
     */
    public static HorizonMarket oneBatteryTwoPrices() {
        return HorizonMarket.builder("one-battery-two-prices", 2)
                .agent("h1", new Storage("h1", "h1.bat", 0.0, 10.0, 0.0, Double.NaN, 2.0, 3.0, 0.9, 0.9, 0.0))
                .grid(new HorizonGrid(null, Series.of(0.10, 0.40), Series.of(0.05, 0.30),
                        Series.constant(Double.POSITIVE_INFINITY), Series.constant(Double.POSITIVE_INFINITY)))
                .build();
    }

    /**
     * A household's day in 24 hourly periods, with a neighbour to trade with.
     * <pre>
     *   home:  pv (0..4.5 kW, the {@link #PV} profile)      neighbour: load 0..3 kW, utility 0.30, a = 0.02
     *          load (fixed, the {@link #LOAD} profile)             │
     *          bat  (storage 10 kWh, 5 kWh at start,              │
     *                ±3 kW, η 0.95, back to 5 kWh at the end)  ───┼─── grid (time-of-use import,
     *          ev   (plugged 18:00-24:00, arrives with 8 kWh,      │     export 0.05)
     *                needs 30 of 60 kWh, 7.4 kW, η 0.92)  ─────────┘
     *   trades: complete graph, fee 0.01 each way
     * </pre>
     * The EV can reach 8 + 6 · 0.92 · 7.4 = 48.8 kWh, so its requirement is feasible.
     */
    public static HorizonMarket householdDay() {
        double[] load = new double[LOAD.length];
        for (int t = 0; t < load.length; t++) {
            load[t] = -LOAD[t];
        }
        return HorizonMarket.builder("household-day", 24)
                .agent("home",
                        new FlexibleAsset("home", "home.pv", Series.constant(0.0), Series.of(PV), Series.constant(0.0), Series.constant(0.0)),
                        new FlexibleAsset("home", "home.load", Series.of(load), Series.of(load), Series.constant(0.0), Series.constant(0.0)),
                        new Storage("home", "home.bat", 0.0, 10.0, 5.0, 5.0, 3.0, 3.0, 0.95, 0.95, 0.0),
                        new Ev("home", "home.ev", 0.0, 60.0, 8.0, 30.0, 7.4, 0.0, 0.92, 0.92, 0.0, 18, 24))
                .agent("neighbour",
                        new FlexibleAsset("neighbour", "neighbour.load", Series.constant(-3.0), Series.constant(0.0),
                                Series.constant(0.02), Series.constant(0.30)))
                .tradeGraph(TradeGraph.complete(0.01, List.of()))
                .grid(new HorizonGrid(null, Series.of(IMPORT_PRICE), Series.constant(EXPORT_PRICE),
                        Series.constant(Double.POSITIVE_INFINITY), Series.constant(Double.POSITIVE_INFINITY)))
                .build();
    }
}
