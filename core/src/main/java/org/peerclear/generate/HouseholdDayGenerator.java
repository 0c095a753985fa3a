package org.peerclear.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.peerclear.model.Ev;
import org.peerclear.model.FlexibleAsset;
import org.peerclear.model.HorizonAsset;
import org.peerclear.model.HorizonGrid;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Series;
import org.peerclear.model.Storage;
import org.peerclear.model.TradeGraph;

/**
 * A seeded synthetic day of households over {@code T} periods (the horizon workloads of the
 * benchmarks): every household has a flexible load ({@code a ~ U[0.02, 0.06]}, utility
 * {@code b ~ U[0.30, 0.45]}, up to {@code U[0.5, 1.5]} kW, 1.6 times that from 17:00 to 22:00),
 * every other one rooftop PV (a half-sine from 6:00 to 18:00 peaking at {@code U[3, 6]} kW, a =
 * 0.001); the first {@code batteries} households a 10 kWh battery (±3 kW, 95 % each way, half
 * full at both ends), the next {@code evs} an EV (arrives 18:00 with 8 kWh, leaves at the end of
 * the day needing 20 of 60 kWh, 7.4 kW, 92 %). Households trade on a complete graph (fee 0.002)
 * or each with {@code partners} others drawn at random; the grid sells at 0.22 (0.35 in the
 * evening) and buys at 0.05. Same parameters, same market.
 */
public final class HouseholdDayGenerator {
    private HouseholdDayGenerator() {
    }

    /**
     * One day of {@code periods} periods.
     *
     * @param households the number of households, {@code >= 2}
     * @param periods    periods in the day, {@code >= 1} (24: hourly, 96: quarter-hours)
     * @param batteries  how many households get a battery, {@code >= 0}
     * @param evs        how many of the others get an EV; {@code batteries + evs <= households}
     * @param partners   K trading partners per household, or {@link BipartiteMarketGenerator#ALL_PARTNERS}
     * @param seed       any value; the same arguments always give the same market
     * @return the market in kW and EUR, each period lasting {@code 24 / periods} hours (so that
     *         stored energy and a day's cost are the same whatever the resolution)
     * @throws IllegalArgumentException if a count is out of range
     */
    public static HorizonMarket generate(int households, int periods, int batteries, int evs, int partners, long seed) {
        return generate(households, 1, periods, batteries, evs, partners, seed);
    }

