package org.peerclear.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks every command line quoted in the docs against the command tree. A line under a
 * planned heading is not parsed; instead its command must not exist yet (once it does, the
 * docs must describe it as built).
 */
final class DocsCommandLines {
    private final CommandLineCheck check;

    DocsCommandLines(CommandLineCheck check) {
        this.check = check;
    }

    /** README.md and docs/*.md of the repository, in name order. */
    static List<Path> documents(Path root) {
        List<Path> out = new ArrayList<>();
        out.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The repository root: the nearest folder above the working directory with README.md and docs/. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
                return p;
            }
        }
        throw new IllegalStateException("No folder with README.md and docs/ above " + Path.of("").toAbsolutePath());
    }

    static List<DocCommandLine> read(Path root, Path document) {
        try {
            String name = root.relativize(document).toString().replace('\\', '/');
            return MarkdownCommandLines.of(name, Files.readString(document, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message per line that fails: where it is, what it says, and why it fails. */
    List<String> failures(List<DocCommandLine> lines) {
        List<String> out = new ArrayList<>();
        for (DocCommandLine l : lines) {
            if (l.planned()) {
                if (!l.args().isEmpty() && check.hasCommand(l.args().get(0))) {
                    out.add(l.where() + ": `" + l.args().get(0) + "` exists but is marked planned");
                }
                continue;
            }
            Optional<String> error = check.check(l.args());
            error.ifPresent(e -> out.add(l.where() + ": " + e));
        }
        return out;
    }
}
