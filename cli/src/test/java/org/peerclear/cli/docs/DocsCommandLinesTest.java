package org.peerclear.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.peerclear.cli.PeerClearCli;

/**
 * Every {@code peerclear} command line quoted in README.md and docs/*.md parses with the real
 * command tree (parse only: nothing runs), and the docs mark what is not built as planned.
 */
class DocsCommandLinesTest {
    private final DocsCommandLines docs = new DocsCommandLines(new CommandLineCheck(PeerClearCli::commandLine));

    private List<String> failures(String markdown) {
        return docs.failures(MarkdownCommandLines.of("doc.md", markdown));
    }

    @Test
    void everyCommandLineInTheDocsParses() {
        Path root = DocsCommandLines.root();
        List<DocCommandLine> lines = new ArrayList<>();
        for (Path doc : DocsCommandLines.documents(root)) {
            lines.addAll(DocsCommandLines.read(root, doc));
        }
        Set<String> commands = new TreeSet<>();
        lines.stream().filter(l -> !l.planned() && !l.args().isEmpty()).forEach(l -> commands.add(l.args().get(0)));
        assertThat(commands).as("the commands the docs quote").contains("clear", "example", "generate", "powerflow", "simulate", "sweep");
        assertThat(docs.failures(lines)).as("command lines in the docs that do not parse").isEmpty();
    }

    @Test
    void aBadOptionFailsNamingTheFileTheLineAndTheParseError() {
        String doc = "# Title\n\nSome text.\n\n```bash\n./peerclear generate --peers 10 --out m.json\n"
                + "./peerclear clear case.json --method qp --bogus 1\n```\n";
        assertThat(failures(doc)).containsExactly(
                "doc.md:7: `./peerclear clear case.json --method qp --bogus 1`: Unknown options: '--bogus', '1'");
    }

    @Test
    void aBadValueFailsInInlineCodeAndInTheJarForm() {
        String doc = "Run `java -Xmx8g -jar cli/target/peerclear.jar generate --peers ten\n--out m.json` or\n"
                + "`JAVA_OPTS=-Xmx8g ./peerclear clear big.json`.\n";
        assertThat(failures(doc)).singleElement().asString()
                .startsWith("doc.md:1: `java -Xmx8g -jar cli/target/peerclear.jar generate --peers ten --out m.json`: ")
                .contains("'ten' is not an int");
    }

    @Test
    void synopsesAreCheckedWordByWordAndEachAlternativeOnItsOwn() {
        assertThat(failures("```\n./peerclear clear CASE.json [--method auto|lp] [--rho R --threads T]\n"
                + "                            [--time-limit SECONDS] [--out R.json] ...\n```\n")).isEmpty();
        assertThat(failures("```\n./peerclear powerflow case33bw [--method ac|lindistflow] [--threads T|many]\n```\n"))
                .singleElement().asString().contains("--threads").contains("(as `powerflow case33bw --method ac --threads T`)");
    }

    @Test
    void aThirdAlternativeThatIsNotANumberFails() {
        assertThat(failures("```\n./peerclear clear c.json [--threads 1|2|two]\n```\n"))
                .singleElement().asString().contains("'two' is not an int").contains("(as `clear c.json --threads two`)");
    }

    @Test
    void anIndentedSynopsisIsACommandOfItsSection() {
        assertThat(failures("## generate — a market\n    generate --peers N [--partners K|all] --out FILE.json\n")).isEmpty();
        assertThat(failures("## generate — a market\n    generate --peers N --colour red --out m.json\n"))
                .singleElement().asString().startsWith("doc.md:2: `generate --peers N --colour red --out m.json`: Unknown options");
        assertThat(MarkdownCommandLines.of("doc.md", "## bench — JMH\n    java -jar benchmarks/target/benchmarks.jar\n"))
                .as("not a peerclear command").isEmpty();
    }

    @Test
    void aCommandThatIsNotBuiltFailsUnlessItsSectionIsMarkedPlanned() {
        assertThat(failures("## forecast\n    forecast CASE.json --out DIR\n"))
                .singleElement().asString().contains("Unmatched arguments").contains("forecast");
        String planned = "## Planned (issue 13)\n\n### forecast — loads\n    forecast CASE.json --out DIR\n"
                + "\n`./peerclear forecast c.json --engine spark --out d`\n\n## clear\n    clear c.json --nope\n";
        assertThat(failures(planned)).as("only the line after the planned section is checked")
                .singleElement().asString().startsWith("doc.md:9: `clear c.json --nope`");
    }

    @Test
    void aCommandThatExistsMustNotBeMarkedPlanned() {
        assertThat(failures("## Planned (issue 13)\n\n`./peerclear generate --peers 4 --out m.json`\n"))
                .containsExactly("doc.md:3: `./peerclear generate --peers 4 --out m.json`: `generate` exists but is marked planned");
    }

    @Test
    void shellCommentsAndProseAreNotCommandLines() {
        assertThat(MarkdownCommandLines.of("doc.md", "```bash\n./peerclear example   # prints --bogus\nmvn -B verify\n```\n"
                + "The `peerclear` command; `--out` writes.\n"))
                .extracting(DocCommandLine::args).containsExactly(List.of("example"), List.of());
    }
}
