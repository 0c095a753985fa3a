package org.peerclear.examples;

import java.nio.file.Path;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/**
 * The smallest complete use of the library: read a market case, clear it, check the result,
 * write it. Run with a case file as argument.
 */
public final class ClearCaseFile {
    private ClearCaseFile() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ClearCaseFile CASE.json");
            System.exit(2);
        }
        Market market = MarketCaseReader.create().read(Path.of(args[0]));
        ClearingResult result = ClearingMethods.load().get("qp").clear(market, ClearingOptions.DEFAULT);
        System.out.println(result);
        System.out.println(result.verify());
        ResultJsonWriter.write(result, Path.of("result.json"));
    }
}
