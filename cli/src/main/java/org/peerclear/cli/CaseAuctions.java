package org.peerclear.cli;

import java.nio.file.Path;
import java.util.List;
import org.peerclear.auction.discretise.CaseOrders;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.model.InvalidMarketException;

/**
 * A market case as orders, for {@code orders} and for {@code auction} given a case: each
 * period's assets discretised into K steps ({@link CaseOrders}). Which kind of file a path is
 * comes from its {@code format} field.
 */
final class CaseAuctions {
    private CaseAuctions() {
    }

    /** Whether the file says it is a market case ({@code "format": "peerclear-market"}). */
    static boolean isMarketCase(Path file) {
        return TopLevelField.of(file, "format").filter(MarketCaseReader.FORMAT::equals).isPresent();
    }

    /** Every period of the case as orders, in period order. */
    static List<CaseOrders> periods(Path casePath, int steps) {
        MarketCaseReader.Case c;
        try {
            c = MarketCaseReader.withBusLookup(FeederBuses::of).readCase(casePath);
        } catch (InvalidMarketException e) {
            throw new InvalidInputException("invalid market case " + casePath + ": " + e.getMessage());
        }
        try {
            return c.isHorizon() ? CaseOrders.of(c.horizon(), steps) : List.of(CaseOrders.of(c.market(), steps));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(casePath + ": " + e.getMessage());
        }
    }
}
