package org.peerclear.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peerclear.auction.AuctionResult;
import org.peerclear.auction.Fill;
import org.peerclear.auction.Match;
import org.peerclear.auction.Rejection;
import org.peerclear.io.AtomicFiles;
import org.peerclear.io.Csv;

/**
 * An auction result as CSV: {@code fills.csv} (order, agent, side, quantity, price),
 * {@code trades.csv} (buyOrder, sellOrder, quantity, price, time) and, for {@code cda-network},
 * {@code rejected.csv} (buyOrder, sellOrder, quantity, reason). One header row; numbers as the
 * JSON writes them.
 */
final class AuctionCsv {
    private AuctionCsv() {
    }

    static void write(AuctionResult r, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        StringBuilder fills = new StringBuilder("order,agent,side,quantity,price\n");
        for (Fill f : r.fills()) {
            fills.append(Csv.cell(f.order())).append(',').append(Csv.cell(f.agent())).append(',').append(f.side().label())
                    .append(',').append(Csv.number(f.quantity())).append(',').append(Csv.number(f.price())).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("fills.csv"), fills.toString());
        StringBuilder trades = new StringBuilder("buyOrder,sellOrder,quantity,price,time\n");
        for (Match m : r.trades()) {
            trades.append(Csv.cell(m.buyOrder())).append(',').append(Csv.cell(m.sellOrder())).append(',')
                    .append(Csv.number(m.quantity())).append(',').append(Csv.number(m.price())).append(',').append(m.time())
                    .append('\n');
        }
        AtomicFiles.writeString(dir.resolve("trades.csv"), trades.toString());
        if (r.mechanism().equals("cda-network") || !r.rejected().isEmpty()) {
            StringBuilder rejected = new StringBuilder("buyOrder,sellOrder,quantity,reason\n");
            for (Rejection x : r.rejected()) {
                rejected.append(Csv.cell(x.buyOrder())).append(',').append(Csv.cell(x.sellOrder())).append(',')
                        .append(Csv.number(x.quantity())).append(',').append(Csv.cell(x.reason())).append('\n');
            }
            AtomicFiles.writeString(dir.resolve("rejected.csv"), rejected.toString());
        }
    }
}
