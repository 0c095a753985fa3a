package org.peerclear.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.generate.HouseholdDayGenerator;
import org.peerclear.io.MarketCaseReader;
import org.peerclear.io.MarketCaseWriter;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.powerflow.Feeder;
import org.peerclear.powerflow.matpower.Feeders;

/**
 * A sweep's base case as a JSON tree, fresh for each scenario: a case file (read and checked once;
 * its relative paths made absolute, so that the scenario's case reads the same anywhere), or a
 * generator of core's {@code generate} package, run with the scenario's seed.
 */
final class BaseCase {
    /** The families a generated base names, with their keys. */
    static final Map<String, List<String>> FAMILIES = Map.of(
            "bipartite", List.of("family", "peers", "partners", "seed", "network"),
            "household-day", List.of("family", "households", "days", "periods", "batteries", "evs", "partners", "seed"));

    private final boolean seeded;
    private final long ownSeed;
    private final Function<Long, ObjectNode> make;
    private final Map<Long, ObjectNode> made = new HashMap<>();

    private BaseCase(boolean seeded, long ownSeed, Function<Long, ObjectNode> make) {
        this.seeded = seeded;
        this.ownSeed = ownSeed;
        this.make = make;
    }

    /** {@return whether a scenario's seed changes this base} */
    boolean seeded() {
        return seeded;
    }

    /**
     * A fresh copy of the base case's tree.
     *
     * @param seed the scenario's seed, or null for the base's own
     * @return a tree the caller may change
     */
    ObjectNode tree(Long seed) {
        return made.computeIfAbsent(seed == null ? ownSeed : seed, make).deepCopy();
    }

    /** The base named by the sweep file's {@code base}: a path relative to {@code dir}, or {@code {"generate": {...}}}. */
    static BaseCase of(JsonNode base, Path dir) {
        if (base != null && base.isTextual()) {
            return file(dir.resolve(SweepJson.text(base, "base")).normalize());
        }
        if (base == null || !base.isObject()) {
            throw new InvalidSweepException("base", "must be a case file's path (relative to the sweep file) or"
                    + " {\"generate\": {...}}, got " + SweepJson.describe(base));
        }
        ObjectNode o = (ObjectNode) base;
        SweepJson.onlyKeys(o, "base.", List.of("generate"));
        return generated(SweepJson.object(o.get("generate"), "base.generate"));
    }

    private static BaseCase file(Path file) {
        ObjectNode tree = SweepJson.readObject(file, "base");
        try {
            MarketCaseReader.create().readCase(file);
        } catch (InvalidMarketException e) {
            throw new InvalidSweepException("base", "invalid market case " + file + ": " + e.getMessage());
        }
        absolute(tree, file.toAbsolutePath().getParent());
        return new BaseCase(false, 0L, seed -> tree);
    }

    /** Relative paths of a case (profiles, a MATPOWER feeder) resolved against its folder. */
    private static void absolute(ObjectNode tree, Path dir) {
        JsonNode profiles = tree.get("profiles");
        if (profiles != null && profiles.isTextual()) {
            tree.put("profiles", dir.resolve(profiles.textValue()).toString());
        }
        JsonNode network = tree.get("network");
        if (network instanceof ObjectNode n && n.path("case").isTextual() && !Feeders.EMBEDDED.contains(n.get("case").textValue())) {
            n.put("case", dir.resolve(n.get("case").textValue()).toString());
        }
    }

    private static BaseCase generated(ObjectNode g) {
        String family = SweepJson.text(g.get("family"), "base.generate.family");
        List<String> keys = FAMILIES.get(family);
        if (keys == null) {
            throw new InvalidSweepException("base.generate.family", "unknown family '" + family + "'"
                    + SweepJson.hint(family, List.copyOf(FAMILIES.keySet())) + "; known: bipartite, household-day");
        }
        SweepJson.onlyKeys(g, "base.generate.", keys);
        long ownSeed = g.has("seed") ? SweepJson.integer(g.get("seed"), "base.generate.seed") : 1L;
        int partners = partners(g);
        Generator make;
        if (family.equals("bipartite")) {
            int peers = count(g, "peers", -1);
            String network = g.has("network") ? SweepJson.text(g.get("network"), "base.generate.network") : null;
            List<String> buses = network == null ? null : marketBuses(network);
            make = seed -> MarketCaseWriter.toJson(BipartiteMarketGenerator.generate(peers, partners, seed, buses, network));
        } else {
            int households = count(g, "households", -1);
            int days = count(g, "days", 1);
            int periods = count(g, "periods", 24);
            int batteries = count(g, "batteries", 0);
            int evs = count(g, "evs", 0);
            make = seed -> MarketCaseWriter.toJson(HouseholdDayGenerator.generate(households, days, periods, batteries, evs,
                    partners, seed));
        }
        try {
            make.json(ownSeed);
        } catch (IllegalArgumentException e) {
            throw new InvalidSweepException("base.generate", e.getMessage());
        }
        return new BaseCase(true, ownSeed, seed -> SweepJson.parse(make.json(seed)));
    }

    private interface Generator {
        String json(long seed);
    }

    /** The buses of an embedded feeder on which generated agents may sit: all but the substation. */
    private static List<String> marketBuses(String feeder) {
        Feeder f;
        try {
            f = Feeders.embedded(feeder);
        } catch (IllegalArgumentException e) {
            throw new InvalidSweepException("base.generate.network", e.getMessage());
        }
        List<String> ids = new java.util.ArrayList<>(f.busIds());
        ids.remove(f.slackIndex());
        return ids;
    }

    private static int partners(ObjectNode g) {
        JsonNode p = g.get("partners");
        if (p == null || (p.isTextual() && p.textValue().equals("all"))) {
            return BipartiteMarketGenerator.ALL_PARTNERS;
        }
        return (int) SweepJson.integer(p, "base.generate.partners");
    }

    private static int count(ObjectNode g, String key, int dflt) {
        if (!g.has(key)) {
            if (dflt < 0) {
                throw new InvalidSweepException("base.generate." + key, "missing");
            }
            return dflt;
        }
        long v = SweepJson.integer(g.get(key), "base.generate." + key);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InvalidSweepException("base.generate." + key, "must be a whole number >= 0, got " + v);
        }
        return (int) v;
    }
}
