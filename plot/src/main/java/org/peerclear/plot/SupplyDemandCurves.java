package org.peerclear.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.peerclear.model.Agent;
import org.peerclear.model.Asset;
import org.peerclear.model.Market;

/**
 * The declared agents' aggregated supply and demand curves of a one-period market, exact at
 * every breakpoint: an asset with cost {@code ½·a·p² + b·p} supplies {@code p ∈ [max(pMin,0),
 * max(pMax,0)]} at marginal cost {@code b + a·p} and demands {@code d = −p ∈ [max(−pMax,0),
 * max(−pMin,0)]} at marginal utility {@code b − a·d}. A linear asset ({@code a = 0}) jumps at
 * {@code b}, so each breakpoint price has the quantity just below and just above it. The grid is
 * left out: it is a tariff, drawn as lines, not a supplier on the curve.
 */
final class SupplyDemandCurves {
    /** A curve as (quantity, price) points, quantity ascending. */
    record Curve(double[] quantity, double[] price) {
    }

    private final List<Asset> assets = new ArrayList<>();

    SupplyDemandCurves(Market market) {
        for (Agent a : market.agents()) {
            assets.addAll(a.assets());
        }
    }

    Curve supply() {
        TreeSet<Double> prices = new TreeSet<>();
        for (Asset s : assets) {
            if (s.pMax() > 0) {
                prices.add(s.b() + s.a() * Math.max(s.pMin(), 0));
                prices.add(s.b() + s.a() * s.pMax());
            }
        }
        List<double[]> pts = new ArrayList<>();
        for (double price : prices) {
            pts.add(new double[] {supplied(price, false), price});
            pts.add(new double[] {supplied(price, true), price});
        }
        return curve(pts);
    }

    Curve demand() {
        TreeSet<Double> prices = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Asset s : assets) {
            if (s.pMin() < 0) {
                prices.add(s.b() - s.a() * Math.max(-s.pMax(), 0));
                prices.add(s.b() - s.a() * -s.pMin());
            }
        }
        List<double[]> pts = new ArrayList<>();
        for (double price : prices) {
            pts.add(new double[] {demanded(price, true), price});
            pts.add(new double[] {demanded(price, false), price});
        }
        return curve(pts);
    }

    /** Total supply at {@code price}: just below it ({@code above} false) or just above it. */
    double supplied(double price, boolean above) {
        double q = 0;
        for (Asset s : assets) {
            double lo = Math.max(s.pMin(), 0);
            double hi = Math.max(s.pMax(), 0);
            if (hi <= 0) {
                continue;
            }
            q += s.a() > 0 ? clamp((price - s.b()) / s.a(), lo, hi) : (price > s.b() || (above && price == s.b()) ? hi : lo);
        }
        return q;
    }

    /** Total demand at {@code price}: just above it ({@code above} true) or just below it. */
    double demanded(double price, boolean above) {
        double q = 0;
        for (Asset s : assets) {
            double lo = Math.max(-s.pMax(), 0);
            double hi = Math.max(-s.pMin(), 0);
            if (hi <= 0) {
                continue;
            }
            q += s.a() > 0 ? clamp((s.b() - price) / s.a(), lo, hi) : (price < s.b() || (!above && price == s.b()) ? hi : lo);
        }
        return q;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static Curve curve(List<double[]> pts) {
        double[] q = new double[pts.size()];
        double[] p = new double[pts.size()];
        for (int i = 0; i < q.length; i++) {
            q[i] = pts.get(i)[0];
            p[i] = pts.get(i)[1];
        }
        return new Curve(q, p);
    }
}
