package org.peerclear.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.model.Units;
import org.peerclear.order.Order;
import org.peerclear.order.OrderFile;
import org.peerclear.order.Side;

/** An auction's book and outcome as a picture: drawn the same every time, refused without a side. */
class AuctionSupplyDemandTest {
    private static final OrderFile BOOK = OrderFile.of("book", Units.DEFAULT, List.of(
            new Order("b0", "h1", Side.BUY, 1, 6, 0, null, null), new Order("b1", "h2", Side.BUY, 1, 5, 1, null, null),
            new Order("s0", "h3", Side.SELL, 1, 1, 2, null, null), new Order("s1", "h4", Side.SELL, 1, 2, 3, null, null)));

    @TempDir
    Path dir;

    @Test
    void theSamePictureComesOutEveryTime() throws Exception {
        AuctionOutcome uniform = new AuctionOutcome("uniform", "CLEARED", 3.5, 3.5, 3.5, 2);
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        Plots.write(Plots.auction(BOOK, uniform), a);
        Plots.write(Plots.auction(BOOK, uniform), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b)).hasSizeGreaterThan(1000);
        // Two prices (Huang's) and none (the continuous auction's) draw too.
        Plots.write(Plots.auction(BOOK, new AuctionOutcome("huang", "CLEARED", Double.NaN, 5, 2, 1)), dir.resolve("h.svg"));
        Plots.write(Plots.auction(BOOK, new AuctionOutcome("cda", "CLEARED", Double.NaN, Double.NaN, Double.NaN, 2)),
                dir.resolve("c.png"));
        assertThat(Files.readString(dir.resolve("h.svg"))).contains("buyers pay 5.000, sellers get 2.000");
    }

    @Test
    void aBookWithoutAsksOrAClearingResultIsRefused() throws Exception {
        OrderFile bidsOnly = OrderFile.of("bids", Units.DEFAULT, List.of(new Order("b0", "h1", Side.BUY, 1, 6, 0, null, null)));
        assertThatThrownBy(() -> Plots.auction(bidsOnly, new AuctionOutcome("uniform", "NO_TRADE", Double.NaN, Double.NaN,
                Double.NaN, 0))).isInstanceOf(MissingDataException.class).hasMessageContaining("1 bids and 0 asks");
        Path clearing = Files.writeString(dir.resolve("r.json"), "{\"status\": \"OPTIMAL\", \"agents\": []}");
        assertThatThrownBy(() -> AuctionOutcome.read(clearing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an auction result");
    }
}
