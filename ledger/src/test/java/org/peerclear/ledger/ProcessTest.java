package org.peerclear.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTest {
    @TempDir
    Path dir;

    private static Process child(Path file, long n, String tag) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AppendLoop.class.getName(), file.toString(),
                Long.toString(n), tag).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aProcessKilledWhileAppendingLeavesAVerifiedLedgerWithEveryAcknowledgedRecord() throws Exception {
        Path file = dir.resolve("crash.db");
        Ledger.open(file).close();
        Map<Long, String> acked = new HashMap<>();
        Process p = child(file, 0, "k");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (acked.size() < 300) {
                String line = r.readLine();
                assertThat(line).as("child died early").isNotNull();
                String[] f = line.split(" ");
                acked.put(Long.parseLong(f[0]), f[1]);
            }
            p.destroyForcibly(); // SIGKILL, most likely in the middle of an append
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue(); // records acknowledged after the last line read are not counted
        }
        try (Ledger l = Ledger.open(file)) {
            VerifyReport v = l.verify();
            assertThat(v.ok()).as(v.toString()).isTrue();
            assertThat(v.records()).isGreaterThanOrEqualTo(acked.size());
            Map<Long, String> stored = new HashMap<>();
            l.history("alice-k").forEach(e -> stored.put(e.sequence(), e.hash()));
            assertThat(stored).containsAllEntriesOf(acked);
        }
    }

    @Test
    void twoProcessesOnOneSqliteFileKeepOneChain() throws Exception {
        Path file = dir.resolve("two.db");
        Ledger.open(file).close();
        List<Process> ps = new ArrayList<>();
        for (String tag : List.of("p", "q")) {
            ps.add(child(file, 200, tag));
        }
        for (Process p : ps) {
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        try (Ledger l = Ledger.open(file)) {
            VerifyReport v = l.verify();
            assertThat(v.ok()).as(v.toString()).isTrue();
            assertThat(v.records()).isEqualTo(400);
            assertThat(l.history("alice-p")).hasSize(200);
            assertThat(l.history("alice-q")).hasSize(200);
        }
    }
}
