package org.peerclear.examples.extending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/extending.md shows the examples verbatim: each fenced block after a
 * {@code <!-- source: PATH -->} line is the file at PATH, and every example and registration
 * file is shown, so the doc cannot drift from the code that {@link ExtendingExamplesTest} runs.
 */
class ExtendingDocTest {
    private static final Pattern SOURCE = Pattern.compile("<!-- source: (\\S+) -->\\R```[a-z]*\\R(.*?)```", Pattern.DOTALL);
    private static final String EXAMPLES = "examples/src/test/java/org/peerclear/examples/extending";
    private static final String SERVICES = "examples/src/test/resources/META-INF/services";

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/extending.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("No docs/extending.md above " + Path.of("").toAbsolutePath());
    }

    /** The doc's quoted files: path to the block's text. */
    static Map<String, String> quoted(String markdown) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = SOURCE.matcher(markdown);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void everyBlockIsTheFileItNamesAndEveryExampleIsShown() throws IOException {
        Path root = root();
        Map<String, String> quoted = quoted(Files.readString(root.resolve("docs/extending.md"), StandardCharsets.UTF_8));

        List<String> shown = new ArrayList<>();
        try (Stream<Path> sources = Stream.concat(Files.list(root.resolve(EXAMPLES)), Files.list(root.resolve(SERVICES)))) {
            sources.filter(p -> !p.getFileName().toString().endsWith("Test.java"))
                    .forEach(p -> shown.add(root.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(quoted.keySet()).as("files the doc quotes vs the examples and their registrations")
                .containsExactlyInAnyOrderElementsOf(shown);
        Map<String, String> files = new TreeMap<>();
        for (String path : quoted.keySet()) {
            files.put(path, Files.readString(root.resolve(path), StandardCharsets.UTF_8));
        }
        assertThat(drifted(quoted, files)).as("blocks of docs/extending.md that differ from their files").isEmpty();
    }

    /** The quoted paths whose block is not the file's text. */
    static List<String> drifted(Map<String, String> quoted, Map<String, String> files) {
        List<String> out = new ArrayList<>();
        quoted.forEach((path, block) -> {
            if (!block.equals(files.get(path))) {
                out.add(path);
            }
        });
        return out;
    }

    @Test
    void aBlockThatDriftsFromItsFileIsCaught() {
        Map<String, String> q = quoted("<!-- source: A.java -->\n```java\nclass A {}\n```\n");
        assertThat(q).containsExactly(Map.entry("A.java", "class A {}\n"));
        assertThat(drifted(q, Map.of("A.java", "class A { }\n"))).containsExactly("A.java");
        assertThat(drifted(q, Map.of("A.java", "class A {}\n"))).isEmpty();
    }
}
