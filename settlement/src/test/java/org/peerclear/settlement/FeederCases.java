package org.peerclear.settlement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Version-2 market cases on the embedded {@code case33bw} feeder, written for the settlement tests. */
final class FeederCases {
    private FeederCases() {
    }

    /**
     * A seller at bus 18 (PV up to 4 at 0.05 per unit) and a buyer at bus 33 that takes exactly 3,
     * no grid, a fee of 0.01 on every arc, voltage limits too loose to bind (so no network price).
     *
     * @param network the extra fields of the {@code network} block, starting with a comma, or empty
     */
    static String pair(String network) {
        return "{\"format\":\"peerclear-market\",\"version\":2,\"name\":\"pair\",\"agents\":["
                + "{\"id\":\"s\",\"bus\":\"18\",\"assets\":[{\"id\":\"s.pv\",\"pMin\":0,\"pMax\":4,\"a\":0,\"b\":0.05}]},"
                + "{\"id\":\"b\",\"bus\":\"33\",\"assets\":[{\"id\":\"b.load\",\"pMin\":-3,\"pMax\":-3,\"a\":0,\"b\":0}]}],"
                + "\"trades\":{\"graph\":\"complete\",\"fee\":0.01},"
                + "\"network\":{\"case\":\"case33bw\",\"vMin\":0.85,\"vMax\":1.1" + network + "}}";
    }

    /**
     * The three houses of the command line's example (a PV household and a consumer in a community
     * with its manager, a generator, the grid at bus 1) over {@code periods} periods, the PV's
     * upper bound changing per period.
     *
     * @param periods the number of periods, {@code >= 1}
     * @param network the extra fields of the {@code network} block, starting with a comma, or empty
     */
    static String threeHouses(int periods, String network) {
        StringBuilder pv = new StringBuilder(periods == 1 ? "" : "[");
        for (int t = 0; t < periods; t++) {
            pv.append(t > 0 ? "," : "").append(String.format(Locale.ROOT, "%.1f", 4.0 - t));
        }
        pv.append(periods == 1 ? "" : "]");
        return "{\"format\":\"peerclear-market\",\"version\":2,\"name\":\"three-houses\",\"periods\":" + periods + ","
                + "\"units\":{\"power\":\"kW\",\"currency\":\"EUR\",\"periodHours\":0.5},\"agents\":["
                + "{\"id\":\"h1\",\"bus\":\"18\",\"assets\":[{\"id\":\"h1.pv\",\"pMin\":0,\"pMax\":" + pv + ",\"a\":0,\"b\":0},"
                + "{\"id\":\"h1.load\",\"pMin\":-3,\"pMax\":-1,\"a\":0.05,\"b\":0.3}]},"
                + "{\"id\":\"h2\",\"bus\":\"25\",\"assets\":[{\"id\":\"h2.load\",\"pMin\":-5,\"pMax\":0,\"a\":0.04,\"b\":0.28}]},"
                + "{\"id\":\"h3\",\"bus\":\"33\",\"assets\":[{\"id\":\"h3.gen\",\"pMin\":0,\"pMax\":6,\"a\":0.02,\"b\":0.1}]},"
                + "{\"id\":\"m1\",\"assets\":[]}],"
                + "\"trades\":{\"graph\":\"complete\",\"fee\":0.01,\"arcs\":[{\"from\":\"h2\",\"to\":\"h3\",\"gamma\":0.03}]},"
                + "\"communities\":[{\"id\":\"C1\",\"manager\":\"m1\",\"members\":[\"h1\",\"h2\"]}],"
                + "\"grid\":{\"bus\":\"1\",\"importPrice\":0.35,\"exportPrice\":0.05},"
                + "\"network\":{\"case\":\"case33bw\",\"vMin\":0.9,\"vMax\":1.05" + network + "}}";
    }

    /** Writes a case's text to {@code dir/name} and returns the file. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
