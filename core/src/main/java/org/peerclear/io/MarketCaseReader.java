package org.peerclear.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.peerclear.model.HorizonMarket;
import org.peerclear.model.Agent;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.NetworkSpec;

/**
 * Reads a market case (format {@code peerclear-market}, version 1 or 2). Strict: unknown fields at
 * any level, wrong types, missing required fields, non-finite numbers and duplicate JSON keys
 * are rejected with an {@link InvalidMarketException} naming the field; the semantic rules are
 * those of {@link Market.Builder#build()}.
 *
 * <p>The case is streamed ({@link CaseParser}): a file is read once, in bytes, and never held
 * whole in memory, so a 100,000-agent case costs the market it describes and little more. A
 * file must be UTF-8 (a byte-order mark is allowed); problems with the file as a whole (not
 * UTF-8, not JSON, empty) name the file as their field, and {@code (file)} when reading text.
 * A file that cannot be read at all is an {@link UncheckedIOException} naming it and the problem.
 *
 * <p>A reader may be given a bus lookup (a feeder name or path → its bus ids), so that agents
 * placed on buses the feeder does not have are rejected at read time. The power-flow module
 * provides one; without it, bus ids are checked when a network-aware method loads the feeder.
 * It may also be given a {@link FileProgressListener}, told how many bytes of a file are read.
 *
 * <p>{@link #read} gives one period's {@link Market}: a version-1 case, or a version-2 case of one
 * period without assets with memory. {@link #readHorizon} gives a {@link HorizonMarket} for any
 * case (a version-1 case is a horizon of one period); {@link #read} refuses a case that needs a
 * horizon with a message that points to it.
 */
