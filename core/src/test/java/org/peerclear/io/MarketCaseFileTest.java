package org.peerclear.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.generate.BipartiteMarketGenerator;
import org.peerclear.model.Agent;
import org.peerclear.model.Arc;
import org.peerclear.model.Asset;
import org.peerclear.model.InvalidMarketException;
import org.peerclear.model.Market;
import org.peerclear.model.TradeGraph;

/**
 * Reading case files: encodings, whole-file problems named by the file, streamed pairs and arcs
 * that read exactly what was written, progress. (The field-by-field rules are in
 * {@link MarketCaseReaderTest}.)
 */
class MarketCaseFileTest {
    @TempDir
    Path dir;

    private static final MarketCaseReader READER = MarketCaseReader.create();

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void aLatin1FileIsNotUtf8AndSaysWhereNamingTheFile() throws Exception {
        // "h1" renamed "hé" and saved as ISO-8859-1: the é is one byte 0xE9, invalid in UTF-8.
        String text = MarketCaseReaderTest.example().replace("\"h1\"", "\"h\u00e9\"");
        Path p = file("latin1.json", text.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> READER.read(p))
                .isInstanceOf(InvalidMarketException.class)
                .hasMessageStartingWith(p + ": is not UTF-8 text: ")
                .hasMessageContaining("at line ")
                .satisfies(e -> assertThat(((InvalidMarketException) e).field()).isEqualTo(p.toString()));
        // The same text in UTF-8 reads, with the é intact.
        Path ok = file("utf8.json", text.getBytes(StandardCharsets.UTF_8));
        assertThat(READER.read(ok).agents().get(0).id()).isEqualTo("h\u00e9");
    }

    @Test
    void utf16IsRefusedAndAUtf8ByteOrderMarkIsAccepted() throws Exception {
        String text = MarketCaseReaderTest.example();
        Path utf16 = file("utf16.json", text.getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> READER.read(utf16)).isInstanceOf(InvalidMarketException.class)
                .hasMessage(utf16 + ": is not UTF-8 text (it looks like UTF-16 or UTF-32); save it as UTF-8");
        Path utf16le = file("utf16le.json", text.getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> READER.read(utf16le)).hasMessageContaining("is not UTF-8 text");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        assertThat(READER.read(file("bom.json", bom)).name()).isEqualTo("three-houses");
    }

    @Test
    void malformedEmptyAndTrailingContentNameTheFileAndThePlace() throws Exception {
        Path cut = file("cut.json", "{ \"format\": \"peerclear-market\",\n  \"agents\": [ {".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> READER.read(cut)).isInstanceOf(InvalidMarketException.class)
                .hasMessageStartingWith(cut + ": not valid JSON: ").hasMessageContaining("at line 2");
        Path empty = file("empty.json", new byte[0]);
        assertThatThrownBy(() -> READER.read(empty)).hasMessage(empty + ": is empty");
        Path twice = file("twice.json", (MarketCaseReaderTest.example() + "\n{}").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> READER.read(twice)).isInstanceOf(InvalidMarketException.class)
                .hasMessageStartingWith(twice + ": not valid JSON: unexpected { after the end of the case at line ");
        assertThatThrownBy(() -> READER.read("[]", null)).hasMessage("(file): must be a JSON object, got an array");
    }

