package org.peerclear.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clear --time-limit SECONDS}: validated, shown in the help with its default, recorded in the result. */
class ClearTimeLimitTest {
    @TempDir
    Path dir;

    private Path exampleCase() throws Exception {
        return CliTest.exampleCase(dir);
    }

    @Test
    void theHelpShowsTheOptionAndItsDefault() {
        CliTest.Run r = CliTest.run("clear", "--help");
        String help = r.out().replaceAll("\\s+", " ");
        assertThat(help).contains("--time-limit=SECONDS").contains("TIME_LIMIT").contains("(default: 600)");
    }

    @Test
    void aLimitThatIsNotAPositiveNumberOfSecondsExitsTwo() throws Exception {
        for (String bad : new String[] {"0", "-5", "NaN"}) {
            CliTest.Run r = CliTest.run("clear", exampleCase().toString(), "--time-limit", bad);
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).contains("--time-limit");
        }
    }

    @Test
    void theLimitIsRecordedInTheResult() throws Exception {
        Path out = dir.resolve("r.json");
        CliTest.Run r = CliTest.run("clear", exampleCase().toString(), "--method", "qp", "--time-limit", "30", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertThat(j.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(j.get("options").get("timeLimitSeconds").asText()).isEqualTo("30.0");
    }
}