    /**
     * {@code days} days of {@code periodsPerDay} periods each (a year: 365 × 24). From the second
     * day on, each day has its own sunshine (the season's, times a cloudiness drawn per day) and
     * its own load level (± 10 %), drawn from a second stream so that day one is the one-day
     * market's. An EV connects once (from the first evening to the end), so a horizon of several
     * days takes batteries only.
     *
     * @param households    the number of households, {@code >= 2}
     * @param days          the number of days, {@code >= 1}
     * @param periodsPerDay periods per day, {@code >= 1}
     * @param batteries     how many households get a battery, {@code >= 0}
     * @param evs           how many of the others get an EV; 0 when {@code days > 1}
     * @param partners      K trading partners per household, or {@link BipartiteMarketGenerator#ALL_PARTNERS}
     * @param seed          any value; the same arguments always give the same market
     * @return the market of {@code days × periodsPerDay} periods of {@code 24 / periodsPerDay} hours each
     * @throws IllegalArgumentException if a count is out of range, or EVs are asked for over several days
     */
    public static HorizonMarket generate(int households, int days, int periodsPerDay, int batteries, int evs, int partners,
                                         long seed) {
        if (households < 2 || periodsPerDay < 1 || days < 1 || batteries < 0 || evs < 0 || batteries + evs > households) {
            throw new IllegalArgumentException("need households >= 2, days >= 1, periods >= 1 and 0 <= batteries + evs <= households;"
                    + " got " + households + ", " + days + ", " + periodsPerDay + ", " + batteries + ", " + evs);
        }
        if (days > 1 && evs > 0) {
            throw new IllegalArgumentException("an EV connects once: a horizon of " + days + " days takes batteries only, got " + evs
                    + " EVs");
        }
        Random rnd = new Random(seed);
        Random daily = new Random(~seed);
        int periods = days * periodsPerDay;
        double hours = 24.0 / periodsPerDay;
        double[] evening = new double[periods];
        double[] importPrice = new double[periods];
        double[] sun = new double[periods];
        for (int day = 0; day < days; day++) {
            double season = day == 0 ? 1.0 : 0.6 + 0.4 * Math.cos(2 * Math.PI * (day - 172) / 365.0);
            double clouds = day == 0 ? 1.0 : 0.4 + 0.6 * daily.nextDouble();
            double level = day == 0 ? 1.0 : 0.9 + 0.2 * daily.nextDouble();
            for (int i = 0; i < periodsPerDay; i++) {
                int t = day * periodsPerDay + i;
                double clock = i * hours;
                boolean peak = clock >= 17 && clock < 22;
                evening[t] = (peak ? 1.6 : 1.0) * level;
                importPrice[t] = peak ? 0.35 : 0.22;
                sun[t] = season * clouds * Math.max(0, Math.sin(Math.PI * (clock - 6) / 12.0));
            }
        }
        int arrival = (int) Math.min(periods - 1, Math.round(18 / hours));
        HorizonMarket.Builder b = HorizonMarket.builder("household-day-" + households + "-" + periods + "-" + seed, periods);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < households; n++) {
            String id = "h" + n;
            ids.add(id);
            List<HorizonAsset> assets = new ArrayList<>();
            double top = 0.5 + rnd.nextDouble();
            double[] lo = new double[periods];
            for (int t = 0; t < periods; t++) {
                lo[t] = -top * evening[t];
            }
            assets.add(new FlexibleAsset(id, id + ".load", Series.of(lo), Series.constant(0.0),
                    Series.constant(0.02 + 0.04 * rnd.nextDouble()), Series.constant(0.30 + 0.15 * rnd.nextDouble())));
            if (n % 2 == 0) {
                double peakPv = 3 + 3 * rnd.nextDouble();
                double[] pv = new double[periods];
                for (int t = 0; t < periods; t++) {
                    pv[t] = peakPv * sun[t];
                }
                assets.add(new FlexibleAsset(id, id + ".pv", Series.constant(0.0), Series.of(pv), Series.constant(0.001),
                        Series.constant(0.0)));
            }
            if (n < batteries) {
                assets.add(new Storage(id, id + ".bat", 0.0, 10.0, 5.0, 5.0, 3.0, 3.0, 0.95, 0.95, 0.0));
            } else if (n < batteries + evs) {
                assets.add(new Ev(id, id + ".ev", 0.0, 60.0, 8.0, 20.0, 7.4, 0.0, 0.92, 0.92, 0.0, arrival, periods));
            }
            b.agent(id, assets.toArray(new HorizonAsset[0]));
        }
        TradeGraph graph;
        if (partners == BipartiteMarketGenerator.ALL_PARTNERS) {
            graph = TradeGraph.complete(0.002, List.of());
        } else {
            List<List<String>> pairs = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int n = 0; n < households; n++) {
                for (int k = 0; k < partners; k++) {
                    int m = rnd.nextInt(households);
                    long key = (long) Math.min(n, m) * households + Math.max(n, m);
                    if (m != n && seen.add(key)) {
                        pairs.add(List.of(ids.get(n), ids.get(m)));
                    }
                }
            }
            graph = TradeGraph.pairs(pairs, 0.002, List.of());
        }
        // Energy is power × period length: a quarter-hour period moves a quarter of an hourly one.
        b.units(new org.peerclear.model.Units("kW", "EUR", hours));
        return b.tradeGraph(graph).grid(new HorizonGrid(null, Series.of(importPrice), Series.constant(0.05),
                Series.constant(Double.POSITIVE_INFINITY), Series.constant(Double.POSITIVE_INFINITY))).build();
    }
}