    @Test
    void aFolderOrAMissingFileIsNamedWithTheProblem() {
        assertThatThrownBy(() -> READER.read(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Cannot read " + dir + ": ").hasMessageContaining("directory");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> READER.read(missing)).isInstanceOf(InvalidMarketException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void oddPairsAndArcsGetTheRuleThatTheyBreak() {
        String base = "{\"format\":\"peerclear-market\",\"version\":1,\"agents\":[{\"id\":\"a\",\"assets\":[]},{\"id\":\"b\",\"assets\":[]}],"
                + "\"trades\":{\"graph\":%s,\"arcs\":[%s]}}";
        String arc = "{\"from\":\"a\",\"to\":\"b\",\"gamma\":0.1}";
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\",\"c\"]]", arc), null))
                .hasMessage("trades.graph[0]: must be a pair [agentId, agentId], got an array");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\"],[\"a\",7]]", arc), null))
                .hasMessage("trades.graph[1][1]: must be a string, got number 7");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\" \"]]", arc), null))
                .hasMessage("trades.graph[0][1]: must be a non-empty string");
        assertThatThrownBy(() -> READER.read(String.format(base, "[\"a\"]", arc), null))
                .hasMessage("trades.graph[0]: must be a pair [agentId, agentId], got the string \"a\"");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\"]]", arc + ",{\"from\":\"b\",\"gamma\":\"0.1\",\"to\":\"a\"}"), null))
                .hasMessage("trades.arcs[1].gamma: must be a number, got the string \"0.1\"");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\"]]", "{\"to\":\"a\",\"gamma\":0.1}"), null))
                .hasMessage("trades.arcs[0].from: is required");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\"]]", "{\"from\":\"b\",\"to\":\"a\",\"gamma\":1e999}"), null))
                .hasMessage("trades.arcs[0].gamma: must be a finite number, got \"Infinity\"");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\"]]", "{\"from\":\"b\",\"to\":\"a\",\"gamma\":0.1,\"fee\":1}"), null))
                .hasMessageStartingWith("trades.arcs[0].fee: unknown field");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\"]]", "\"a->b\""), null))
                .hasMessage("trades.arcs[0]: must be a JSON object, got the string \"a->b\"");
        assertThatThrownBy(() -> READER.read(String.format(base, "[[\"a\",\"b\"]]", arc).replace("\"arcs\":[", "\"arcs\":null,\"x\":["), null))
                .hasMessage("trades.arcs: must be an array, got null");
    }

    @Test
    void everyNumberReadsBackBitForBit() {
        // Doubles over many magnitudes (up to the format's value range, 1e9) with all 17 digits,
        // written by the writer, read back exactly.
        Random random = new Random(42);
        List<Agent> agents = new ArrayList<>();
        List<List<String>> pairs = new ArrayList<>();
        List<Arc> arcs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double scale = Math.pow(10, random.nextInt(30) - 21);
            double lo = -random.nextDouble() * scale;
            agents.add(new Agent("n" + i, List.of(new Asset("n" + i + ".x", lo, random.nextDouble() * scale,
                    random.nextDouble() * scale, (random.nextDouble() - 0.5) * scale))));
            if (i > 0) {
                pairs.add(List.of("n" + (i - 1), "n" + i));
                arcs.add(new Arc("n" + i, "n" + (i - 1), random.nextDouble() * scale));
            }
        }
        Market.Builder b = Market.builder("numbers").tradeGraph(TradeGraph.pairs(pairs, 1e-3, arcs));
        agents.forEach(b::agent);
        Market m = b.build();
        Market back = READER.read(MarketCaseWriter.toJson(m), null);
        assertThat(back.agents()).isEqualTo(m.agents());
        assertThat(back.arcs()).isEqualTo(m.arcs());
        assertThat(back.tradeGraph().overrides()).isEqualTo(arcs);
    }

    @Test
    void aGeneratedCaseReadsBackToTheSameBytesAndReportsProgress() throws Exception {
        Market m = BipartiteMarketGenerator.generate(2000, 10, 3, null, null);
        Path p = dir.resolve("m.json");
        MarketCaseWriter.write(m, p);
        List<FileProgress> reports = new ArrayList<>();
        Market back = READER.withProgress(reports::add).read(p);
        assertThat(MarketCaseWriter.toJson(back)).isEqualTo(Files.readString(p));
        long size = Files.size(p);
        assertThat(reports).hasSizeBetween(2, 51);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo(FileProgress.Action.READING);
            assertThat(r.file()).isEqualTo(p);
            assertThat(r.total()).isEqualTo(size);
            assertThat(r.unit()).isEqualTo(FileProgress.Unit.BYTES);
        });
        assertThat(reports).extracting(FileProgress::done).isSorted();
        assertThat(reports.get(reports.size() - 1).done()).isEqualTo(size);
        assertThat(reports.get(reports.size() - 1).fraction()).isEqualTo(1.0);
    }
}