public final class MarketCaseReader {
    /** The {@code format} every case file declares. */
    public static final String FORMAT = "peerclear-market";
    /** The version of a single-period case, and the version the single-period writer writes. */
    public static final int VERSION = 1;
    /** The version that added time (periods, per-period numbers, storage, EVs, shiftable loads, ramps). */
    public static final int HORIZON_VERSION = 2;
    /** The field named by problems of a whole document read from text. */
    public static final String DOCUMENT = "(file)";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build());

    private final Function<NetworkSpec, Set<String>> busLookup;
    private final FileProgressListener progress;

    private MarketCaseReader(Function<NetworkSpec, Set<String>> busLookup, FileProgressListener progress) {
        this.busLookup = busLookup;
        this.progress = progress;
    }

    /** {@return a reader that does not resolve feeders: bus ids are checked later, when a method loads the feeder} */
    public static MarketCaseReader create() {
        return new MarketCaseReader(null, FileProgressListener.NONE);
    }

    /**
     * A reader that checks agents' and the grid's buses against the feeder's bus ids.
     *
     * @param busLookup the bus ids of a case's feeder (the power-flow module provides one)
     * @return a new reader
     */
    public static MarketCaseReader withBusLookup(Function<NetworkSpec, Set<String>> busLookup) {
        return new MarketCaseReader(busLookup, FileProgressListener.NONE);
    }

    /**
     * This reader, reporting how far it has read each file to {@code listener}.
     *
     * @param listener told the bytes read of each file
     * @return a new reader with this one's bus lookup
     */
    public MarketCaseReader withProgress(FileProgressListener listener) {
        return new MarketCaseReader(busLookup, listener);
    }

    /**
     * One period's market from a case file; a case that needs a horizon is refused (see {@link #readHorizon(Path)}).
     *
     * @param file a case file, UTF-8; relative network paths resolve against its folder
     * @return the market
     * @throws InvalidMarketException if the file is missing, not a case or breaks a rule (the message names the field)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Market read(Path file) {
        return read(file, CaseParser::market);
    }

    /**
     * Reads a case from text; relative network paths resolve against {@code baseDirectory}.
     *
     * @param json          the case document
     * @param baseDirectory the folder relative paths resolve against; null for the working directory
     * @return the market
     * @throws InvalidMarketException if the text is not a one-period case or breaks a rule
     */
    public Market read(String json, Path baseDirectory) {
        return read(json, baseDirectory, CaseParser::market);
    }

    /**
     * A case as it is, read once: one period's {@link Market} when that is all it is (version 1,
     * or version 2 with one period and no assets with memory), else its {@link HorizonMarket}.
     *
     * @param market  the one-period market, or null when {@code horizon} is set
     * @param horizon the horizon, or null when {@code market} is set
     * @param options the case's {@code options} block: option names to their values as written, in the file's order
     */
    public record Case(Market market, HorizonMarket horizon, Map<String, String> options) {
        /**
         * Copies the options, keeping their order.
         *
         * @param market  the one-period market, or null when {@code horizon} is set
         * @param horizon the horizon, or null when {@code market} is set
         * @param options the case's {@code options} block: option names to their values as
         *     written (numbers and booleans as text), in the file's order; empty without one
         */
        public Case {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        /**
         * A case without options.
         *
         * @param market  the one-period market, or null when {@code horizon} is set
         * @param horizon the horizon, or null when {@code market} is set
         */
        public Case(Market market, HorizonMarket horizon) {
            this(market, horizon, Map.of());
        }

        /** {@return {@code true} when the case is a {@link HorizonMarket} (and {@code market} is null)} */
        public boolean isHorizon() {
            return horizon != null;
        }
    }

    /**
     * The case file as a {@link Case}: what a command that takes either reads.
     *
     * @param file a case file of either version
     * @return the case, a market when one period is all it is, else a horizon
     * @throws InvalidMarketException if the file is missing, not a case or breaks a rule (the message names the field)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Case readCase(Path file) {
        return read(file, CaseParser::either);
    }

    /**
     * The case file as a horizon, of any version; relative paths (network, profiles) resolve against its folder.
     *
     * @param file a case file; a version-1 case is a horizon of one period
     * @return the horizon
     * @throws InvalidMarketException if the file is missing, not a case or breaks a rule (the message names the field)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public HorizonMarket readHorizon(Path file) {
        return read(file, CaseParser::horizon);
    }

    /**
     * The case file as a horizon of any version, with its {@code options} block.
     *
     * @param file a case file
     * @return a case whose {@code horizon} is set, even for one period
     * @throws InvalidMarketException if the file is missing, not a case or breaks a rule (the message names the field)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Case readHorizonCase(Path file) {
        return read(file, CaseParser::horizonCase);
    }

    /**
     * A case as a horizon from text; relative paths (network, profiles) resolve against {@code baseDirectory}.
     *
     * @param json          the case document, either version
     * @param baseDirectory the folder relative paths resolve against; null for the working directory
     * @return the horizon
     * @throws InvalidMarketException if the text is not a case or breaks a rule
     */
    public HorizonMarket readHorizon(String json, Path baseDirectory) {
        return read(json, baseDirectory, CaseParser::horizon);
    }

    /**
     * A case from text as a {@link Case}, as {@link #readCase(Path)} reads a file.
     *
     * @param json          the case document, either version
     * @param baseDirectory the folder relative paths (network, profiles) resolve against; null for the working directory
     * @return the case, a market when one period is all it is, else a horizon
     * @throws InvalidMarketException if the text is not a case or breaks a rule (the message names the field)
     */
    public Case readCase(String json, Path baseDirectory) {
        return read(json, baseDirectory, CaseParser::either);
    }

    /**
     * A case from text as a horizon of any version, with its {@code options} block, as {@link #readHorizonCase(Path)}
     * reads a file.
     *
     * @param json          the case document, either version
     * @param baseDirectory the folder relative paths (network, profiles) resolve against; null for the working directory
     * @return a case whose {@code horizon} is set, even for one period
     * @throws InvalidMarketException if the text is not a case or breaks a rule (the message names the field)
     */
    public Case readHorizonCase(String json, Path baseDirectory) {
        return read(json, baseDirectory, CaseParser::horizonCase);
    }

    private <T> T read(Path file, Function<CaseParser, T> build) {
        String document = file.toString();
        try (InputStream raw = Files.newInputStream(file)) {
            ProgressMeter meter = new ProgressMeter(progress, FileProgress.Action.READING, file, Files.size(file),
                    FileProgress.Unit.BYTES);
            PushbackInputStream in = new PushbackInputStream(new CountingInputStream(raw, meter), 4);
            requireUtf8(in, document);
            T market = read(MAPPER.getFactory().createParser(in), file.toAbsolutePath().getParent(), document, build);
            meter.finish();
            return market;
        } catch (NoSuchFileException e) {
            throw new InvalidMarketException(document, "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + IoProblems.describe(e, file), e);
        }
    }

    private <T> T read(String json, Path baseDirectory, Function<CaseParser, T> build) {
        try {
            return read(MAPPER.getFactory().createParser(json), baseDirectory, DOCUMENT, build);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(JsonParser parser, Path baseDirectory, String document, Function<CaseParser, T> build)
            throws IOException {
        CaseParser parsed;
        try (JsonParser p = parser) {
            parsed = new CaseParser(p, MAPPER, baseDirectory, document).parse();
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage();
            // Jackson decodes UTF-8 itself and says so in these words when it cannot.
            String what = problem.startsWith("Invalid UTF-8") ? "is not UTF-8 text: " : "not valid JSON: ";
            throw new InvalidMarketException(document, what + problem + JsonFields.at(e.getLocation()));
        }
        T market = build.apply(parsed);
        if (busLookup != null) {
            // Every period has the same agents and network: period 0 speaks for all.
            checkBuses(market instanceof HorizonMarket h ? h.period(0)
                    : market instanceof Case c ? (c.isHorizon() ? c.horizon().period(0) : c.market()) : (Market) market);
        }
        return market;
    }

    /**
     * Refuses UTF-16 and UTF-32, which Jackson would otherwise detect and read: a case is UTF-8
     * (RFC 8259 asks for it between systems). Invalid UTF-8 further on is caught while parsing.
     */
    private static void requireUtf8(PushbackInputStream in, String document) throws IOException {
        byte[] head = new byte[4];
        int n = 0;
        for (int k; n < head.length && (k = in.read(head, n, head.length - n)) > 0; ) {
            n += k;
        }
        in.unread(head, 0, n);
        boolean bom16 = n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
        boolean zeros = n >= 2 && (head[0] == 0 || head[1] == 0);
        if (bom16 || zeros) {
            throw new InvalidMarketException(document, "is not UTF-8 text (it looks like UTF-16 or UTF-32); save it as UTF-8");
        }
    }

    private void checkBuses(Market market) {
        if (busLookup == null || market.network().isEmpty()) {
            return;
        }
        NetworkSpec net = market.network().get();
        Set<String> buses = busLookup.apply(net);
        for (Agent a : market.agents()) {
            if (a.bus() != null && !buses.contains(a.bus())) {
                throw new InvalidMarketException("agents[" + a.id() + "].bus", "bus '" + a.bus()
                        + "' is not a bus of network '" + net.feeder() + "'");
            }
        }
        market.grid().flatMap(g -> java.util.Optional.ofNullable(g.bus())).ifPresent(bus -> {
            if (!buses.contains(bus)) {
                throw new InvalidMarketException("grid.bus", "bus '" + bus + "' is not a bus of network '" + net.feeder() + "'");
            }
        });
        for (int k = 0; k < net.ratings().size(); k++) {
            NetworkSpec.BranchRating r = net.ratings().get(k);
            for (String bus : List.of(r.from(), r.to())) {
                if (!buses.contains(bus)) {
                    throw new InvalidMarketException("network.ratings[" + k + "]", "bus '" + bus
                            + "' is not a bus of network '" + net.feeder() + "'");
                }
            }
        }
    }
}
