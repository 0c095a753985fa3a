package org.peerclear.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.peerclear.model.Units;
import org.peerclear.result.AgentResult;
import org.peerclear.result.ClearingResult;
import org.peerclear.result.TradeResult;

/** A readable summary of a result for people (the JSON is for programs). */
final class Summary {
    private Summary() {
    }

    static void print(ClearingResult r, PrintWriter out, int maxRows) {
        Units u = r.market().units();
        out.printf(Locale.ROOT, "Market %s: %s%s%n", r.market().name(), r.status(), r.message().isEmpty() ? "" : " (" + r.message() + ")");
        out.printf(Locale.ROOT, "  method %s, solver %s, %d iterations, %.3f s%n", r.method(), r.solver(), r.iterations(), r.seconds());
        if (!r.hasSolution()) {
            return;
        }
        out.printf(Locale.ROOT, "  welfare %.6f %s per %s h period (total cost %.6f)%n", r.welfare(), u.currency(), fmt(u.periodHours()), r.objective());
        out.printf(Locale.ROOT, "  %-12s %14s %16s%n", "agent", "p [" + u.power() + "]", "price [" + u.currency() + "/" + u.power() + "]");
        int rows = 0;
        List<AgentResult> agents = r.agents();
        for (AgentResult a : agents) {
            if (rows++ == maxRows) {
                out.printf(Locale.ROOT, "  ... %d more agents%n", agents.size() - maxRows);
                break;
            }
            out.printf(Locale.ROOT, "  %-12s %14.6f %16s%n", a.id(), a.p(), price(a.price()));
        }
        r.grid().ifPresent(g -> out.printf(Locale.ROOT, "  grid sold %.6f at %s (importPrice), bought %.6f at %s (exportPrice)%n",
                g.importPower(), price(g.importPrice()), Math.abs(g.exportPower()), price(g.exportPrice())));
        out.printf(Locale.ROOT, "  %-12s %-12s %14s %16s%n", "seller", "buyer", "quantity", "price");
        rows = 0;
        for (TradeResult t : r.trades()) {
            if (t.quantity() <= 0) {
                continue;
            }
            if (rows++ == maxRows) {
                out.printf(Locale.ROOT, "  ... more trades%n");
                break;
            }
            out.printf(Locale.ROOT, "  %-12s %-12s %14.6f %16.6f%n", t.from(), t.to(), t.quantity(), t.price());
        }
        r.network().ifPresent(n -> {
            var lo = n.buses().stream().min(java.util.Comparator.comparingDouble(b -> b.vm())).orElseThrow();
            var hi = n.buses().stream().max(java.util.Comparator.comparingDouble(b -> b.vm())).orElseThrow();
            out.printf(Locale.ROOT, "  feeder %s: AC %s, losses %.3f kW, voltages %.4f pu (bus %s) to %.4f pu (bus %s), limits [%s, %s]%n",
                    n.feeder(), n.acStatus(), n.lossesKw(), lo.vm(), lo.id(), hi.vm(), hi.id(), n.vMin(), n.vMax());
        });
        for (String n : r.notes()) {
            out.println("  note: " + n);
        }
        out.flush();
    }

    private static String price(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
