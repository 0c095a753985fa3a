package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Bad input and a bad environment: one line on stderr naming the file and the problem, exit 2,
 * never a stack trace; the version and every default on show.
 */
class CliEnvironmentTest {
    @TempDir
    Path dir;

    /** A one-line message that is not a stack trace. */
    private static void assertOneLineError(CliTest.Run r, String... mentions) {
        assertThat(r.code()).as(r.err()).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(r.err().strip()).as(r.err()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        for (String m : mentions) {
            assertThat(r.err()).contains(m);
        }
    }

    private Path example() throws Exception {
        return CliTest.exampleCase(dir);
    }

    @Test
    void aFolderGivenAsTheCaseIsNamedAsUnreadable() {
        Path folder = dir.resolve("cases");
        folder.toFile().mkdir();
        assertOneLineError(CliTest.run("clear", folder.toString()), folder.toString(), "directory");
    }

    @Test
    void aFileWithoutReadPermissionIsNamed() throws Exception {
        Path p = example();
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("-w-------"));
        assumeTrue(!Files.isReadable(p), "running as root: permissions do not stop reading");
        assertOneLineError(CliTest.run("clear", p.toString()), p.toString(), "permission denied");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithThePlace() throws Exception {
        Path p = dir.resolve("latin1.json");
        Files.write(p, CliTest.withoutNetwork().replace("\"h1\"", "\"h\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
        assertOneLineError(CliTest.run("clear", p.toString()), "invalid market case " + p + ": is not UTF-8 text", "line");
    }

    @Test
    void malformedJsonIsNamedWithThePlace() throws Exception {
        Path p = dir.resolve("cut.json");
        Files.writeString(p, CliTest.withoutNetwork().substring(0, 300));
        assertOneLineError(CliTest.run("clear", p.toString()), "invalid market case " + p + ": not valid JSON", "line");
    }

    @Test
    void anInvalidFieldIsNamedWithTheFile() throws Exception {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, CliTest.withoutNetwork().replace("\"pMax\" : 4.0", "\"pMax\" : -4.0"));
        assertOneLineError(CliTest.run("clear", p.toString()), "invalid market case " + p + ": agents[h1].assets[h1.pv].pMin");
    }

    @Test
    void anIdWithALineBreakStillGivesOneLine() throws Exception {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, CliTest.withoutNetwork().replace("\"h1.pv\"", "\"h1\\npv\"").replace("\"pMax\" : 4.0", "\"pMax\" : -4.0"));
        assertOneLineError(CliTest.run("clear", p.toString()), "pMin must be <= pMax");
    }

    @Test
    void anUnwritableOutIsNamedAndLeavesNoFiles() throws Exception {
        Path blocker = dir.resolve("results");
        Files.writeString(blocker, "a file where a folder should be");
        Path out = blocker.resolve("r.json");
        assertOneLineError(CliTest.run("clear", example().toString(), "--out", out.toString()),
                "Cannot write " + out, "exists and is not a directory");
        assertThat(listing()).containsExactlyInAnyOrder("results", "three-houses.json");
    }

    @Test
    void anUnwritableCsvFolderIsNamed() throws Exception {
        Path blocker = dir.resolve("tables");
        Files.writeString(blocker, "a file where a folder should be");
        assertOneLineError(CliTest.run("clear", example().toString(), "--out", dir.resolve("r.json").toString(), "--csv", blocker.toString()),
                "Cannot write " + blocker.resolve("agents.csv"), "exists and is not a directory");
    }

    @Test
    void aReadOnlyOutFolderSaysPermissionDenied() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(ro), "running as root: permissions do not stop writing");
            Path out = ro.resolve("r.json");
            assertOneLineError(CliTest.run("clear", example().toString(), "--out", out.toString()), "Cannot write " + out + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @CommandLine.Command(name = "exhaust")
    static final class Exhaust implements Callable<Integer> {
        @CommandLine.Option(names = "--in-a-worker")
        boolean wrapped;

        @Override
        public Integer call() {
            OutOfMemoryError e = new OutOfMemoryError("Java heap space");
            if (wrapped) {
                // A thread pool hands a worker's error back wrapped.
                throw new IllegalStateException("worker failed", e);
            }
            throw e;
        }
    }

    private static CliTest.Run runWithExhaust(String... args) {
        CommandLine cl = PeerClearCli.commandLine();
        cl.addSubcommand("exhaust", new Exhaust());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(err));
        return new CliTest.Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void runningOutOfMemorySaysSoAndSuggestsXmx() {
        for (CliTest.Run r : List.of(runWithExhaust("exhaust"), runWithExhaust("exhaust", "--in-a-worker"))) {
            assertOneLineError(r, "Out of memory (Java heap space", "-Xmx", "JAVA_OPTS=-Xmx");
        }
    }

    /** The command as a user runs it, in a JVM of its own (the class path of these tests). */
    private Process java(List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(PeerClearCli.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    @Test
    void aRealOutOfMemoryErrorInAJvmWithLittleHeapExitsTwoWithAdvice() throws Exception {
        Path out = dir.resolve("big.json");
        Process p = java(List.of("-Xmx24m"), "generate", "--peers", "2000000", "--partners", "10", "--out", out.toString());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(PeerClearCli.INVALID_INPUT);
        assertThat(err.strip()).contains("Out of memory").contains("-Xmx").doesNotContain("\tat ").doesNotContain("\n");
        assertThat(listing()).containsExactlyInAnyOrder("stdout.txt", "stderr.txt");
    }

    @Test
    void aWriteStoppedBySigtermLeavesNoTemporaryFile() throws Exception {
        Path out = dir.resolve("m.json");
        Process p = java(List.of(), "generate", "--peers", "60000", "--partners", "10", "--out", out.toString());
        boolean sawTemporary = false;
        for (int i = 0; i < 12_000 && p.isAlive() && !sawTemporary; i++) {
            sawTemporary = listing().stream().anyMatch(n -> n.startsWith(".m.json.") && n.endsWith(".tmp"));
            Thread.sleep(5);
        }
        p.destroy(); // SIGTERM, as from kill or a closing terminal; the JVM runs its shutdown hooks
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(sawTemporary && !Files.exists(out), "the write finished before it could be interrupted");
        assertThat(listing()).containsExactlyInAnyOrder("stdout.txt", "stderr.txt");
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }

    @Test
    void versionIsTheMavenProjectVersion() {
        String expected = System.getProperty("peerclear.expectedVersion");
        assertThat(expected).as("set by cli/pom.xml from ${project.version}").isNotBlank().doesNotContain("${");
        CliTest.Run r = CliTest.run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("peerclear " + expected);
    }

    @Test
    void helpOfEveryCommandShowsEveryDefault() {
        CommandLine root = PeerClearCli.commandLine();
        for (CommandLine sub : root.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.name().equals("help")) {
                continue;
            }
            String usage = sub.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
            assertThat(usage).as(spec.name()).doesNotContain("default: null").doesNotContain("${");
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp() || o.required()) {
                    continue;
                }
                String description = String.join(" ", o.description()).toLowerCase(Locale.ROOT);
                assertThat(description).as(spec.name() + " " + o.longestName()).contains("default");
                String value = o.defaultValue() != null ? o.defaultValue()
                        : spec.defaultValueProvider() == null ? null : defaultFromProvider(spec, o);
                if (value != null) {
                    assertThat(usage).as(spec.name() + " " + o.longestName()).contains("default: " + value);
                }
            }
        }
    }

