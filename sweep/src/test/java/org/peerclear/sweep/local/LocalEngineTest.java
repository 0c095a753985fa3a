package org.peerclear.sweep.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerclear.opt.Status;
import org.peerclear.sweep.Scenario;
import org.peerclear.sweep.ScenarioCsv;
import org.peerclear.sweep.ScenarioRow;
import org.peerclear.sweep.Sweep;
import org.peerclear.sweep.SweepEngine;
import org.peerclear.sweep.SweepProgress;
import org.peerclear.sweep.SweepSettings;

/** The local engine: rows in the scenarios' order, the same on one thread and two, failures as rows, progress. */
class LocalEngineTest {
    @TempDir
    Path dir;

    private List<Scenario> scenarios() throws Exception {
        Files.copy(Path.of("..", "examples", "sweeps", "three-houses.json"), dir.resolve("three-houses.json"));
        // Six that clear, and one whose case breaks a rule (vMin above vMax): an ERROR row in the middle.
        Files.writeString(dir.resolve("sweep.json"), ("{'base': 'three-houses.json', 'scenarios': ["
                + "{'id': 'a', 'fee': 0.0}, {'id': 'b', 'fee': 0.01, 'scale.pv': 1.2}, {'id': 'c', 'scale.load': 0.8},"
                + "{'id': 'bad', 'network.vMin': 1.2}, {'id': 'd', 'scale.pv': 2}, {'id': 'e', 'fee': 0.03, 'scale.gen': 0.5},"
                + "{'id': 'f', 'method': 'qp', 'scale.pv': 0.5}]}").replace('\'', '"'));
        return Sweep.read(dir.resolve("sweep.json")).scenarios();
    }

    @Test
    void oneThreadAndTwoGiveTheSameRowsInTheScenariosOrder() throws Exception {
        List<Scenario> scenarios = scenarios();
        List<SweepProgress.Report> reports = new ArrayList<>();
        SweepEngine local = SweepEngine.registered().get("local");
        List<ScenarioRow> one = local.run(scenarios, SweepSettings.defaults().withThreads(1), reports::add);
        List<ScenarioRow> two = local.run(scenarios, SweepSettings.defaults().withThreads(2), SweepProgress.NONE);

        assertThat(one).extracting(ScenarioRow::id).containsExactly("a", "b", "c", "bad", "d", "e", "f");
        assertThat(two).extracting(ScenarioRow::id).containsExactlyElementsOf(one.stream().map(ScenarioRow::id).toList());
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).equalsIgnoringTime(one.get(i))).as(one.get(i).id()).isTrue();
        }
        assertThat(one.get(3).status()).isEqualTo(Status.ERROR);
        assertThat(one).filteredOn(r -> !r.id().equals("bad")).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.OPTIMAL));
        assertThat(withoutSeconds(ScenarioCsv.text(two))).isEqualTo(withoutSeconds(ScenarioCsv.text(one)));

        assertThat(reports).hasSize(7);
        assertThat(reports).extracting(SweepProgress.Report::done).containsExactly(1, 2, 3, 4, 5, 6, 7);
        SweepProgress.Report last = reports.get(6);
        assertThat(last.total()).isEqualTo(7);
        assertThat(last.failed()).isEqualTo(1);
        assertThat(last.secondsLeft()).isZero();
    }

    @Test
    void anUnknownEngineNamesTheCloseOne() {
        assertThat(SweepEngine.registered().names()).contains("local");
        assertThatThrownBy(() -> SweepEngine.registered().get("locl")).hasMessageContaining("did you mean 'local'");
    }

    @Test
    void theEstimateIsTheMeanTimeSoFarTimesWhatIsLeft() {
        assertThat(SweepProgress.Report.of(2, 10, 0, 4.0).secondsLeft()).isEqualTo(16.0);
        assertThat(SweepProgress.Report.of(0, 10, 0, 0.5).secondsLeft()).isNaN();
    }

    /** The CSV without its last column, seconds. */
    private static String withoutSeconds(String csv) {
        return csv.replaceAll(",[^,\\n]*\\n", "\n");
    }
}
