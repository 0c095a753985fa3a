package org.peerclear.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example runs as the README runs it and leaves the repository as it found it: surefire's
 * working directory is this module, where exec:java's would be the repository root, so a file
 * written relative to the working directory shows up here.
 */
class ExamplesWriteNothingTest {
    private static final Path MODULE = Path.of(System.getProperty("user.dir"));

    /** A one-period market of two households trading with each other. */
    private static final String CASE = """
            {"format": "peerclear-market", "version": 1, "name": "two-houses",
             "agents": [
               {"id": "h1", "assets": [{"id": "h1.pv", "pMin": 0, "pMax": 4, "a": 0.02, "b": 0.05}]},
               {"id": "h2", "assets": [{"id": "h2.load", "pMin": -3, "pMax": 0, "a": 0.04, "b": 0.30}]}],
             "trades": {"graph": "complete", "fee": 0.01}}
            """;

    @Test
    void marketStructuresExamplePrintsEveryStructureVerified() {
        String out = runAndCheckNothingWritten(() -> MarketStructuresExample.main(new String[0]));
        assertThat(out).contains("pool ", "full-p2p ", "community ", "composite ").doesNotContain("NOT VERIFIED");
    }

    @Test
    void networkExamplePrintsTheLossTableAndTheCharges() {
        String out = runAndCheckNothingWritten(() -> NetworkExample.main(new String[0]));
        assertThat(out).contains("p2p-case33bw: OPTIMAL", "| total | 196.365 | 196.365 | 196.365 |", "| distance |");
    }

    @Test
    void storageDayExamplePrintsFourOptimalScenarios() {
        String out = runAndCheckNothingWritten(() -> StorageDayExample.main(new String[0]));
        assertThat(out.lines().filter(l -> l.contains("(OPTIMAL,"))).hasSize(4);
    }

    @Test
    void auctionVsOptimumExamplePrintsOneRowPerK() {
        String out = runAndCheckNothingWritten(() -> AuctionVsOptimumExample.main(new String[0]));
        assertThat(out).contains("| K | uniform loss % | huang loss % | cda loss % |");
        assertThat(out.lines().filter(l -> l.matches("\\| \\d+ \\|.*"))).hasSize(AuctionVsOptimumExample.STEPS.length);
    }

    @Test
    void communityPricingExamplePrintsOneRowPerRuleAndDispatch() {
        String out = runAndCheckNothingWritten(() -> CommunityPricingExample.main(new String[0]));
        assertThat(out).contains("| rule | dispatch | self-consumption |", "| grid-only | standalone |", "| optimisation | optimised |");
        assertThat(out.lines().filter(l -> l.matches("\\| [a-z-]+ \\| (standalone|optimised) \\|.*"))).hasSize(10);
    }

    @Test
    void clearCaseFileWritesItsResultWhereItIsTold(@TempDir Path dir) throws IOException {
        Path market = Files.writeString(dir.resolve("two-houses.json"), CASE);
        Path result = dir.resolve("out.json");
        String out = runAndCheckNothingWritten(() -> ClearCaseFile.main(new String[] {market.toString(), result.toString()}));
        assertThat(out).contains("OPTIMAL", "result written to " + result);
        assertThat(Files.readString(result)).contains("\"status\"", "OPTIMAL");
    }

    @Test
    void clearCaseFileWritesItsResultUnderTheTemporaryDirectoryByDefault(@TempDir Path dir) throws IOException {
        Path market = Files.writeString(dir.resolve("two-houses.json"), CASE);
        String out = runAndCheckNothingWritten(() -> ClearCaseFile.main(new String[] {market.toString()}));
        String line = out.lines().filter(l -> l.startsWith("result written to ")).findFirst().orElseThrow();
        Path result = Path.of(line.substring("result written to ".length()));
        try {
            assertThat(result).startsWith(Path.of(System.getProperty("java.io.tmpdir"))).isRegularFile();
        } finally {
            Files.deleteIfExists(result);
        }
    }

    /** Runs an example with its standard output captured, so the build stays quiet; returns what it printed. */
    private static String runAndCheckNothingWritten(Runnable example) {
        Map<Path, Long> before = moduleFiles();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example.run();
        } finally {
            System.setOut(stdout);
        }
        assertThat(moduleFiles()).as("files of %s (outside target/) after the example", MODULE).isEqualTo(before);
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Every file of the module outside the build directory, with its modification time. */
    private static Map<Path, Long> moduleFiles() {
        Path target = MODULE.resolve("target");
        try (Stream<Path> files = Files.walk(MODULE)) {
            Map<Path, Long> found = new TreeMap<>();
            files.filter(p -> !p.startsWith(target) && Files.isRegularFile(p)).forEach(p -> found.put(p, modified(p)));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