    private static String defaultFromProvider(CommandSpec spec, OptionSpec o) {
        try {
            return spec.defaultValueProvider().defaultValue(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void clearDefaultsAreTheLibrarys() {
        String usage = PeerClearCli.commandLine().getSubcommands().get("clear").getUsageMessage(CommandLine.Help.Ansi.OFF);
        org.peerclear.clearing.admm.AdmmOptions admm = org.peerclear.clearing.admm.AdmmOptions.DEFAULT;
        assertThat(usage.replaceAll("\\s+", " "))
                .contains("(default: " + admm.eps() + ")")
                .contains("(default: " + admm.maxIterations() + ")")
                .contains("(default: " + admm.alpha() + ")")
                .contains("(default: paper)")
                .contains("(default: " + org.peerclear.opt.SolverParameters.DEFAULT.threads() + ")");
    }

    @Test
    void progressReportsReadingAndWritingTheFiles() throws Exception {
        Path out = dir.resolve("r.json");
        Path csv = dir.resolve("csv");
        Path in = example();
        CliTest.Run r = CliTest.run("clear", in.toString(), "--out", out.toString(), "--csv", csv.toString(), "--progress");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("read " + in + " (").contains("wrote " + out + " (")
                .contains("wrote " + csv.resolve("trades.csv") + " (");
    }

    @Test
    void outputFilesAreReadableByOthersUnderTheUsualUmask() throws Exception {
        Path out = dir.resolve("r.json");
        assertThat(CliTest.run("clear", example().toString(), "--out", out.toString()).code()).isZero();
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "x");
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(new File(out.toString()).canRead()).isTrue();
    }
}
