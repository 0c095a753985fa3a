package org.peerclear.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peerclear.clearing.ClearingMethods;
import org.peerclear.clearing.ClearingOptions;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.ResultJsonWriter;
import org.peerclear.model.Market;
import org.peerclear.result.ClearingResult;

/**
 * The smallest complete use of the library: read a market case, clear it, check the result,
 * write it. Run with a case file and, optionally, where to write the result:
 * {@code mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.peerclear.examples.ClearCaseFile
 * -Dexec.args="cli/src/main/resources/org/peerclear/cli/examples/three-houses.json"}
 */
public final class ClearCaseFile {
    private ClearCaseFile() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ClearCaseFile CASE.json [RESULT.json]");
            System.exit(2);
        }
        Market market = MarketCaseReader.create().read(Path.of(args[0]));
        ClearingResult result = ClearingMethods.load().get("qp").clear(market, ClearingOptions.DEFAULT);
        System.out.println(result);
        System.out.println(result.verify());
        Path out = args.length == 2 ? Path.of(args[1]) : temporaryResultFile();
        ResultJsonWriter.write(result, out);
        System.out.println("result written to " + out);
    }

    // Run from a clone, the working directory is the repository: nothing is written there unless asked.
    private static Path temporaryResultFile() {
        try {
            return Files.createTempFile("peerclear-result-", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a result file in java.io.tmpdir", e);
        }
    }
}
